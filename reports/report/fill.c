/* fill.c: figures and placeholders for the 申报书 (see fill.h). */
#include "report/fill.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chart/chartset.h"
#include "check/decl.h"
#include "base/numfmt.h"
#include "form/typed.h"

void sb_fill_date(int32_t days, struct sb_buf *out)
{
    /* civil from days (H. Hinnant, "chrono-compatible low-level date
     * algorithms"), proleptic Gregorian */
    long z = (long)days + 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp < 10 ? mp + 3 : mp - 9;
    long y = yoe + era * 400 + (m <= 2);

    sb_buf_printf(out, "%ld年%ld月%ld日", y, m, d);
}

/* Decimals of a money figure in its field's unit: from the precision it
 * was declared with, whatever unit it was written in. */
static int money_decimals(const struct sb_field *fd,
                          const struct sb_figure *g)
{
    double u = 2 * g->tol / fd->yuan_per_unit;
    int k;

    if (!(u > 0))
        return g->scale;
    k = (int)lround(-log10(u));
    return k < 0 ? 0 : k > 9 ? 9 : k;
}

static void blank(const struct sb_fill *f, int i, struct sb_buf *out)
{
    const struct sb_decl *d = f->d;
    const struct sb_field *fd = &d->form->fields[i];
    const struct sb_figure *g = &d->figs[i];
    const char *form = sb_form_meta(d->form, "form_source");
    struct sb_finding fn = {0};
    char *source;

    sb_buf_puts(out, SB_FILL_BLANK);
    if (f->fs == NULL)
        return;
    source = sb_xasprintf("%s %s", form != NULL ? form : "", fd->section);
    fn.code = "report.blank";
    fn.sev = SB_SEV_WARNING;
    fn.pos = g->pos;
    fn.pos.path = d->form_path;
    fn.column = fd->label;
    fn.expected = sb_typed_expects(fd->type);
    fn.found = "（空）";
    fn.source = source;
    sb_findings_addf(f->fs, &fn,
                     "申报书“%s”中的“%s”印为空白“%s”：form.csv 未填写 %s",
                     f->where != NULL ? f->where : "", fd->label,
                     SB_FILL_BLANK, fd->code);
    free(source);
}

/* A missing figure: blank when required, else 无 where allowed. */
static void missing(const struct sb_fill *f, int i, struct sb_buf *out)
{
    const struct sb_field *fd = &f->d->form->fields[i];

    if (fd->required)
        blank(f, i, out);
    else if (fd->none_ok)
        sb_buf_puts(out, "无");
}

static void enum_list(const struct sb_enum *en, uint64_t mask,
                      struct sb_buf *out)
{
    int first = 1;

    for (int v = 0; v < en->n && v < 64; v++) {
        if (!(mask >> v & 1))
            continue;
        if (!first)
            sb_buf_puts(out, "、");
        sb_buf_puts(out, en->values[v].text);
        first = 0;
    }
}

void sb_fill_value(const struct sb_fill *f, int i, struct sb_buf *out)
{
    const struct sb_field *fd = &f->d->form->fields[i];
    const struct sb_figure *g = &f->d->figs[i];
    char num[SB_NUMFMT_SIZE];

    switch (g->state) {
    case SB_FIG_MISSING:
        missing(f, i, out);
        return;
    case SB_FIG_NONE:
        sb_buf_puts(out, "无");
        return;
    case SB_FIG_INVALID:
        sb_buf_puts(out, g->raw != NULL ? g->raw : "");
        return;
    case SB_FIG_OK:
        break;
    }
    switch (fd->type) {
    case SB_TYPE_INT:
        sb_buf_puts(out, sb_numfmt_group(g->value, 0, num, sizeof num));
        break;
    case SB_TYPE_DECIMAL:
        sb_buf_puts(out, sb_numfmt_group(g->value, g->scale, num,
                                         sizeof num));
        break;
    case SB_TYPE_MONEY:
        sb_buf_puts(out, sb_numfmt_group(g->value / fd->yuan_per_unit,
                                         money_decimals(fd, g), num,
                                         sizeof num));
        break;
    case SB_TYPE_PERCENT:
        sb_buf_puts(out, sb_numfmt_group(g->value, g->scale, num,
                                         sizeof num));
        sb_buf_putc(out, '%');
        break;
    case SB_TYPE_DATE:
        sb_fill_date(g->date, out);
        break;
    case SB_TYPE_BOOL:
        sb_buf_puts(out, g->value != 0 ? "是" : "否");
        break;
    case SB_TYPE_ENUM:
        if (fd->en != NULL && g->enum_idx >= 0 && g->enum_idx < fd->en->n)
            sb_buf_puts(out, fd->en->values[g->enum_idx].text);
        else
            sb_buf_puts(out, g->raw != NULL ? g->raw : "");
        break;
    case SB_TYPE_ENUM_LIST:
        if (fd->en != NULL)
            enum_list(fd->en, g->mask, out);
        break;
    default:
        sb_buf_puts(out, g->raw != NULL ? g->raw : "");
        break;
    }
}

