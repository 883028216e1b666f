/* xlsx_checks.c: the 核对表 of the annex workbook (see xlsx.h): each
 * numeric figure of the form beside the value its annex list gives.
 *
 * The value computed from the lists comes from the rule results of the
 * check (struct sb_rule_result): a rule about the figure (its field)
 * that reads an aggregate of an annex. When several do, a failing one
 * is shown before a passing one; a figure no list gives is shown with
 * the rule that checks it against other figures, if any, else with
 * what it rests on (the 申报书's section, the evidence the notice asks
 * for). Rules are said in words, bounds with both sides, sources with
 * the notice's title (no field codes, no internal citations). Values are shown in the figure's own
 * unit (money in 万元 as declared, percentages as percentages) with
 * the decimals it was declared with, two more when the computed value
 * is finer, so a difference never hides in the rounding. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form/expr.h"
#include "xlsx/xlsx_book.h"

enum {
    C_SECTION,
    C_LABEL,
    C_UNIT,
    C_DECLARED,
    C_COMPUTED,
    C_DIFF,
    C_STATUS,
    C_RULE,
    C_SOURCE,
    N_COLS
};

static const struct sb_xlsx_col columns[N_COLS] = {
    {"章节", 18},     {"项目", 30},       {"单位", 8},
    {"申报值", 14},   {"清单计算值", 14}, {"差额", 12}, {"状态", 12},
    {"核对规则", 40}, {"依据", 34},
};

/* Light red with dark red text, amber with brown: Excel's own. */
#define BAD_FILL 0xFFC7CE
#define BAD_FONT 0x9C0006
#define UNCHECKED_FILL 0xFFEB9C
#define UNCHECKED_FONT 0x9C5700

#define MAX_DECIMALS 8

struct checks {
    struct sb_xlsx_book *bk;
    lxw_worksheet *ws;
    lxw_format *fixed[MAX_DECIMALS + 1];   /* #,##0.00… */
    lxw_format *percent[MAX_DECIMALS + 1]; /* 0.00…% */
    lxw_format *wrap;
};

static int is_numeric(enum sb_type t)
{
    return t == SB_TYPE_INT || t == SB_TYPE_DECIMAL || t == SB_TYPE_MONEY ||
           t == SB_TYPE_PERCENT;
}

/* Does e read an aggregate of an annex list? */
static int reads_annex(const struct sb_expr *e)
{
    if (e == NULL)
        return 0;
    if (e->op == SB_EX_CALL && e->bound == SB_BOUND_AGG)
        return 1;
    return reads_annex(e->a) || reads_annex(e->b);
}

/* Does the rule ask for equality (rather than a bound, as "不多于")? */
static int is_equality(const struct sb_expr *e)
{
    return e->op == SB_EX_EQ || e->op == SB_EX_APPROX;
}

/* The result of the rule that checks field against the lists (lists
 * set) or against other figures: a failing one first, then a passing
 * one, then a skipped one; NULL if none. */
static const struct sb_rule_result *list_result(const struct sb_decl *d,
                                                int field, int lists)
{
    const struct sb_rule_result *best = NULL;
    static const int rank[] = {
        [SB_RULE_FAIL] = 3, [SB_RULE_PASS] = 2, [SB_RULE_SKIPPED] = 1};

    for (int i = 0; i < d->form->n_rules; i++) {
        const struct sb_rule_result *r = &d->results[i];

        if (r->field != field || r->computed != lists)
            continue;
        if (best == NULL || rank[r->status] > rank[best->status])
            best = r;
    }
    return best;
}

/* The computed side of a rule result, in canonical units. */
static double computed_value(const struct sb_rule_result *r)
{
    return reads_annex(r->rule->expr->a) ? r->lhs : r->rhs;
}

/* x to 15 significant digits, so 9125.36 万元 (91253600 元 / 10^4) is
 * stored as 9125.36, not 9125.360000000001. */
static double tidy(double x)
{
    char buf[32];

    snprintf(buf, sizeof buf, "%.15g", x);
    return strtod(buf, NULL);
}

