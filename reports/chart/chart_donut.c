/* chart_donut.c: a donut (parts of a whole): slices clockwise from 12
 * o'clock, largest first and 其他 last in grey, white separators, the
 * total in the centre, and each slice labelled outside ("名称" over
 * "45.6%，3,412个") on its side of the ring, labels stacked so that none
 * overlap, with a leader line to its slice. No 3-D, no exploded slices
 * (research/charts.md §5, §6). */
#include <math.h>
#include <stdlib.h>

#include "chart/chart_donut.h"
#include "chart/chart_fmt.h"
#include "chart/chart_labels.h"
#include "chart/chart_lang.h"
#include "chart/chart_scene.h"
#include "chart/chart_theme.h"
#include "base/numfmt.h"
#include "base/sb.h"

#define PI 3.14159265358979323846

struct slice_label {
    char *text;
    double w, h, mid, want, top;
    int right;
};

static void centre(struct sb_chart *c, double cx, double cy, double r0)
{
    const struct sb_chart_theme *t = &c->theme;
    struct text_fmt big = {1.4 * t->title_pt, t->text, 0, 1,
                           PANGO_ALIGN_CENTER};
    struct text_fmt small = {t->text_pt, t->text2, 1.7 * r0, 1,
                             PANGO_ALIGN_CENTER};
    double total = 0, w, h, hs;
    char num[SB_NUMFMT_SIZE], *cap;

    for (int i = 0; i < c->m.n_cat; i++)
        total += c->m.values[i];
    chart_value_text(c, total, num, sizeof num);
    chart_measure(c, num, &big, &w, &h, NULL, NULL);
    for (int k = 0; k < 2 && w > 1.6 * r0; k++) {
        big.size = k == 0 ? t->title_pt : t->text_pt;
        chart_measure(c, num, &big, &w, &h, NULL, NULL);
    }
    cap = chart_name_unit(c->m.lang, chart_words(c->m.lang)->total,
                          c->m.unit);
    chart_measure(c, cap, &small, &w, &hs, NULL, NULL);
    chart_add_text(c, SB_ROLE_CENTER_LABEL, num, &big, cx,
                   cy - (h + hs) / 2, 0.5, 0, 0);
    chart_add_text(c, SB_ROLE_CENTER_LABEL, cap, &small, cx,
                   cy - (h + hs) / 2 + h, 0.5, 0, 0);
    free(cap);
}

/* Stack one side's labels (sorted by their wanted top). */
static void stack_side(struct slice_label *l, int n, int right, double gap,
                       double lo, double hi)
{
    int *idx = sb_xmalloc((size_t)(n + 1) * sizeof *idx), k = 0;
    double *want = sb_xmalloc((size_t)(n + 1) * sizeof *want);
    double *h = sb_xmalloc((size_t)(n + 1) * sizeof *h);
    double *top = sb_xmalloc((size_t)(n + 1) * sizeof *top);

    for (int i = 0; i < n; i++) {
        int j;

        if (l[i].right != right)
            continue;
        j = k++;
        while (j > 0 && l[idx[j - 1]].want > l[i].want) {
            idx[j] = idx[j - 1];
            j--;
        }
        idx[j] = i;
    }
    for (int j = 0; j < k; j++) {
        want[j] = l[idx[j]].want;
        h[j] = l[idx[j]].h;
    }
    chart_stack_labels(want, h, k, gap, lo, hi, top);
    for (int j = 0; j < k; j++)
        l[idx[j]].top = top[j];
    free(idx);
    free(want);
    free(h);
    free(top);
}

/* Set the labels at size, on two lines or one ("名称 45.6%"), at most
 * max_w wide; returns the widest. */
static double set_labels(struct sb_chart *c, struct slice_label *l,
                         struct text_fmt *f, int two_lines)
{
    const struct chart_model *m = &c->m;
    double widest = 0;

    for (int i = 0; i < m->n_cat; i++) {
        char num[SB_NUMFMT_SIZE], pct[SB_NUMFMT_SIZE];

        chart_value_text(c, m->values[i], num, sizeof num);
        sb_numfmt_permille(m->permille[i], pct, sizeof pct);
        free(l[i].text);
        /* No closing bracket at a line end: its blank half would
         * misalign right-aligned lines. */
        if (two_lines)
            l[i].text = sb_xasprintf(
                "%s\n%s%s%s%s%s", m->cats[i], pct, chart_words(m->lang)->comma,
                num, m->unit[0] != '\0' ? chart_words(m->lang)->unit_gap : "",
                m->unit);
        else
            l[i].text = sb_xasprintf("%s %s", m->cats[i], pct);
        chart_measure(c, l[i].text, f, &l[i].w, &l[i].h, NULL, NULL);
        widest = fmax(widest, l[i].w);
    }
    return widest;
}

