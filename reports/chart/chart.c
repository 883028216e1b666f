/* chart.c: a chart from its spec: the drawn model (validated copy,
 * sorted, top-N merged into 其他, shares), the frame every chart shares
 * (title on top, source line at the bottom, series legend), dispatch to
 * the layout of each kind, the final collision pass, and the alt text
 * and long description (research/charts.md §10). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chart/chart.h"
#include "chart/chart_bar.h"
#include "chart/chart_donut.h"
#include "chart/chart_fmt.h"
#include "chart/chart_heatmap.h"
#include "chart/chart_lang.h"
#include "chart/chart_legend.h"
#include "chart/chart_line.h"
#include "chart/chart_model.h"
#include "chart/chart_scene.h"
#include "chart/chart_theme.h"
#include "chart/chart_table.h"
#include "chart/chart_tiles.h"
#include "base/numfmt.h"

static const char *nz(const char *s, const char *dflt)
{
    return s != NULL && s[0] != '\0' ? s : dflt;
}

/* A value written in full for the description: grouped, with as many
 * decimals as it has (up to 4). */
static char *full_number(double v, char *buf, size_t size)
{
    int d = 0;

    while (d < 4 && fabs(v * pow(10, d) - round(v * pow(10, d))) >
                        1e-9 * fmax(1, fabs(v * pow(10, d))))
        d++;
    return sb_numfmt_group(v, d, buf, size);
}

static int check_spec(const struct sb_chart_spec *s, struct sb_error *err)
{
    const char *t = nz(s->title, "(无标题)");
    int n_values;

    if (s->title == NULL || s->title[0] == '\0' || s->source == NULL ||
        s->source[0] == '\0')
        return sb_error_set(err, SB_EFORMAT, NULL,
                            "chart \"%s\": a title and a source line are "
                            "required", t);
    if ((unsigned)s->kind > SB_CHART_TABLE)
        return sb_error_set(err, SB_EFORMAT, NULL,
                            "chart \"%s\": unknown kind %d", t, s->kind);
    if (s->n_cat < 1 || s->n_series < 1 ||
        (s->kind == SB_CHART_TABLE ? s->texts == NULL : s->values == NULL))
        return sb_error_set(err, SB_EFORMAT, NULL,
                            "chart \"%s\": no data", t);
    if (s->n_series > 1 && s->series == NULL)
        return sb_error_set(err, SB_EFORMAT, NULL,
                            "chart \"%s\": %d series without names", t,
                            s->n_series);
    if (s->n_series > 1 &&
        (s->kind == SB_CHART_BAR || s->kind == SB_CHART_HBAR ||
         s->kind == SB_CHART_DONUT || s->kind == SB_CHART_TILES))
        return sb_error_set(err, SB_EFORMAT, NULL,
                            "chart \"%s\": a %s takes one series, not %d", t,
                            chart_words(SB_LANG_EN)->kind[s->kind],
                            s->n_series);
    if (s->cats == NULL && s->kind != SB_CHART_LINE)
        return sb_error_set(err, SB_EFORMAT, NULL,
                            "chart \"%s\": no category labels", t);
    if (s->kind == SB_CHART_LINE &&
        (s->start_month < 1 || s->start_month > 12 || s->start_year < 1))
        return sb_error_set(err, SB_EFORMAT, NULL,
                            "chart \"%s\": start month %d-%d is not a "
                            "month", t, s->start_year, s->start_month);
    if (s->kind == SB_CHART_TILES) {
        if (s->tile_row == NULL || s->tile_col == NULL)
            return sb_error_set(err, SB_EFORMAT, NULL,
                                "chart \"%s\": a tile map without places", t);
        for (int i = 0; i < s->n_cat; i++) {
            if (s->tile_row[i] < 0 || s->tile_col[i] < 0)
                return sb_error_set(err, SB_EFORMAT, NULL,
                                    "chart \"%s\": tile %d has no place", t,
                                    i + 1);
            for (int j = 0; j < i; j++)
                if (s->tile_row[i] == s->tile_row[j] &&
                    s->tile_col[i] == s->tile_col[j])
                    return sb_error_set(err, SB_EFORMAT, NULL,
                                        "chart \"%s\": %s and %s share a "
                                        "tile", t, s->cats[j], s->cats[i]);
        }
    }
    n_values = s->values != NULL ? s->n_series * s->n_cat : 0;
    for (int i = 0; i < n_values; i++) {
        if (!isfinite(s->values[i]))
            return sb_error_set(err, SB_EFORMAT, NULL,
                                "chart \"%s\": value %d is not a number", t,
                                i + 1);
        if (s->kind == SB_CHART_DONUT && s->values[i] < 0)
            return sb_error_set(err, SB_EFORMAT, NULL,
                                "chart \"%s\": a part of a whole cannot be "
                                "negative (%g)", t, s->values[i]);
    }
    if (s->share != NULL)
        for (int i = 0; i < s->n_cat; i++)
            if (!isfinite(s->share[i]))
                return sb_error_set(err, SB_EFORMAT, NULL,
                                    "chart \"%s\": share %d is not a number",
                                    t, i + 1);
    return SB_OK;
}

