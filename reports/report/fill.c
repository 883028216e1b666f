/* fill.c: figures and placeholders for the 申报书 (see fill.h). */
#include "report/fill.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chart/chartset.h"
#include "check/decl.h"
#include "base/numfmt.h"
#include "base/utf8.h"
#include "read/table.h"
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

int sb_fill_links_out(const struct sb_decl *d)
{
    return d->links_out;
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

/* Does label occur as the label of another field than i? */
static int label_shared(const struct sb_form *fm, int i)
{
    for (int j = 0; j < fm->n_fields; j++)
        if (j != i && strcmp(fm->fields[j].label, fm->fields[i].label) == 0)
            return 1;
    return 0;
}

/* The number at *p (ASCII digits, "," between groups, one "."): its
 * value, its tolerance (half a unit of the last digit) and its end;
 * 0 when there is none. */
static int read_number(const char *p, double *v, double *tol,
                       const char **end)
{
    char buf[64];
    size_t n = 0;
    int scale = -1;

    if (!isdigit((unsigned char)*p))
        return 0;
    for (; n + 1 < sizeof buf; p++) {
        if (isdigit((unsigned char)*p)) {
            buf[n++] = *p;
            if (scale >= 0)
                scale++;
        } else if (*p == ',' && isdigit((unsigned char)p[1])) {
            continue;
        } else if (*p == '.' && scale < 0 && isdigit((unsigned char)p[1])) {
            buf[n++] = '.';
            scale = 0;
        } else {
            break;
        }
    }
    buf[n] = '\0';
    *v = strtod(buf, NULL);
    *tol = 0.5 * pow(10, -(scale > 0 ? scale : 0));
    *end = p;
    return 1;
}

int sb_fill_quotes(const struct sb_decl *d, const char *text,
                   struct sb_fill_quote **out)
{
    static const char *const joins[] = {"为", "达", "是", "约", "共", "计",
                                        "累计", "：", ":", " ", NULL};
    const struct sb_form *fm = d->form;
    int n = 0;

    *out = NULL;
    for (int i = 0; i < fm->n_fields; i++) {
        const struct sb_field *fd = &fm->fields[i];
        const struct sb_figure *g = &d->figs[i];
        size_t k = strlen(fd->label);

        if ((fd->type != SB_TYPE_INT && fd->type != SB_TYPE_DECIMAL &&
             fd->type != SB_TYPE_MONEY) ||
            g->state != SB_FIG_OK || sb_utf8_count(fd->label, k) < 4 ||
            label_shared(fm, i))
            continue;
        for (const char *p = strstr(text, fd->label); p != NULL;
             p = strstr(p + 1, fd->label)) {
            const char *q = p + k, *end;
            double v, tol, m;

            for (int steps = 0; steps < 4; steps++) {
                int moved = 0;

                for (int j = 0; joins[j] != NULL && !moved; j++)
                    if (strncmp(q, joins[j], strlen(joins[j])) == 0) {
                        q += strlen(joins[j]);
                        moved = 1;
                    }
                if (!moved)
                    break;
            }
            if (!read_number(q, &v, &tol, &end))
                continue;
            m = fd->type == SB_TYPE_MONEY ? fd->yuan_per_unit : 1;
            if (strncmp(end, "亿", strlen("亿")) == 0)
                m = 1e8;
            else if (strncmp(end, "万", strlen("万")) == 0)
                m = 1e4;
            if (fabs(v * m - g->value) <= tol * m + g->tol)
                continue;
            *out = sb_xrealloc(*out, (size_t)(n + 1) * sizeof **out);
            (*out)[n].label = fd->label;
            (*out)[n].quoted = sb_xstrndup(p, (size_t)(end - p) +
                               (strncmp(end, "万", 3) == 0 ||
                                strncmp(end, "亿", 3) == 0 ? 3 : 0));
            (*out)[n].declared = g->raw;
            n++;
        }
    }
    return n;
}

void sb_fill_quotes_free(struct sb_fill_quote *q, int n)
{
    for (int i = 0; i < n; i++)
        free(q[i].quoted);
    free(q);
}

int sb_fill_column_values(const struct sb_decl *d, const char *ref,
                          char ***out, char **what)
{
    const char *dot = strchr(ref, '.');
    const struct sb_form *fm = d->form;
    struct sb_table *t = NULL;
    struct sb_error e = {0};
    int n = 0;

    *out = NULL;
    *what = NULL;
    if (dot == NULL)
        return -1;
    for (int a = 0; a < fm->n_annexes; a++) {
        const struct sb_annex *an = &fm->annexes[a];
        int f = -1, col = -1;

        if (strlen(an->code) != (size_t)(dot - ref) ||
            strncmp(an->code, ref, (size_t)(dot - ref)) != 0)
            continue;
        for (int c = 0; c < an->n_cols; c++)
            if (strcmp(an->cols[c].code, dot + 1) == 0 &&
                d->annexes[a].col_field != NULL) {
                f = d->annexes[a].col_field[c];
                col = c;
            }
        if (f < 0 || d->annexes[a].path == NULL ||
            sb_table_read(&t, d->annexes[a].path, NULL, &e) != SB_OK)
            return -1;
        *what = sb_xasprintf("附件%d %s的“%s”", an->number, an->title,
                             an->cols[col].header);
        *out = sb_xcalloc((size_t)t->n_rows + 1, sizeof **out);
        for (long r = 0; r < t->n_rows; r++)
            (*out)[n++] = sb_xstrdup(sb_table_get(t, r, f));
        sb_table_free(t);
        return n;
    }
    return -1;
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
                              *height_pt, NULL, fonts, err);
}
