/* expr.h: the rule language of form editions.
 *
 * A rule compares two expressions over declared figures and aggregates
 * of the annex lists, or calls a named special rule:
 *
 *   orders.paid + orders.unpaid = orders.total
 *   count(items where kind = '甲类') = orders.kind_a
 *   sum(items.amount where size in ('中型', '小型')
 *       and since >= '2021-01-01') = orders.small_amount
 *   distinct(items.kind, items.place) = orders.kinds
 *   count(users where last_on >= as_of - 29) <= …
 *   top_n(best.name, best.score, items.name, items.score, 5)
 *
 * Grammar (keywords and function names are ASCII, case-sensitive):
 *   rule    := sum cmp sum | call
 *   cmp     := '=' | '!=' | '<' | '<=' | '>' | '>=' | '≈'
 *   sum     := prod (('+' | '-') prod)*
 *   prod    := unary (('*' | '/') unary)*
 *   unary   := '-' unary | primary
 *   primary := NUMBER | STRING | name | call | '(' sum ')'
 *   name    := IDENT ('.' IDENT)*          a figure, or annex.column
 *   call    := IDENT '(' [args] ['where' cond] ['by' key (',' key)*] ')'
 *   key     := name | IDENT '(' name ')'     month(date), year(date),
 *                                            band(number), title(heading),
 *                                            region(uscc)
 *   args    := sum (',' sum)*
 *   cond    := conj ('or' conj)*
 *   conj    := neg ('and' neg)*
 *   neg     := 'not' neg | '(' cond ')' | sum cmp sum
 *              | sum 'in' '(' sum (',' sum)* ')'
 * Aggregates: count(annex), sum(annex.col), min(…), max(…),
 * distinct(annex.col [, annex.col …]), top(annex.label, annex.value, N).
 * With "by", an aggregate has one value per group of rows: by a column,
 * by month(date) ("2023-05") or by band(number) (the 1-2-5 band of the
 * value in the column's unit: "0", "1–2", "2–5", "5–10" …) or by
 * title(heading) (the heading without its numbering and count:
 * "一、家用洗涤剂（58种）" → "家用洗涤剂"), by year(date) ("2023"), or
 * by region(uscc) (the GB/T 2260 province code of a 统一社会信用代码,
 * its 3rd-4th characters (GB 32100-2015 §4): "32"). Functions:
 * month_start(date).
 * Inside where, a bare name is a column of the aggregate's annex, else a
 * figure. Strings compared with enum columns must be values of the
 * enumeration; compared with dates, dates. */
#ifndef SB_PIPELINE_EXPR_H
#define SB_PIPELINE_EXPR_H

#include <stdint.h>

#include "base/arena.h"
#include "base/sb.h"

struct sb_form;
struct sb_annex;

enum sb_ex {
    SB_EX_NUM,  /* number literal: num, scale */
    SB_EX_STR,  /* string literal: str */
    SB_EX_NAME, /* name: str; bound to a field or a column */
    SB_EX_CALL, /* str(args…, where, by…) */
    SB_EX_NEG,
    SB_EX_ADD,
    SB_EX_SUB,
    SB_EX_MUL,
    SB_EX_DIV,
    SB_EX_EQ,
    SB_EX_NE,
    SB_EX_LT,
    SB_EX_LE,
    SB_EX_GT,
    SB_EX_GE,
    SB_EX_APPROX,
    SB_EX_AND,
    SB_EX_OR,
    SB_EX_NOT,
    SB_EX_IN, /* a in (args…) */
};

/* What a name or call was bound to (bind.h). */
enum sb_bound {
    SB_BOUND_NONE,
    SB_BOUND_FIELD,   /* a declared field: field */
    SB_BOUND_ANNEX,   /* an annex: annex */
    SB_BOUND_COLUMN,  /* a column: annex, column */
    SB_BOUND_AGG,     /* an aggregate call: agg */
    SB_BOUND_FUNC,    /* a scalar function call */
    SB_BOUND_SPECIAL, /* a special rule: special */
};

struct sb_expr {
    enum sb_ex op;
    int pos;             /* byte offset in the rule text */
    double num;          /* SB_EX_NUM */
    int scale;           /* SB_EX_NUM: digits after the point */
    char *str;           /* SB_EX_STR text, SB_EX_NAME/CALL name */
    struct sb_expr *a, *b;
    struct sb_expr **args; /* call arguments, or the IN list */
    int n_args;
    struct sb_expr *where; /* call: filter */
    struct sb_expr **by;   /* call: group keys (names) */
    int n_by;
    /* Set by binding (bind.h): */
    enum sb_bound bound;
    int vtype;    /* enum sb_vtype: what the node evaluates to */
    int field;    /* index in form->fields */
    int annex;    /* index in form->annexes */
    int column;   /* index in the annex's columns */
    int agg;      /* index of the aggregate in form->aggs */
    int special;  /* index of the special rule (rules/special.h) */
    int enum_idx; /* STR compared with an enum column: the value index */
    int is_date;  /* STR compared with a date: date holds it */
    int32_t date; /* days since 1970-01-01 */
    struct sb_expr **hidden; /* special rules: the aggregates they build
                                and need, bound */
    int n_hidden;
};

/* Parse text into nodes allocated from arena a (they live as long as
 * it: there is no freeing one tree). Returns SB_OK and *out, or
 * SB_EFORMAT with err->pos.col = the 1-based character column of the
 * mistake and a message saying what was expected there. */
int sb_expr_parse(struct sb_arena *a, const char *text, struct sb_expr **out,
                  struct sb_error *err);

/* Parse a value (the "sum" of the grammar), such as a column bound
 * "as_of" or a chart's "count(items by kind)". As
 * sb_expr_parse otherwise. */
int sb_expr_parse_value(struct sb_arena *a, const char *text,
                        struct sb_expr **out, struct sb_error *err);

/* A new node of kind op at byte offset pos of its text, in a, nothing
 * bound (indexes -1); for trees built without text (a bare date bound,
 * the aggregates a special rule needs). */
struct sb_expr *sb_expr_new(struct sb_arena *a, enum sb_ex op, int pos);

/* A new node of kind op (SB_EX_STR, SB_EX_NAME, SB_EX_CALL) whose text
 * or name is a copy of str, in a. */
struct sb_expr *sb_expr_named(struct sb_arena *a, enum sb_ex op,
                              const char *str);

/* Append e to the node array *v of *n (args, by, hidden), in a. */
void sb_expr_push(struct sb_arena *a, struct sb_expr ***v, int *n,
                  struct sb_expr *e);

/* Write e back as text (normalised spacing) into b; for messages and
 * tests. */
void sb_expr_print(const struct sb_expr *e, struct sb_buf *b);

#endif