/* Whether index x goes before y: 其他 last, then by descending key
 * unless keep_order. */
static int goes_before(int x, int y, const double *key,
                       const unsigned char *other, int keep_order)
{
    int ox = other != NULL && other[x], oy = other != NULL && other[y];

    if (ox != oy)
        return oy;
    return !keep_order && key[x] > key[y];
}

/* Stable insertion sort of idx: n is a chart's category count. */
static void sort_order(int *idx, int n, const double *key,
                       const unsigned char *other, int keep_order)
{
    for (int i = 1; i < n; i++) {
        int x = idx[i], j = i;

        while (j > 0 && goes_before(x, idx[j - 1], key, other, keep_order)) {
            idx[j] = idx[j - 1];
            j--;
        }
        idx[j] = x;
    }
}

static void model_free(struct chart_model *m)
{
    for (int i = 0; i < m->n_cat; i++)
        free(m->cats[i]);
    for (int i = 0; i < m->n_series; i++)
        free(m->series[i]);
    free(m->cats);
    free(m->series);
    free(m->values);
    free(m->other);
    free(m->share);
    free(m->permille);
    free(m->tile_rc);
    if (m->texts != NULL)
        for (int i = 0; i < m->n_series * m->n_cat; i++)
            free(m->texts[i]);
    free(m->texts);
    free(m->marks);
    free(m->title);
    free(m->source);
    free(m->value_name);
    free(m->unit);
    free(m->cat_name);
    free(m->series_name);
    free(m->share_name);
}

/* Copy categories in the order idx, folding the ones from position keep
 * on (and every input 其他) into one 其他 at the end. */
static void take_cats(struct chart_model *m, const struct sb_chart_spec *s,
                      const int *idx, int keep)
{
    int n = s->n_cat, merged = 0, out = 0;
    double other_sum = 0;

    m->cats = sb_xcalloc((size_t)n, sizeof *m->cats);
    m->values = sb_xcalloc((size_t)n, sizeof *m->values);
    m->other = sb_xcalloc((size_t)n, 1);
    for (int i = 0; i < n; i++) {
        int k = idx[i];

        if (i >= keep || chart_is_other(s->cats[k])) {
            other_sum += s->values[k];
            merged += !chart_is_other(s->cats[k]);
            continue;
        }
        m->cats[out] = sb_xstrdup(s->cats[k]);
        m->values[out++] = s->values[k];
    }
    if (out < n) {
        m->cats[out] = sb_xstrdup(chart_words(m->lang)->other);
        m->values[out] = other_sum;
        m->other[out++] = 1;
    }
    m->n_cat = out;
    m->n_merged = merged;
}