/* Whether every label of a side lies within [lo, hi]. */
static int side_fits(const struct slice_label *l, int n, double lo,
                     double hi)
{
    for (int i = 0; i < n; i++)
        if (l[i].top < lo - 0.01 || l[i].top + l[i].h > hi + 0.01)
            return 0;
    return 1;
}

void chart_layout_donut(struct sb_chart *c, struct box plot)
{
    const struct sb_chart_theme *t = &c->theme;
    const struct chart_model *m = &c->m;
    const double sizes[3] = {t->text_pt, t->small_pt, t->small_pt};
    struct slice_label *l = sb_xcalloc((size_t)m->n_cat, sizeof *l);
    struct text_fmt f = {0, t->text, 0, 2, PANGO_ALIGN_LEFT};
    double pw = plot.x1 - plot.x0, ph = plot.y1 - plot.y0, total = 0;
    double cx = (plot.x0 + plot.x1) / 2, cy = (plot.y0 + plot.y1) / 2;
    double leader = 1.5 * t->text_pt, pad = t->pad_pt, r = 0;
    double r_min = 0.2 * fmin(pw, ph);

    for (int i = 0; i < m->n_cat; i++)
        total += m->values[i];
    /* Text size, then small text, then one line a label, until every
     * label fits its side; the ring keeps at least r_min. */
    for (int k = 0; k < 3; k++) {
        double col_w, a = -PI / 2;

        f.size = sizes[k];
        f.max_w = 0.28 * pw;
        col_w = set_labels(c, l, &f, k < 2);
        r = fmin(ph / 2 - pad, pw / 2 - col_w - leader - pad);
        if (r < r_min) {
            r = r_min;
            f.max_w = fmax(pw / 2 - leader - pad - r, t->text_pt);
            set_labels(c, l, &f, k < 2);
        }
        for (int i = 0; i < m->n_cat; i++) {
            double sweep = m->values[i] / total * 2 * PI;

            l[i].mid = a + sweep / 2;
            l[i].right = cos(l[i].mid) >= -1e-9;
            l[i].want = cy + (r + leader / 2) * sin(l[i].mid) - l[i].h / 2;
            a += sweep;
        }
        stack_side(l, m->n_cat, 1, pad / 2, plot.y0, plot.y1);
        stack_side(l, m->n_cat, 0, pad / 2, plot.y0, plot.y1);
        if (side_fits(l, m->n_cat, plot.y0, plot.y1))
            break;
    }
    for (int i = 0, id; i < m->n_cat; i++) {
        double sweep = m->values[i] / total * 2 * PI;
        double a0 = l[i].mid - sweep / 2;

        if (sweep > 0) {
            id = chart_add_sector(c, cx, cy, 0.58 * r, r, a0, a0 + sweep,
                                  chart_cat_color(c, i));
            chart_set_data(c, id, 0, i);
        }
    }
    for (int i = 0; i < m->n_cat; i++) {
        double x = l[i].right ? cx + r + leader : cx - r - leader;
        double ly = l[i].top + l[i].h / 2, dir = l[i].right ? 1 : -1;
        double pts[6] = {
            cx + r * cos(l[i].mid), cy + r * sin(l[i].mid),
            cx + (r + leader / 3) * cos(l[i].mid),
            cy + (r + leader / 3) * sin(l[i].mid),
            x - dir * pad / 2, ly,
        };
        int id;

        /* A label that still does not fit (a tiny canvas) is left out:
         * the description and the CSV keep it. */
        if (l[i].top < plot.y0 - 0.01 || l[i].top + l[i].h > plot.y1 + 0.01) {
            c->n_dropped++;
            free(l[i].text);
            continue;
        }
        id = chart_add_poly(c, SB_ROLE_LEADER, pts, 3, t->text2,
                            t->text_pt / 14);
        chart_set_data(c, id, 0, i);
        f.align = l[i].right ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT;
        id = chart_add_text(c, SB_ROLE_VALUE_LABEL, l[i].text, &f, x,
                            l[i].top, l[i].right ? 0 : 1, 0, 0);
        chart_set_data(c, id, 0, i);
        free(l[i].text);
    }
    centre(c, cx, cy, 0.58 * r);
    free(l);
}
