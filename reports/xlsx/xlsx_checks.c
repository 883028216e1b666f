/* xlsx_checks.c: the 核对表 of the annex workbook (see xlsx.h): each
 * numeric figure of the form beside the value its annex list gives, as
 * check/checklist.h computes the rows, in Excel's number formats, with
 * what each rests on in words (sb_xlsx_rests_on). */
#include <stdio.h>
#include <string.h>

#include "check/checklist.h"
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

struct checks {
    struct sb_xlsx_book *bk;
    lxw_worksheet *ws;
    lxw_format *fixed[SB_CHECKLIST_MAX_DECIMALS + 1];   /* #,##0.00… */
    lxw_format *percent[SB_CHECKLIST_MAX_DECIMALS + 1]; /* 0.00…% */
    lxw_format *wrap;
};

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

void sb_xlsx_rests_on(const struct sb_decl *d, const struct sb_field *f,
                      const struct sb_rule_result *r, struct sb_buf *rule,
                      struct sb_buf *basis)
{
    sb_buf_clear(rule);
    sb_buf_clear(basis);
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
    if (r->rule->expr->op != SB_EX_EQ && r->rule->expr->op != SB_EX_APPROX &&
        r->status != SB_RULE_SKIPPED &&
        r->lhs_text != NULL && r->rhs_text != NULL)
        sb_buf_printf(rule, "（%s%s%s）", r->lhs_text,
                      op_words(r->rule->expr->op), r->rhs_text);
    sb_xlsx_cite(d->form, r->rule->source, basis);
}

static lxw_error put_row(struct checks *ck, lxw_row_t row, int i)
{
    struct sb_checklist_row c;
    const struct sb_field *f;
    const struct sb_rule_result *r;
    struct sb_buf rule = {0}, basis = {0};
    lxw_format *num;
    lxw_error e;

    sb_checklist_row(ck->bk->d, i, &c);
    f = c.field;
    r = c.result;
    num = number_format(ck, f, c.decimals);
    e = put_text(ck, row, C_SECTION, f->section, NULL);
    if (!e)
        e = put_text(ck, row, C_LABEL, f->label, ck->wrap);
    if (!e)
        e = put_text(ck, row, C_UNIT, f->unit, NULL);
    if (!e && c.has_declared)
        e = worksheet_write_number(ck->ws, row, C_DECLARED, c.declared, num);
    else if (!e)
        e = put_text(ck, row, C_DECLARED, c.fig->raw, NULL); /* 无, invalid */
    if (!e && c.has_computed)
        e = worksheet_write_number(ck->ws, row, C_COMPUTED, c.computed, num);
    if (!e && c.has_computed && c.has_declared)
        e = worksheet_write_number(ck->ws, row, C_DIFF, c.diff, num);
    if (!e)
        e = put_text(ck, row, C_STATUS, sb_checklist_status_text(c.status),
                     NULL);
    sb_xlsx_rests_on(ck->bk->d, f, r, &rule, &basis);
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
        if (sb_checklist_has(bk->d, i))
            e = put_row(&ck, ++row, i);
    }
    if (!e && row > 0)
        e = worksheet_autofilter(ws, 0, 0, row, N_COLS - 1);
    if (!e && row > 0)
        e = highlight(&ck, row, sb_checklist_status_text(SB_CHECKLIST_DIFFERS),
                      BAD_FILL, BAD_FONT);
    if (!e && row > 0)
        e = highlight(&ck, row,
                      sb_checklist_status_text(SB_CHECKLIST_UNCHECKED),
                      UNCHECKED_FILL, UNCHECKED_FONT);
    if (!e)
        e = sb_xlsx_print_setup(ws, row, N_COLS - 1);
    if (e)
        return sb_xlsx_fail(err, e, "核对表");
    worksheet_freeze_panes(ws, 1, 0);
    return SB_OK;
}