static void build_model(struct chart_model *m, const struct sb_chart_spec *s)
{
    int n = s->n_cat, *idx = sb_xmalloc((size_t)n * sizeof *idx);
    unsigned char *oth = sb_xcalloc((size_t)n, 1);

    const struct chart_words *w = chart_words(s->lang);

    memset(m, 0, sizeof *m);
    m->kind = s->kind;
    m->lang = s->lang == SB_LANG_EN ? SB_LANG_EN : SB_LANG_ZH;
    m->title = sb_xstrdup(s->title);
    m->source = sb_xstrdup(s->source);
    m->value_name = sb_xstrdup(nz(s->value_name, w->value));
    m->unit = sb_xstrdup(s->unit != NULL ? s->unit : "");
    m->cat_name = sb_xstrdup(
        nz(s->cat_name, s->kind == SB_CHART_LINE ? w->month : w->category));
    m->series_name = sb_xstrdup(nz(s->series_name, w->series));
    m->share_name = sb_xstrdup(nz(s->share_name, w->share));
    m->start_year = s->start_year;
    m->start_month = s->start_month;
    m->ordinal = s->ordinal;
    m->n_series = s->n_series;
    m->series = sb_xcalloc((size_t)s->n_series, sizeof *m->series);
    for (int i = 0; i < s->n_series; i++)
        m->series[i] = sb_xstrdup(s->n_series == 1 && s->series == NULL
                                      ? m->value_name
                                      : s->series[i]);
    for (int i = 0; i < n; i++) {
        idx[i] = i;
        oth[i] = s->cats != NULL && chart_is_other(s->cats[i]);
    }
    if (s->kind == SB_CHART_HBAR || s->kind == SB_CHART_DONUT) {
        int named = 0, keep;

        sort_order(idx, n, s->values, oth, s->keep_order);
        for (int i = 0; i < n; i++)
            named += !oth[i];
        if (s->kind == SB_CHART_HBAR) {
            keep = s->top_n > 0 && s->top_n < named ? s->top_n : named;
        } else {
            int most = s->top_n > 0 ? (s->top_n < 2 ? 2 : s->top_n) : 6;

            keep = named + (named < n) > most ? most - 1 : named;
        }
        take_cats(m, s, idx, keep);
    } else {
        int rows = s->n_series, *ridx = NULL;
        double *key = sb_xcalloc((size_t)(n > rows ? n : rows), sizeof *key);

        if (s->kind == SB_CHART_HEATMAP) {
            for (int c = 0; c < n; c++)
                for (int r = 0; r < rows; r++)
                    key[c] += s->values[r * n + c];
            sort_order(idx, n, key, NULL, s->keep_order);
            ridx = sb_xmalloc((size_t)rows * sizeof *ridx);
            memset(key, 0, (size_t)(n > rows ? n : rows) * sizeof *key);
            for (int r = 0; r < rows; r++) {
                ridx[r] = r;
                for (int c = 0; c < n; c++)
                    key[r] += s->values[r * n + c];
            }
            sort_order(ridx, rows, key, NULL, s->keep_order);
            for (int r = 0; r < rows && s->series != NULL; r++) {
                free(m->series[r]);
                m->series[r] = sb_xstrdup(s->series[ridx[r]]);
            }
        }
        m->n_cat = n;
        m->cats = sb_xcalloc((size_t)n, sizeof *m->cats);
        m->other = sb_xcalloc((size_t)n, 1);
        m->values = sb_xcalloc((size_t)(n * rows), sizeof *m->values);
        for (int c = 0; c < n; c++) {
            char buf[32];
            int k = idx[c];

            if (s->cats != NULL)
                m->cats[c] = sb_xstrdup(s->cats[k]);
            else
                m->cats[c] = sb_xstrdup(chart_month_label(
                    m->lang, s->start_year + (s->start_month - 1 + c) / 12,
                    (s->start_month - 1 + c) % 12 + 1, 1, buf, sizeof buf));
            for (int r = 0; r < rows && s->values != NULL; r++)
                m->values[r * n + c] =
                    s->values[(ridx != NULL ? ridx[r] : r) * n + k];
        }
        if (s->kind == SB_CHART_TABLE) {
            m->texts = sb_xcalloc((size_t)(n * rows), sizeof *m->texts);
            m->marks = sb_xcalloc((size_t)n, 1);
            for (int i = 0; i < n * rows; i++)
                m->texts[i] = sb_xstrdup(s->texts[i] != NULL ? s->texts[i]
                                                             : "");
            for (int c = 0; c < n && s->marks != NULL; c++)
                m->marks[c] = s->marks[c];
        }
        if (s->kind == SB_CHART_TILES) {
            m->tile_rc = sb_xmalloc((size_t)(2 * n) * sizeof *m->tile_rc);
            for (int c = 0; c < n; c++) {
                m->tile_rc[2 * c] = s->tile_row[c];
                m->tile_rc[2 * c + 1] = s->tile_col[c];
                if (s->tile_row[c] >= m->tile_rows)
                    m->tile_rows = s->tile_row[c] + 1;
                if (s->tile_col[c] >= m->tile_cols)
                    m->tile_cols = s->tile_col[c] + 1;
            }
        }
        if (s->share != NULL && s->kind == SB_CHART_LINE) {
            m->share = sb_xmalloc((size_t)n * sizeof *m->share);
            memcpy(m->share, s->share, (size_t)n * sizeof *m->share);
        }
        free(ridx);
        free(key);
    }
    free(idx);
    free(oth);
}