static void box(struct sb_buf *out, int on, const char *text, int first)
{
    if (!first)
        sb_buf_puts(out, "\u3000");
    sb_buf_puts(out, on ? "■" : "□");
    sb_buf_puts(out, text);
}

void sb_fill_choice(const struct sb_fill *f, int i, struct sb_buf *out)
{
    const struct sb_field *fd = &f->d->form->fields[i];
    const struct sb_figure *g = &f->d->figs[i];
    int ok = g->state == SB_FIG_OK;

    if (fd->type == SB_TYPE_BOOL) {
        box(out, ok && g->value != 0, "是", 1);
        box(out, ok && g->value == 0, "否", 0);
    } else if (fd->en != NULL) {
        for (int v = 0; v < fd->en->n; v++) {
            int on = ok && (fd->type == SB_TYPE_ENUM
                                ? g->enum_idx == v
                                : v < 64 && (g->mask >> v & 1));

            box(out, on, fd->en->values[v].text, v == 0);
        }
    }
    if (g->state == SB_FIG_MISSING && fd->required) {
        struct sb_buf ignore = {0};

        blank(f, i, &ignore); /* the empty boxes are the blank */
        sb_buf_free(&ignore);
    }
}

int sb_fill_text(const struct sb_fill *f, const char *text,
                 struct sb_buf *out, struct sb_error *err)
{
    const char *p = text;

    for (;;) {
        const char *open = strstr(p, "{{"), *close, *name;
        char *code;
        int choice, i;

        if (open == NULL) {
            sb_buf_puts(out, p);
            return SB_OK;
        }
        sb_buf_put(out, p, (size_t)(open - p));
        close = strstr(open + 2, "}}");
        if (close == NULL)
            return sb_error_set(err, SB_EFORMAT, NULL,
                                "\"{{\" without \"}}\" in \"%s\"", text);
        name = open + 2;
        choice = strncmp(name, "choice:", 7) == 0;
        if (choice)
            name += 7;
        code = sb_xstrndup(name, (size_t)(close - name));
        i = sb_form_field_index(f->d->form, code);
        if (i < 0 || (choice && f->d->form->fields[i].type != SB_TYPE_BOOL &&
                      f->d->form->fields[i].en == NULL)) {
            int rc = sb_error_set(err, SB_EFORMAT, NULL,
                                  i < 0 ? "{{%s}}: the form has no field "
                                          "\"%s\""
                                        : "{{%s}}: \"%s\" has no values to "
                                          "choose from",
                                  code, code);

            free(code);
            return rc;
        }
        free(code);
        if (choice)
            sb_fill_choice(f, i, out);
        else
            sb_fill_value(f, i, out);
        p = close + 2;
    }
}

const char *sb_fill_dir(const struct sb_decl *d)
{
    return d->dir;
}

const char *sb_fill_markdown(const struct sb_decl *d)
{
    return d->markdown;
}

const struct sb_form *sb_fill_form(const struct sb_decl *d)
{
    return d->form;
}

const char *sb_fill_form_dir(const struct sb_decl *d)
{
    return d->form->dir;
}

const char *sb_fill_meta(const struct sb_decl *d, const char *key)
{
    return sb_form_meta(d->form, key);
}