/* A canonical value in the unit the figure is shown in. */
static double shown(const struct sb_field *f, double v)
{
    if (f->type == SB_TYPE_MONEY)
        return tidy(v / f->yuan_per_unit);
    if (f->type == SB_TYPE_PERCENT)
        return tidy(v / 100);
    return v;
}

/* Decimals to show x with (x in the shown unit; percentages count the
 * digits of the percentage): the declared scale, up to two more when x
 * is finer. */
static int decimals(const struct sb_field *f, int scale, double x)
{
    int dec = f->type == SB_TYPE_INT ? 0 : scale;
    double y = f->type == SB_TYPE_PERCENT ? x * 100 : x;

    while (dec < scale + 2 && dec < MAX_DECIMALS &&
           fabs(y * pow(10, dec) - round(y * pow(10, dec))) > 1e-6)
        dec++;
    return dec > MAX_DECIMALS ? MAX_DECIMALS : dec;
}

static lxw_format *number_format(struct checks *ck, const struct sb_field *f,
                                 int dec)
{
    int pct = f->type == SB_TYPE_PERCENT;
    lxw_format **slot = pct ? &ck->percent[dec] : &ck->fixed[dec];
    char num[32];

    if (*slot != NULL)
        return *slot;
    snprintf(num, sizeof num, "%s%s%.*s%s", pct ? "0" : "#,##0",
             dec > 0 ? "." : "", dec, "00000000", pct ? "%" : "");
    *slot = workbook_add_format(ck->bk->wb);
    format_set_num_format(*slot, num);
    return *slot;
}

static lxw_error put_text(struct checks *ck, lxw_row_t row, int col,
                          const char *s, lxw_format *fmt)
{
    if (s == NULL || s[0] == '\0')
        return LXW_NO_ERROR;
    return worksheet_write_string(ck->ws, row, (lxw_col_t)col, s, fmt);
}

/* A comparison in words: "不多于" for <=. */
static const char *op_words(enum sb_ex op)
{
    switch (op) {
    case SB_EX_LT:
        return "少于";
    case SB_EX_LE:
        return "不多于";
    case SB_EX_GT:
        return "多于";
    case SB_EX_GE:
        return "不少于";
    case SB_EX_NE:
        return "不等于";
    default:
        return "等于";
    }
}

/* What the row says the figure rests on, into rule and basis: the rule
 * r in words (with its two sides when it holds a bound: "…（18种不多于
 * 24种）"), and its source as the notice is named; or, with no rule,
 * what the form gives: the figure as filled in the 申报书's section,
 * proven by the evidence the notice asks for. */
static void rests_on(const struct sb_decl *d, const struct sb_field *f,
                     const struct sb_rule_result *r, struct sb_buf *rule,
                     struct sb_buf *basis)
{
    sb_buf_clear(rule);
    if (r == NULL) {
        sb_buf_printf(rule, "附件清单无此项，以申报书“%s”所填为准，由证明材料佐证",
                      f->section);
        if (f->note != NULL && f->note[0] != '\0' &&
            strncmp(f->note, "shenbao", 7) != 0)
            sb_buf_printf(rule, "（%s）", f->note);
        sb_xlsx_cite(d->form, sb_form_meta(d->form, "evidence_source"), basis);
        return;
    }
    sb_buf_puts(rule, r->rule->name);
    if (!is_equality(r->rule->expr) && r->status != SB_RULE_SKIPPED &&
        r->lhs_text != NULL && r->rhs_text != NULL)
        sb_buf_printf(rule, "（%s%s%s）", r->lhs_text,
                      op_words(r->rule->expr->op), r->rhs_text);
    sb_xlsx_cite(d->form, r->rule->source, basis);
}

