/* form.h: a form edition (pipeline/forms/<edition>/) loaded into memory.
 *
 * Everything that changes from one year's notice to the next is data:
 *   edition.csv  key,value: code, title, notice, source, stat_date …
 *   fields.csv   the declared fields of the form (code, section, Chinese
 *                label as printed, type, unit, required, none_ok)
 *   enums.csv    enumerations (value, aliases, parent value, note)
 *   annexes.csv  the annex lists (code, number, title, file names)
 *   columns.csv  each annex's columns (Chinese header, aliases, type,
 *                unit, required, unique, enumeration, min, max)
 *   rules.csv    the cross-check rules, each citing its source
 *   charts.csv   the statistics charts (optional)
 * The C code knows field types, never field names: the identifiers of a
 * form live in its files and are documented there (README "Form
 * editions"). Loading reads it all as data and validates it, expressions
 * parsed (expr.h) but not bound: binding the names of rules, bounds and
 * charts to fields and columns is the next step (rules/bind.h,
 * sb_form_open). Both fail with the file, row and column of the first
 * mistake. */
#ifndef SB_PIPELINE_FORM_H
#define SB_PIPELINE_FORM_H

#include "findings/finding.h"
#include "base/arena.h"
#include "base/sb.h"

/* Cell and field types. */
enum sb_type {
    SB_TYPE_TEXT,      /* any text */
    SB_TYPE_INT,       /* integer count; 12.6万 accepted in form.csv */
    SB_TYPE_DECIMAL,   /* decimal number */
    SB_TYPE_MONEY,     /* amount in the unit's 元 or 万元 */
    SB_TYPE_PERCENT,   /* percentage, in percent */
    SB_TYPE_DATE,      /* calendar date */
    SB_TYPE_BOOL,      /* 是/否 */
    SB_TYPE_ENUM,      /* one value of an enumeration */
    SB_TYPE_ENUM_LIST, /* several values, separated by 、，,;；/ */
    SB_TYPE_ID,        /* an identifier; Excel's 1.23E+17 is destroyed */
    SB_TYPE_USCC,      /* 统一社会信用代码, GB 32100-2015 */
    SB_TYPE_ORGCODE,   /* USCC, or a 9-character GB 11714 code */
    SB_TYPE_PHONE,     /* telephone number of mainland China */
    SB_TYPE_EMAIL,     /* e-mail address */
    SB_TYPE_HEADING,   /* a heading stating a count: "一、家用洗涤剂（58种）" */
    SB_TYPE_MOBILE,    /* mobile number only (a column headed 手机号码) */
};

/* "int", "money" …, as written in the edition files. */
const char *sb_type_name(enum sb_type t);

/* Personal data in a column, masked in volumes meant to circulate
 * (张*明, 138****1234, z***@163.com). */
enum sb_mask {
    SB_MASK_NONE,
    SB_MASK_NAME,
    SB_MASK_PHONE,
    SB_MASK_EMAIL,
};

struct sb_enum_value {
    char *text;   /* canonical value, as the notice writes it */
    char **keys;  /* matching keys (sb_norm_key) of text and aliases */
    int n_keys;
    char *parent; /* value of the parent enumeration, or NULL */
    char *note;
};

struct sb_enum {
    char *name;
    struct sb_enum_value *values;
    int n;
};

/* Index of the value whose text or alias has matching key key
 * (already passed through sb_norm_key), or -1. */
int sb_enum_find(const struct sb_enum *e, const char *key);

/* A declared field of the form (a figure or a cover/basic-info item). */
struct sb_field {
    char *code;     /* identifier, e.g. "orders.paid" */
    char *section;  /* section as printed, e.g. "1.1 订单数量" */
    char *label;    /* Chinese label as printed, e.g. "已付订单" */
    enum sb_type type;
    struct sb_enum *en; /* for enum and enum_list fields */
    char *unit;     /* display unit: "台/套", "个", "万元", "%", or "" */
    double yuan_per_unit; /* money: 1 for 元, 10000 for 万元; else 1 */
    int required;   /* must be filled in */
    int none_ok;    /* 无 is accepted (002 说明 3) and counts as 0 */
    char *note;
    long line;      /* row in fields.csv, for messages */
};