/* Title, legend and source; returns the plot box. */
static struct box frame(struct sb_chart *c)
{
    const struct sb_chart_theme *t = &c->theme;
    struct text_fmt title = {t->title_pt, t->text, c->w - 2 * t->margin_pt,
                             2, PANGO_ALIGN_LEFT};
    struct text_fmt source = {t->source_pt, t->text2,
                              c->w - 2 * t->margin_pt, 1, PANGO_ALIGN_LEFT};
    struct box plot;
    double gap = t->text_pt; /* between title, legend, plot and source */
    int id;

    plot.x0 = t->margin_pt;
    plot.x1 = c->w - t->margin_pt;
    plot.y0 = t->margin_pt;
    if (!t->title_in_caption) {
        id = chart_add_text(c, SB_ROLE_TITLE, c->m.title, &title,
                            t->margin_pt, t->margin_pt, 0, 0, 0);
        plot.y0 += chart_text_h(c, id) + gap;
    }
    if (c->m.n_series > 1 &&
        (c->m.kind == SB_CHART_GROUPED || c->m.kind == SB_CHART_STACKED))
        plot.y0 += chart_legend(c, plot.x0, plot.x1, plot.y0) + gap;
    id = chart_add_text(c, SB_ROLE_SOURCE, c->m.source, &source, t->margin_pt,
                        c->h - t->margin_pt, 0, 1, 0);
    plot.y1 = c->h - t->margin_pt - chart_text_h(c, id) - gap;
    return plot;
}

/* "name：3,412台/套（45.6%）" or "name: 3,412 units (45.6%)" for every
 * category of series s, joined by "；" or "; ". */
static void add_values_desc(struct sb_buf *b, const struct sb_chart *c,
                            int s)
{
    const struct chart_model *m = &c->m;
    const struct chart_words *w = chart_words(m->lang);
    int en = m->lang == SB_LANG_EN;

    for (int i = 0; i < m->n_cat; i++) {
        char num[SB_NUMFMT_SIZE], pm[SB_NUMFMT_SIZE];

        full_number(m->values[s * m->n_cat + i], num, sizeof num);
        sb_buf_printf(b, "%s%s%s%s%s%s", i > 0 ? (en ? "; " : "；") : "",
                      m->cats[i], en ? ": " : "：", num,
                      m->unit[0] != '\0' ? w->unit_gap : "", m->unit);
        if (m->permille != NULL)
            sb_buf_printf(b, "%s%s%s", w->open,
                          sb_numfmt_permille(m->permille[i], pm, sizeof pm),
                          w->close);
    }
}

