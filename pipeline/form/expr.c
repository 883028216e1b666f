/* expr.c: lexer, recursive-descent parser and printer of the rule
 * language (grammar in expr.h). */
#include "form/expr.h"

#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"

enum tok {
    T_END,
    T_NUM,
    T_STR,
    T_IDENT,
    T_LPAREN,
    T_RPAREN,
    T_COMMA,
    T_DOT,
    T_PLUS,
    T_MINUS,
    T_STAR,
    T_SLASH,
    T_EQ,
    T_NE,
    T_LT,
    T_LE,
    T_GT,
    T_GE,
    T_APPROX,
    T_BAD,
};

struct parser {
    struct sb_arena *arena; /* where the nodes go */
    const char *text;
    size_t len;
    size_t at;       /* next byte to lex */
    enum tok tok;    /* current token */
    size_t tok_pos;  /* its byte offset */
    size_t tok_len;  /* its length in bytes */
    struct sb_buf str; /* T_STR: the unquoted text */
    struct sb_error *err;
    int failed;
    int lenient; /* inside call arguments: a bare value is a condition */
};

static int is_ident_start(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static int is_ident_char(int c)
{
    return is_ident_start(c) || (c >= '0' && c <= '9');
}

static int char_column(const struct parser *p, size_t byte)
{
    return (int)sb_utf8_count(p->text, byte) + 1;
}

static void fail(struct parser *p, size_t byte, const char *what)
{
    struct sb_pos pos = {0};

    if (p->failed)
        return;
    p->failed = 1;
    pos.col = char_column(p, byte);
    sb_error_set(p->err, SB_EFORMAT, &pos, "rule syntax, column %d: %s",
                 pos.col, what);
}

static void next(struct parser *p)
{
    const char *s = p->text;
    char q;

    while (p->at < p->len && (s[p->at] == ' ' || s[p->at] == '\t' ||
                              s[p->at] == '\n' || s[p->at] == '\r'))
        p->at++;
    p->tok_pos = p->at;
    if (p->at >= p->len) {
        p->tok = T_END;
        p->tok_len = 0;
        return;
    }
    q = s[p->at];
    if (q >= '0' && q <= '9') {
        while (p->at < p->len && ((s[p->at] >= '0' && s[p->at] <= '9') ||
                                  s[p->at] == '.'))
            p->at++;
        p->tok = T_NUM;
    } else if (is_ident_start((unsigned char)q)) {
        while (p->at < p->len && is_ident_char((unsigned char)s[p->at]))
            p->at++;
        p->tok = T_IDENT;
    } else if (q == '\'' || q == '"') {
        size_t i = p->at + 1;

        sb_buf_clear(&p->str);
        while (i < p->len && s[i] != q)
            i++;
        if (i >= p->len) {
            fail(p, p->at, "a string that is never closed");
            p->tok = T_BAD;
            return;
        }
        sb_buf_put(&p->str, s + p->at + 1, i - p->at - 1);
        p->at = i + 1;
        p->tok = T_STR;
    } else if (strncmp(s + p->at, "≈", strlen("≈")) == 0) {
        p->at += strlen("≈");
        p->tok = T_APPROX;
    } else {
        char c2 = p->at + 1 < p->len ? s[p->at + 1] : '\0';

        p->at++;
        switch (q) {
        case '(':
            p->tok = T_LPAREN;
            break;
        case ')':
            p->tok = T_RPAREN;
            break;
        case ',':
            p->tok = T_COMMA;
            break;
        case '.':
            p->tok = T_DOT;
            break;
        case '+':
            p->tok = T_PLUS;
            break;
        case '-':
            p->tok = T_MINUS;
            break;
        case '*':
            p->tok = T_STAR;
            break;
        case '/':
            p->tok = T_SLASH;
            break;
        case '=':
            p->tok = T_EQ;
            if (c2 == '=')
                p->at++;
            break;
        case '!':
            if (c2 == '=') {
                p->at++;
                p->tok = T_NE;
            } else {
                p->tok = T_BAD;
            }
            break;
        case '<':
            p->tok = T_LT;
            if (c2 == '=') {
                p->at++;
                p->tok = T_LE;
            } else if (c2 == '>') {
                p->at++;
                p->tok = T_NE;
            }
            break;
        case '>':
            p->tok = T_GT;
            if (c2 == '=') {
                p->at++;
                p->tok = T_GE;
            }
            break;
        case '~':
            if (c2 == '=') {
                p->at++;
                p->tok = T_APPROX;
            } else {
                p->tok = T_BAD;
            }
            break;
        default:
            p->tok = T_BAD;
        }
        if (p->tok == T_BAD)
            fail(p, p->tok_pos, "a character that has no meaning here");
    }
    p->tok_len = p->at - p->tok_pos;
}

static int is_keyword(const struct parser *p, const char *kw)
{
    return p->tok == T_IDENT && p->tok_len == strlen(kw) &&
           strncmp(p->text + p->tok_pos, kw, p->tok_len) == 0;
}

struct sb_expr *sb_expr_new(struct sb_arena *a, enum sb_ex op, int pos)
{
    struct sb_expr *e = sb_arena_alloc(a, sizeof *e);

    e->op = op;
    e->pos = pos;
    e->field = -1;
    e->annex = -1;
    e->column = -1;
    e->agg = -1;
    e->special = -1;
    e->enum_idx = -1;
    return e;
}

struct sb_expr *sb_expr_named(struct sb_arena *a, enum sb_ex op,
                              const char *str)
{
    struct sb_expr *e = sb_expr_new(a, op, 0);

    e->str = sb_arena_strdup(a, str);
    return e;
}

static struct sb_expr *binary(struct parser *p, enum sb_ex op,
                              struct sb_expr *a, struct sb_expr *b,
                              size_t pos)
{
    struct sb_expr *e = sb_expr_new(p->arena, op, (int)pos);

    e->a = a;
    e->b = b;
    return e;
}

void sb_expr_push(struct sb_arena *a, struct sb_expr ***v, int *n,
                  struct sb_expr *e)
{
    sb_arena_push(a, v, n, &e, sizeof e);
}

static struct sb_expr *parse_sum(struct parser *p);
static struct sb_expr *parse_cond(struct parser *p);

static int expect(struct parser *p, enum tok t, const char *what)
{
    if (p->tok != t) {
        fail(p, p->tok_pos, what);
        return 0;
    }
    next(p);
    return 1;
}

/* name := IDENT ('.' IDENT)* ; the dotted text becomes one string. */
static struct sb_expr *parse_name(struct parser *p)
{
    size_t start = p->tok_pos, end = p->tok_pos + p->tok_len;
    struct sb_expr *e;

    next(p);
    while (p->tok == T_DOT) {
        next(p);
        if (p->tok != T_IDENT) {
            fail(p, p->tok_pos, "a name after '.'");
            return NULL;
        }
        end = p->tok_pos + p->tok_len;
        next(p);
    }
    e = sb_expr_new(p->arena, SB_EX_NAME, (int)start);
    e->str = sb_arena_strndup(p->arena, p->text + start, end - start);
    return e;
}

static struct sb_expr *parse_call(struct parser *p, struct sb_expr *name)
{
    struct sb_expr *e = sb_expr_new(p->arena, SB_EX_CALL, (int)name->pos);

    e->str = name->str;
    next(p); /* ( */
    if (p->tok != T_RPAREN && !is_keyword(p, "where") &&
        !is_keyword(p, "by")) {
        int lenient = p->lenient;

        /* Arguments are values or conditions: required_if(f, a = 'x'). */
        p->lenient = 1;
        sb_expr_push(p->arena, &e->args, &e->n_args, parse_cond(p));
        while (!p->failed && p->tok == T_COMMA) {
            next(p);
            sb_expr_push(p->arena, &e->args, &e->n_args, parse_cond(p));
        }
        p->lenient = lenient;
    }
    if (!p->failed && is_keyword(p, "where")) {
        int lenient = p->lenient;

        next(p);
        p->lenient = 0;
        e->where = parse_cond(p);
        p->lenient = lenient;
    }
    if (!p->failed && is_keyword(p, "by")) {
        do {
            struct sb_expr *k;

            next(p);
            if (p->tok != T_IDENT) {
                fail(p, p->tok_pos, "a column name after 'by'");
                break;
            }
            k = parse_name(p);
            /* a key function of one column: month(date), year(date),
             * band(amount), title(heading), region(uscc) */
            if (!p->failed && p->tok == T_LPAREN) {
                struct sb_expr *fn =
                    sb_expr_new(p->arena, SB_EX_CALL, (int)k->pos);

                fn->str = k->str;
                next(p);
                if (p->tok != T_IDENT) {
                    fail(p, p->tok_pos, "a column name");
                    break;
                }
                sb_expr_push(p->arena, &fn->args, &fn->n_args, parse_name(p));
                expect(p, T_RPAREN, "')'");
                k = fn;
            }
            sb_expr_push(p->arena, &e->by, &e->n_by, k);
        } while (!p->failed && p->tok == T_COMMA);
    }
    if (!p->failed)
        expect(p, T_RPAREN, "')' to close the call, or 'where'/'by'");
    return e;
}

static struct sb_expr *parse_primary(struct parser *p)
{
    struct sb_expr *e;

    switch (p->tok) {
    case T_NUM: {
        const char *s = p->text + p->tok_pos;
        const char *dot = memchr(s, '.', p->tok_len);

        e = sb_expr_new(p->arena, SB_EX_NUM, (int)p->tok_pos);
        e->num = strtod(s, NULL);
        e->scale = dot ? (int)(p->tok_len - (size_t)(dot - s) - 1) : 0;
        if (dot != NULL && memchr(dot + 1, '.', p->tok_len -
                                                    (size_t)(dot - s) - 1))
            fail(p, p->tok_pos, "a number with one decimal point");
        next(p);
        return e;
    }
    case T_STR:
        e = sb_expr_new(p->arena, SB_EX_STR, (int)p->tok_pos);
        e->str = sb_arena_strdup(p->arena, p->str.data);
        next(p);
        return e;
    case T_IDENT:
        if (is_keyword(p, "where") || is_keyword(p, "by") ||
            is_keyword(p, "and") || is_keyword(p, "or") ||
            is_keyword(p, "not") || is_keyword(p, "in")) {
            fail(p, p->tok_pos, "a value, not a keyword");
            return sb_expr_new(p->arena, SB_EX_NUM, (int)p->tok_pos);
        }
        e = parse_name(p);
        if (e != NULL && p->tok == T_LPAREN)
            e = parse_call(p, e);
        return e != NULL ? e
                         : sb_expr_new(p->arena, SB_EX_NUM, (int)p->tok_pos);
    case T_LPAREN:
        next(p);
        e = parse_sum(p);
        expect(p, T_RPAREN, "')'");
        return e;
    default:
        fail(p, p->tok_pos,
             "a number, a 'string', a name or a call such as count(…)");
        return sb_expr_new(p->arena, SB_EX_NUM, (int)p->tok_pos);
    }
}

static struct sb_expr *parse_unary(struct parser *p)
{
    if (p->tok == T_MINUS) {
        size_t pos = p->tok_pos;

        next(p);
        return binary(p, SB_EX_NEG, parse_unary(p), NULL, pos);
    }
    return parse_primary(p);
}

static struct sb_expr *parse_prod(struct parser *p)
{
    struct sb_expr *e = parse_unary(p);

    while (!p->failed && (p->tok == T_STAR || p->tok == T_SLASH)) {
        enum sb_ex op = p->tok == T_STAR ? SB_EX_MUL : SB_EX_DIV;
        size_t pos = p->tok_pos;

        next(p);
        e = binary(p, op, e, parse_unary(p), pos);
    }
    return e;
}

static struct sb_expr *parse_sum(struct parser *p)
{
    struct sb_expr *e = parse_prod(p);

    while (!p->failed && (p->tok == T_PLUS || p->tok == T_MINUS)) {
        enum sb_ex op = p->tok == T_PLUS ? SB_EX_ADD : SB_EX_SUB;
        size_t pos = p->tok_pos;

        next(p);
        e = binary(p, op, e, parse_prod(p), pos);
    }
    return e;
}

static int cmp_op(enum tok t, enum sb_ex *op)
{
    switch (t) {
    case T_EQ:
        *op = SB_EX_EQ;
        return 1;
    case T_NE:
        *op = SB_EX_NE;
        return 1;
    case T_LT:
        *op = SB_EX_LT;
        return 1;
    case T_LE:
        *op = SB_EX_LE;
        return 1;
    case T_GT:
        *op = SB_EX_GT;
        return 1;
    case T_GE:
        *op = SB_EX_GE;
        return 1;
    case T_APPROX:
        *op = SB_EX_APPROX;
        return 1;
    default:
        return 0;
    }
}

/* Is the '(' at the current token the start of a parenthesised
 * condition rather than of an arithmetic sum? It is when a comparison or
 * a logical keyword stands inside it and inside no other parentheses
 * than the ones that open with it: "(a = 1 …)", "((a = 1))", but not
 * "(count(x where a = 1) + 1)". */
static int paren_is_cond(const struct parser *p)
{
    struct parser q = *p;
    int depth = 0, lead = 0, leading = 1;

    q.str = (struct sb_buf){0};
    q.err = NULL;
    for (;;) {
        enum sb_ex op;

        if (q.tok == T_LPAREN) {
            depth++;
            lead += leading;
        } else if (q.tok == T_RPAREN) {
            if (--depth == 0)
                break;
            if (lead > depth)
                lead = depth;
        } else if (q.tok == T_END || q.tok == T_BAD) {
            break;
        } else if (depth <= lead &&
                   (cmp_op(q.tok, &op) || is_keyword(&q, "and") ||
                    is_keyword(&q, "or") || is_keyword(&q, "not") ||
                    is_keyword(&q, "in"))) {
            sb_buf_free(&q.str);
            return 1;
        }
        if (q.tok != T_LPAREN)
            leading = 0;
        next(&q);
    }
    sb_buf_free(&q.str);
    return 0;
}

static struct sb_expr *parse_neg(struct parser *p)
{
    struct sb_expr *e;
    enum sb_ex op;
    size_t pos = p->tok_pos;

    if (is_keyword(p, "not")) {
        next(p);
        return binary(p, SB_EX_NOT, parse_neg(p), NULL, pos);
    }
    if (p->tok == T_LPAREN && paren_is_cond(p)) {
        next(p);
        e = parse_cond(p);
        expect(p, T_RPAREN, "')'");
        return e;
    }
    e = parse_sum(p);
    if (p->failed)
        return e;
    if (is_keyword(p, "in")) {
        struct sb_expr *in = sb_expr_new(p->arena, SB_EX_IN, (int)p->tok_pos);

        in->a = e;
        next(p);
        if (!expect(p, T_LPAREN, "'(' after 'in'"))
            return in;
        sb_expr_push(p->arena, &in->args, &in->n_args, parse_sum(p));
        while (!p->failed && p->tok == T_COMMA) {
            next(p);
            sb_expr_push(p->arena, &in->args, &in->n_args, parse_sum(p));
        }
        expect(p, T_RPAREN, "')' to close the 'in' list");
        return in;
    }
    if (!cmp_op(p->tok, &op)) {
        if (!p->lenient)
            fail(p, p->tok_pos, "a comparison (= != < <= > >= ≈) or 'in'");
        return e;
    }
    pos = p->tok_pos;
    next(p);
    return binary(p, op, e, parse_sum(p), pos);
}

static struct sb_expr *parse_conj(struct parser *p)
{
    struct sb_expr *e = parse_neg(p);

    while (!p->failed && is_keyword(p, "and")) {
        size_t pos = p->tok_pos;

        next(p);
        e = binary(p, SB_EX_AND, e, parse_neg(p), pos);
    }
    return e;
}

static struct sb_expr *parse_cond(struct parser *p)
{
    struct sb_expr *e = parse_conj(p);

    while (!p->failed && is_keyword(p, "or")) {
        size_t pos = p->tok_pos;

        next(p);
        e = binary(p, SB_EX_OR, e, parse_conj(p), pos);
    }
    return e;
}

/* rule := sum cmp sum | call */
static struct sb_expr *parse_rule(struct parser *p)
{
    struct sb_expr *e = parse_sum(p);
    enum sb_ex op;
    size_t pos;

    if (p->failed)
        return e;
    if (p->tok == T_END && e->op == SB_EX_CALL)
        return e;
    if (!cmp_op(p->tok, &op)) {
        fail(p, p->tok_pos, "a comparison (= != < <= > >= ≈)");
        return e;
    }
    pos = p->tok_pos;
    next(p);
    return binary(p, op, e, parse_sum(p), pos);
}

static int parse_entry(struct sb_arena *a, const char *text,
                       struct sb_expr **out, struct sb_error *err, int rule)
{
    struct parser p = {0};
    struct sb_expr *e;

    p.arena = a;
    p.text = text;
    p.len = strlen(text);
    p.err = err;
    next(&p);
    e = rule ? parse_rule(&p) : parse_sum(&p);
    if (!p.failed && p.tok != T_END)
        fail(&p, p.tok_pos, "the end of the rule");
    sb_buf_free(&p.str);
    if (p.failed) {
        *out = NULL;
        return SB_EFORMAT;
    }
    *out = e;
    return SB_OK;
}

int sb_expr_parse(struct sb_arena *a, const char *text, struct sb_expr **out,
                  struct sb_error *err)
{
    return parse_entry(a, text, out, err, 1);
}

int sb_expr_parse_value(struct sb_arena *a, const char *text,
                        struct sb_expr **out, struct sb_error *err)
{
    return parse_entry(a, text, out, err, 0);
}

static const char *op_text(enum sb_ex op)
{
    switch (op) {
    case SB_EX_ADD:
        return " + ";
    case SB_EX_SUB:
        return " - ";
    case SB_EX_MUL:
        return " * ";
    case SB_EX_DIV:
        return " / ";
    case SB_EX_EQ:
        return " = ";
    case SB_EX_NE:
        return " != ";
    case SB_EX_LT:
        return " < ";
    case SB_EX_LE:
        return " <= ";
    case SB_EX_GT:
        return " > ";
    case SB_EX_GE:
        return " >= ";
    case SB_EX_APPROX:
        return " ≈ ";
    case SB_EX_AND:
        return " and ";
    case SB_EX_OR:
        return " or ";
    default:
        return " ? ";
    }
}

void sb_expr_print(const struct sb_expr *e, struct sb_buf *b)
{
    switch (e->op) {
    case SB_EX_NUM:
        sb_buf_printf(b, "%.*f", e->scale, e->num);
        break;
    case SB_EX_STR:
        sb_buf_printf(b, "'%s'", e->str);
        break;
    case SB_EX_NAME:
        sb_buf_puts(b, e->str);
        break;
    case SB_EX_CALL:
        sb_buf_printf(b, "%s(", e->str);
        for (int i = 0; i < e->n_args; i++) {
            if (i > 0)
                sb_buf_puts(b, ", ");
            sb_expr_print(e->args[i], b);
        }
        if (e->where != NULL) {
            sb_buf_puts(b, e->n_args ? " where " : "where ");
            sb_expr_print(e->where, b);
        }
        for (int i = 0; i < e->n_by; i++) {
            sb_buf_puts(b, i ? ", " : " by ");
            sb_expr_print(e->by[i], b);
        }
        sb_buf_putc(b, ')');
        break;
    case SB_EX_NEG:
        sb_buf_putc(b, '-');
        sb_expr_print(e->a, b);
        break;
    case SB_EX_NOT:
        /* "not" binds tighter than "and": keep the parentheses of
         * not (x and y) ("or" prints its own). */
        sb_buf_puts(b, e->a->op == SB_EX_AND ? "not (" : "not ");
        sb_expr_print(e->a, b);
        if (e->a->op == SB_EX_AND)
            sb_buf_putc(b, ')');
        break;
    case SB_EX_IN:
        sb_expr_print(e->a, b);
        sb_buf_puts(b, " in (");
        for (int i = 0; i < e->n_args; i++) {
            if (i > 0)
                sb_buf_puts(b, ", ");
            sb_expr_print(e->args[i], b);
        }
        sb_buf_putc(b, ')');
        break;
    default: {
        int paren = e->op == SB_EX_OR || e->op == SB_EX_ADD ||
                    e->op == SB_EX_SUB;

        if (paren)
            sb_buf_putc(b, '(');
        sb_expr_print(e->a, b);
        sb_buf_puts(b, op_text(e->op));
        sb_expr_print(e->b, b);
        if (paren)
            sb_buf_putc(b, ')');
    }
    }
}