/* Where an expression was written in the edition's files, so that
 * binding, a step after loading, can name the cell of a mistake. */
struct sb_src {
    const char *file; /* "rules.csv", "columns.csv", "charts.csv" */
    char *text;       /* the cell as written */
    long row;         /* record number (header = 1) */
    int col;          /* 1-based field */
    long line;        /* physical line */
};

struct sb_column {
    char *code;    /* identifier within the annex, e.g. "kind" */
    char *header;  /* Chinese header, e.g. "类别" */
    char **keys;   /* matching keys of header and aliases */
    int n_keys;
    enum sb_type type;
    char *unit;    /* default unit; a header "金额（元）" overrides */
    double yuan_per_unit;
    int required;
    int unique;
    struct sb_enum *en; /* enum/enum_list: allowed values; text: the
                           values whose parent is checked (parent_of) */
    struct sb_expr *min, *max; /* bounds (numbers, dates, figures) */
    struct sb_src min_src, max_src;
    int parent_of; /* index of the column that must hold this value's
                      parent, or -1 */
    enum sb_mask mask; /* personal data, masked with --mask */
    char *note;
};

struct sb_annex {
    char *code;   /* identifier, e.g. "items" */
    int number;   /* 附件 number in the form, e.g. 1 */
    char *title;  /* e.g. "订单清单" */
    int required;
    char **files; /* matching keys of the file names that mean it */
    int n_files;
    char *note;
    struct sb_column *cols;
    int n_cols;
};

struct sb_rule {
    char *id;        /* e.g. "orders.parts-sum" */
    enum sb_severity sev;
    char *name;      /* short Chinese title */
    char *source;    /* e.g. "002 附件2 1.1" */
    char *message;   /* template; {lhs} {rhs} {diff} are filled in */
    char **case_keys; /* named messages of a special rule (rules.csv */
    char **cases;     /* "cases": key=template|key=template …) */
    int n_cases;
    struct sb_expr *expr;
    struct sb_src src; /* the expr cell: src.text is the rule as written */
    long line;       /* row in rules.csv */
};

/* The message of rule r named key in its "cases" column, or NULL. */
const char *sb_rule_case(const struct sb_rule *r, const char *key);

/* One item of a chart drawn from declared figures: a value of a series
 * in a category ("主营业务收入" in "2022"). */
struct sb_chart_datum {
    char *series;   /* "" for a single series */
    char *category;
    char *text;     /* the value as written */
    struct sb_expr *value;
};

/* A chart of the edition's chart set (charts.csv). Its data is either
 * one aggregate with by (one key: categories; two keys: categories ×
 * series) or top(), or a list of items from figures. */
struct sb_chart_def {
    char *id;       /* file name stem, e.g. "items-by-kind" */
    char *kind;     /* bar, hbar, stacked, grouped, donut, line, heatmap */
    char *title;    /* Chinese title */
    char *unit;     /* unit of the values, e.g. "台/套" */
    char *source;   /* annex code the data come from, or "form" */
    struct sb_expr *data;       /* the aggregate, or NULL */
    struct sb_chart_datum *items; /* figures, when data is NULL */
    int n_items;
    char **opt_keys;            /* options: sort, top, cumulative … */
    char **opt_vals;
    struct sb_expr **opt_exprs; /* an option's value bound as data, or
                                   NULL when it is a plain word */
    int n_opts;
    struct sb_src data_src, opts_src; /* the data and options cells */
    long line;      /* row in charts.csv */
};

/* A loaded edition. It and everything it holds, the expression trees
 * and what binding adds included, live in its arena. */