/* The long description in English: the same facts as make_desc's. */
static void make_desc_en(struct sb_chart *c, struct sb_buf *b)
{
    const struct chart_model *m = &c->m;
    char num[SB_NUMFMT_SIZE];
    char *unit = chart_name_unit(m->lang, m->value_name, m->unit);

    sb_buf_printf(b, "A %s of \"%s\". %s. ",
                  chart_words(m->lang)->kind[m->kind], m->title, m->source);
    if (m->kind == SB_CHART_TABLE) {
        for (int r = 0; r < m->n_cat; r++) {
            sb_buf_printf(b, "%s: ", m->cats[r]);
            for (int k = 0; k < m->n_series; k++)
                sb_buf_printf(b, "%s%s %s", k > 0 ? ", " : "", m->series[k],
                              m->texts[k * m->n_cat + r]);
            sb_buf_puts(b, ". ");
        }
    } else if (m->kind == SB_CHART_HEATMAP) {
        sb_buf_printf(b, "Rows are %s, columns %s, values %s. ",
                      m->series_name, m->cat_name, unit);
        for (int r = 0; r < m->n_series; r++) {
            sb_buf_printf(b, "%s: ", m->series[r]);
            for (int i = 0; i < m->n_cat; i++) {
                full_number(m->values[r * m->n_cat + i], num, sizeof num);
                sb_buf_printf(b, "%s%s %s", i > 0 ? ", " : "", m->cats[i],
                              num);
            }
            sb_buf_puts(b, ". ");
        }
    } else {
        sb_buf_printf(b, "Categories are %s, values %s. ", m->cat_name, unit);
        for (int s = 0; s < m->n_series; s++) {
            if (m->n_series > 1)
                sb_buf_printf(b, "%s: ", m->series[s]);
            add_values_desc(b, c, s);
            sb_buf_puts(b, ". ");
        }
    }
    free(unit);
    if (m->kind == SB_CHART_DONUT) {
        double total = 0;

        for (int i = 0; i < m->n_cat; i++)
            total += m->values[i];
        full_number(total, num, sizeof num);
        sb_buf_printf(b, "Total %s%s%s. ", num,
                      m->unit[0] != '\0' ? " " : "", m->unit);
    }
    if (m->share != NULL) {
        sb_buf_printf(b, "%s: ", m->share_name);
        for (int i = 0; i < m->n_cat; i++) {
            char pct[SB_NUMFMT_SIZE];

            sb_buf_printf(b, "%s%s %s", i > 0 ? "; " : "", m->cats[i],
                          sb_numfmt_percent(m->share[i], pct, sizeof pct));
        }
        sb_buf_puts(b, ". ");
    }
    if (m->n_merged > 0)
        sb_buf_printf(b, "\"%s\" merges %d categories.",
                      chart_words(m->lang)->other, m->n_merged);
}