static lxw_error put_row(struct checks *ck, lxw_row_t row, int i)
{
    const struct sb_decl *d = ck->bk->d;
    const struct sb_field *f = &d->form->fields[i];
    const struct sb_figure *g = &d->figs[i];
    const struct sb_rule_result *r = list_result(d, i, 1);
    const struct sb_rule_result *by = r != NULL ? r : list_result(d, i, 0);
    struct sb_buf rule = {0}, basis = {0};
    int has_decl = g->state == SB_FIG_OK;
    int has_calc = r != NULL && r->status != SB_RULE_SKIPPED;
    double decl = has_decl ? shown(f, g->value) : 0;
    double calc = has_calc ? shown(f, computed_value(r)) : 0;
    int dec = decimals(f, g->scale, calc);
    lxw_format *num = number_format(ck, f, dec);
    const char *status = "无清单核对";
    lxw_error e;

    if (by != NULL && by->status == SB_RULE_FAIL)
        status = "不一致";
    else if (by != NULL && by->status == SB_RULE_SKIPPED)
        status = "未核对";
    else if (by != NULL)
        status = is_equality(by->rule->expr) ? "一致" : "符合";
    rests_on(d, f, by, &rule, &basis);
    e = put_text(ck, row, C_SECTION, f->section, NULL);
    if (!e)
        e = put_text(ck, row, C_LABEL, f->label, ck->wrap);
    if (!e)
        e = put_text(ck, row, C_UNIT, f->unit, NULL);
    if (!e && has_decl)
        e = worksheet_write_number(ck->ws, row, C_DECLARED, decl, num);
    else if (!e)
        e = put_text(ck, row, C_DECLARED, g->raw, NULL); /* 无, invalid */
    if (!e && has_calc)
        e = worksheet_write_number(ck->ws, row, C_COMPUTED, calc, num);
    if (!e && has_calc && has_decl)
        e = worksheet_write_number(ck->ws, row, C_DIFF, tidy(calc - decl), num);
    if (!e)
        e = put_text(ck, row, C_STATUS, status, NULL);
    if (!e)
        e = put_text(ck, row, C_RULE, rule.data, ck->wrap);
    if (!e)
        e = put_text(ck, row, C_SOURCE, basis.data, ck->wrap);
    sb_buf_free(&rule);
    sb_buf_free(&basis);
    return e;
}

/* Rows whose status is text get its colours. */
static lxw_error highlight(struct checks *ck, lxw_row_t last,
                           const char *status, lxw_color_t fill,
                           lxw_color_t font)
{
    lxw_conditional_format cf = {0};
    char formula[64];
    lxw_format *fmt = workbook_add_format(ck->bk->wb);

    format_set_bg_color(fmt, fill);
    format_set_font_color(fmt, font);
    snprintf(formula, sizeof formula, "=$%c2=\"%s\"", 'A' + C_STATUS, status);
    cf.type = LXW_CONDITIONAL_TYPE_FORMULA;
    cf.value_string = formula;
    cf.format = fmt;
    return worksheet_conditional_format_range(ck->ws, 1, 0, last, N_COLS - 1,
                                              &cf);
}

int sb_xlsx_checks(struct sb_xlsx_book *bk, lxw_worksheet *ws,
                   struct sb_error *err)
{
    const struct sb_form *form = bk->d->form;
    struct checks ck = {0};
    lxw_row_t row = 0;
    lxw_error e = LXW_NO_ERROR;

    ck.bk = bk;
    ck.ws = ws;
    ck.wrap = workbook_add_format(bk->wb);
    format_set_text_wrap(ck.wrap);
    format_set_align(ck.wrap, LXW_ALIGN_VERTICAL_TOP);
    e = sb_xlsx_header_row(bk, ws, columns, N_COLS);
    for (int i = 0; i < form->n_fields && !e; i++) {
        if (is_numeric(form->fields[i].type))
            e = put_row(&ck, ++row, i);
    }
    if (!e && row > 0)
        e = worksheet_autofilter(ws, 0, 0, row, N_COLS - 1);
    if (!e && row > 0)
        e = highlight(&ck, row, "不一致", BAD_FILL, BAD_FONT);
    if (!e && row > 0)
        e = highlight(&ck, row, "未核对", UNCHECKED_FILL, UNCHECKED_FONT);
    if (!e)
        e = sb_xlsx_print_setup(ws, row, N_COLS - 1);
    if (e)
        return sb_xlsx_fail(err, e, "核对表");
    worksheet_freeze_panes(ws, 1, 0);
    return SB_OK;
}