struct sb_form {
    struct sb_arena *arena;
    char *dir;    /* directory it was loaded from */
    char **meta;  /* edition.csv as key, value, key, value … */
    int n_meta;
    struct sb_field *fields;
    int n_fields;
    struct sb_enum *enums;
    int n_enums;
    struct sb_annex *annexes;
    int n_annexes;
    struct sb_rule *rules;
    int n_rules;
    struct sb_chart_def *charts; /* charts.csv, if the edition has one */
    int n_charts;
    struct sb_expr **aggs; /* every aggregate the rules and charts use,
                              registered by binding; e->agg is the index
                              (borrowed) */
    int n_aggs;
};

/* The chart definition with id, or NULL. */
const struct sb_chart_def *sb_form_chart(const struct sb_form *f,
                                         const char *id);

/* The value of chart option key ("top", "sort" …), or NULL. */
const char *sb_chart_option(const struct sb_chart_def *c, const char *key);

/* Load the edition in directory dir as data, its expressions parsed
 * and not bound (rules/bind.h sb_form_bind binds them). Returns SB_OK
 * and *out, or SB_EIO / SB_EFORMAT with err naming file:row:col and
 * what was expected. Free with sb_form_free. */
int sb_form_load(struct sb_form **out, const char *dir,
                 struct sb_error *err);

/* sb_form_load of edition code from <datadir>/pipeline/forms/<code>;
 * code NULL: the default edition (sb_form_default_edition); SB_EUSAGE
 * for a code that is not [a-z0-9_-]+. What needs only the form's data
 * (init) uses it; a check needs sb_form_open (rules/open.h), which binds
 * it too. */
int sb_form_load_edition(struct sb_form **out, const char *code,
                         struct sb_error *err);

/* The default edition, read as when a declaration names none: the one
 * directory of <datadir>/pipeline/forms/ whose edition.csv has the row
 * "default,1". Returns SB_OK and *code (caller frees), or SB_EIO (the
 * folder cannot be listed or an edition.csv read) / SB_EFORMAT (no
 * edition or more than one is marked) with err and *code NULL. */
int sb_form_default_edition(char **code, struct sb_error *err);

/* The editions there are: the directories of <datadir>/pipeline/forms/
 * that hold an edition.csv, in name order. *codes (n of them) is freed
 * with sb_form_editions_free. Returns SB_OK, or SB_EIO with err (the
 * folder cannot be listed; *codes then NULL, nothing to free). */
int sb_form_editions(char ***codes, int *n, struct sb_error *err);
void sb_form_editions_free(char **codes, int n);

/* The codes of sb_form_editions as one string, "a、b、c", for
 * messages. Caller frees. */
char *sb_form_editions_text(void);

/* The existing edition code closest to the unknown code, a likely typo
 * (sb_suggest: "platform-2o24" -> "platform-2024"), or NULL. Caller
 * frees. */
char *sb_form_edition_near(const char *code);

/* Is code one of sb_form_editions? */
int sb_form_edition_exists(const char *code);

/* Free f and all it holds (one arena). f may be NULL. */
void sb_form_free(struct sb_form *f);

/* Lookups; NULL or -1 when absent. */
const char *sb_form_meta(const struct sb_form *f, const char *key);
const struct sb_field *sb_form_field(const struct sb_form *f,
                                     const char *code);
int sb_form_field_index(const struct sb_form *f, const char *code);
const struct sb_annex *sb_form_annex(const struct sb_form *f,
                                     const char *code);
/* For a usage error naming the unknown annex code: "; one of: items,
 * devices[, extra]" and a "did you mean" (sb_suggest_list). extra, when
 * not NULL, is one more valid word ("evidence"). Caller frees. */
char *sb_form_annex_hint(const struct sb_form *f, const char *code,
                         const char *extra);
int sb_annex_column_index(const struct sb_annex *a, const char *code);
struct sb_enum *sb_form_enum(const struct sb_form *f, const char *name);

#endif