static void make_desc(struct sb_chart *c)
{
    const struct chart_model *m = &c->m;
    struct sb_buf b = {0};
    char num[SB_NUMFMT_SIZE];

    if (m->lang == SB_LANG_EN) {
        make_desc_en(c, &b);
        c->desc = sb_buf_take(&b);
        return;
    }
    sb_buf_printf(&b, "这是一个关于“%s”的%s。%s。", m->title,
                  chart_words(m->lang)->kind[m->kind], m->source);
    if (m->kind == SB_CHART_TABLE) {
        for (int r = 0; r < m->n_cat; r++) {
            sb_buf_printf(&b, "%s——", m->cats[r]);
            for (int k = 0; k < m->n_series; k++)
                sb_buf_printf(&b, "%s%s：%s", k > 0 ? "，" : "",
                              m->series[k], m->texts[k * m->n_cat + r]);
            sb_buf_puts(&b, "。");
        }
        c->desc = sb_buf_take(&b);
        return;
    }
    if (m->kind == SB_CHART_HEATMAP)
        sb_buf_printf(&b, "行为%s，列为%s，", m->series_name, m->cat_name);
    else
        sb_buf_printf(&b, "类别为%s，", m->cat_name);
    sb_buf_printf(&b, "数值为%s%s%s%s。", m->value_name,
                  m->unit[0] != '\0' ? "（" : "", m->unit,
                  m->unit[0] != '\0' ? "）" : "");
    if (m->kind == SB_CHART_HEATMAP) {
        for (int r = 0; r < m->n_series; r++) {
            sb_buf_printf(&b, "%s——", m->series[r]);
            for (int i = 0; i < m->n_cat; i++) {
                full_number(m->values[r * m->n_cat + i], num, sizeof num);
                sb_buf_printf(&b, "%s%s：%s", i > 0 ? "，" : "", m->cats[i],
                              num);
            }
            sb_buf_puts(&b, "。");
        }
    } else if (m->n_series == 1) {
        sb_buf_puts(&b, "其数据是——");
        add_values_desc(&b, c, 0);
        sb_buf_puts(&b, "。");
    } else {
        for (int s = 0; s < m->n_series; s++) {
            sb_buf_printf(&b, "“%s”的数据是——", m->series[s]);
            add_values_desc(&b, c, s);
            sb_buf_puts(&b, "。");
        }
    }
    if (m->kind == SB_CHART_DONUT) {
        double total = 0;

        for (int i = 0; i < m->n_cat; i++)
            total += m->values[i];
        full_number(total, num, sizeof num);
        sb_buf_printf(&b, "合计%s%s。", num, m->unit);
    }
    if (m->share != NULL) {
        sb_buf_printf(&b, "%s——", m->share_name);
        for (int i = 0; i < m->n_cat; i++) {
            char pct[SB_NUMFMT_SIZE];

            sb_buf_printf(&b, "%s%s：%s", i > 0 ? "；" : "", m->cats[i],
                          sb_numfmt_percent(m->share[i], pct, sizeof pct));
        }
        sb_buf_puts(&b, "。");
    }
    if (m->n_merged > 0)
        sb_buf_printf(&b, "“其他”合并了%d个类别。", m->n_merged);
    c->desc = sb_buf_take(&b);
}

/* Index of the largest value of series s. */
static int max_cat(const struct chart_model *m, int s)
{
    int best = 0;

    for (int i = 1; i < m->n_cat; i++)
        if (m->values[s * m->n_cat + i] > m->values[s * m->n_cat + best])
            best = i;
    return best;
}

static void make_alt(struct sb_chart *c)
{
    const struct chart_model *m = &c->m;
    const char *gap = m->unit[0] != '\0' ? chart_words(m->lang)->unit_gap : "";
    struct sb_buf b = {0};
    char num[SB_NUMFMT_SIZE];
    int en = m->lang == SB_LANG_EN, k;

    sb_buf_printf(&b, en ? "%s: %s. " : "%s：%s。",
                  chart_words(m->lang)->kind[m->kind], m->title);
    switch (m->kind) {
    case SB_CHART_DONUT:
        k = max_cat(m, 0);
        sb_numfmt_permille(m->permille[k], num, sizeof num);
        if (en)
            sb_buf_printf(&b, "%s has the largest share (%s).", m->cats[k],
                          num);
        else
            sb_buf_printf(&b, "%s占比最高（%s）。", m->cats[k], num);
        break;
    case SB_CHART_LINE:
        chart_value_text(c, m->values[m->n_cat - 1], num, sizeof num);
        sb_buf_printf(&b, en ? "As of %s: %s%s%s." : "截至%s为%s%s%s。",
                      m->cats[m->n_cat - 1], num, gap, m->unit);
        break;
    case SB_CHART_HEATMAP:
        sb_buf_printf(&b, en ? "%d %s × %d %s." : "%d个%s × %d个%s。",
                      m->n_series, m->series_name, m->n_cat, m->cat_name);
        break;
    case SB_CHART_TABLE:
        sb_buf_printf(&b, en ? "%d %s." : "%d个%s。", m->n_cat, m->cat_name);
        break;
    case SB_CHART_GROUPED:
    case SB_CHART_STACKED:
        sb_buf_printf(&b, en ? "%d series, %d %s." : "%d个系列，%d个%s。",
                      m->n_series, m->n_cat, m->cat_name);
        break;
    default:
        k = max_cat(m, 0);
        chart_value_text(c, m->values[k], num, sizeof num);
        sb_buf_printf(&b, en ? "%s is the largest (%s%s%s)."
                             : "%s最多（%s%s%s）。",
                      m->cats[k], num, gap, m->unit);
        break;
    }
    c->alt = sb_buf_take(&b);
}