const char *sb_fill_role(const struct sb_decl *d, const char *role)
{
    return sb_decl_role_text(d, role);
}

const char *sb_fill_raw(const struct sb_decl *d, const char *code)
{
    const struct sb_figure *g = sb_decl_figure(d, code);

    return g != NULL && g->state == SB_FIG_OK ? g->raw : NULL;
}

int sb_fill_strict(const struct sb_decl *d)
{
    return d->strict;
}

int sb_fill_annex(const struct sb_decl *d, int number, const char **code,
                  const char **file, long *rows)
{
    for (int i = 0; i < d->form->n_annexes; i++) {
        if (d->form->annexes[i].number != number)
            continue;
        *code = d->form->annexes[i].code;
        *file = d->annexes[i].path;
        *rows = d->annexes[i].rows;
        return 1;
    }
    return 0;
}

/* The first aggregate call of e, or NULL. */
static const struct sb_expr *first_agg(const struct sb_expr *e)
{
    const struct sb_expr *a;

    if (e == NULL)
        return NULL;
    if (e->op == SB_EX_CALL && e->bound == SB_BOUND_AGG)
        return e;
    a = first_agg(e->a);
    return a != NULL ? a : first_agg(e->b);
}

int sb_fill_indicator(const struct sb_fill *f, const char *number,
                      char **declared, char **listed, int *annex,
                      int *passed)
{
    const struct sb_decl *d = f->d;
    const struct sb_form *fm = d->form;
    size_t k = strlen(number);
    int n = 0, first = -1;
    const struct sb_rule_result *best = NULL;

    *declared = *listed = NULL;
    *annex = *passed = 0;
    for (int i = 0; i < fm->n_fields; i++) {
        const char *sec = fm->fields[i].section;

        if (strncmp(sec, number, k) != 0 || sec[k] != ' ')
            continue;
        n++;
        if (first < 0)
            first = i;
        for (int r = 0; best == NULL && r < fm->n_rules; r++)
            if (d->results[r].field == i && d->results[r].computed &&
                d->results[r].status != SB_RULE_SKIPPED)
                best = &d->results[r];
    }
    if (n == 0)
        return 0;
    {
        int i = best != NULL ? best->field : first;
        const struct sb_field *fd = &fm->fields[i];
        struct sb_buf b = {0};
        struct sb_fill q = {d, NULL, f->where};

        sb_buf_printf(&b, "%s：", fd->label);
        sb_fill_value(&q, i, &b);
        sb_buf_puts(&b, fd->unit);
        *declared = sb_buf_take(&b);
    }
    if (best != NULL) {
        const struct sb_expr *e = best->rule->expr;
        const struct sb_expr *agg = first_agg(e);
        const char *t = first_agg(e->a) != NULL ? best->lhs_text
                                                : best->rhs_text;

        *listed = sb_xstrdup(t != NULL ? t : "");
        *annex = agg != NULL && agg->annex >= 0 ? fm->annexes[agg->annex].number
                                                : 0;
        *passed = best->status == SB_RULE_PASS;
    }
    return n;
}

/* Height in pt that suits a chart of kind at the 版心's width. */
static double chart_height(const char *kind)
{
    if (strcmp(kind, "heatmap") == 0)
        return 360;
    if (strcmp(kind, "donut") == 0)
        return 190;
    if (strcmp(kind, "hbar") == 0)
        return 230;
    return 210;
}

int sb_fill_chart(struct sb_chart **out, const struct sb_decl *d,
                  const char *id, double width_pt, struct sb_fonts *fonts,
                  double *height_pt, const char **title,
                  struct sb_error *err)
{
    const struct sb_chart_def *def = sb_form_chart(d->form, id);

    *out = NULL;
    if (def == NULL)
        return sb_error_set(err, SB_EUSAGE, NULL,
                            "no chart \"%s\" in charts.csv", id);
    *title = def->title;
    *height_pt = chart_height(def->kind);
    return sb_chartset_layout(out, d, def, SB_CHART_FIGURE, width_pt,
                              *height_pt, fonts, err);
}