int sb_chart_new(struct sb_chart **out, const struct sb_chart_spec *spec,
                 const struct sb_chart_theme *theme, double width_pt,
                 double height_pt, struct sb_fonts *fonts,
                 struct sb_error *err)
{
    struct sb_chart *c;
    struct box plot;
    int rc;

    *out = NULL;
    rc = check_spec(spec, err);
    if (rc != SB_OK)
        return rc;
    c = sb_xcalloc(1, sizeof *c);
    build_model(&c->m, spec);
    chart_value_format(c);
    if (c->m.kind == SB_CHART_DONUT) {
        c->m.permille = sb_xmalloc((size_t)c->m.n_cat * sizeof(int));
        if (sb_numfmt_shares(c->m.values, c->m.n_cat, c->m.permille) != 0) {
            rc = sb_error_set(err, SB_EFORMAT, NULL,
                              "chart \"%s\": the parts add up to 0",
                              spec->title);
            goto fail;
        }
    }
    if (theme != NULL)
        c->theme = *theme;
    else
        sb_chart_theme_init(&c->theme, SB_CHART_SLIDE, SB_PALETTE_OKABE_ITO);
    c->w = width_pt;
    c->h = height_pt;
    c->pango = sb_fonts_context(fonts);
    plot = frame(c);
    if (plot.x1 - plot.x0 < 8 * c->theme.text_pt ||
        plot.y1 - plot.y0 < 6 * c->theme.text_pt) {
        rc = sb_error_set(err, SB_EUSAGE, NULL,
                          "chart \"%s\": a %g × %g pt canvas is too small",
                          spec->title, width_pt, height_pt);
        goto fail;
    }
    switch (c->m.kind) {
    case SB_CHART_BAR:
    case SB_CHART_GROUPED:
    case SB_CHART_STACKED:
        chart_layout_bar(c, plot);
        break;
    case SB_CHART_HBAR:
        chart_layout_hbar(c, plot);
        break;
    case SB_CHART_DONUT:
        chart_layout_donut(c, plot);
        break;
    case SB_CHART_LINE:
        chart_layout_line(c, plot);
        break;
    case SB_CHART_HEATMAP:
        chart_layout_heatmap(c, plot);
        break;
    case SB_CHART_TILES:
        chart_layout_tiles(c, plot);
        break;
    case SB_CHART_TABLE:
        chart_layout_table(c, plot);
        break;
    }
    chart_resolve_collisions(c);
    make_desc(c);
    make_alt(c);
    *out = c;
    return SB_OK;
fail:
    sb_chart_free(c);
    return rc;
}

void sb_chart_free(struct sb_chart *c)
{
    if (c == NULL)
        return;
    chart_free_items(c);
    if (c->pango != NULL)
        g_object_unref(c->pango);
    model_free(&c->m);
    free(c->alt);
    free(c->desc);
    free(c);
}

double sb_chart_width(const struct sb_chart *c)
{
    return c->w;
}

double sb_chart_height(const struct sb_chart *c)
{
    return c->h;
}

void sb_chart_draw(const struct sb_chart *c, cairo_t *cr)
{
    chart_draw_items(c, cr, 1);
}

const char *sb_chart_alt(const struct sb_chart *c)
{
    return c->alt;
}

const char *sb_chart_desc(const struct sb_chart *c)
{
    return c->desc;
}

int sb_chart_n_cats(const struct sb_chart *c)
{
    return c->m.n_cat;
}

int sb_chart_n_series(const struct sb_chart *c)
{
    return c->m.n_series;
}

const char *sb_chart_cat(const struct sb_chart *c, int cat_idx)
{
    return c->m.cats[cat_idx];
}

const char *sb_chart_series(const struct sb_chart *c, int series_idx)
{
    return c->m.series[series_idx];
}

double sb_chart_value(const struct sb_chart *c, int series_idx, int cat_idx)
{
    return c->m.values[series_idx * c->m.n_cat + cat_idx];
}
