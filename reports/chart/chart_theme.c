/* chart_theme.c: the chart theme (palette, text colours and sizes) and
 * colour arithmetic: WCAG contrast for label colours, heat scales.
 * research/charts.md §2: Okabe-Ito with #F5C710 for its yellow, #999999
 * for 其他, text #333333 (12.6:1), secondary #54555a (7.4:1). */
#include <math.h>

#include "chart/chart_theme.h"
#include "chart/chart_model.h"

static const uint32_t okabe_ito[] = {
    0x0072B2, 0xE69F00, 0x009E73, 0xD55E00,
    0x56B4E9, 0xCC79A7, 0xF5C710, 0x000000,
};

static const uint32_t echarts5[] = {
    0x5470C6, 0x91CC75, 0xFAC858, 0xEE6666,
    0x73C0DE, 0x3BA272, 0xFC8452, 0x9A60B4,
};

/* ColorBrewer Blues from its 3rd class, so that the lowest non-zero
 * value stays apart from a white zero cell. */
static const uint32_t blues[] = {
    0xC6DBEF, 0x9ECAE1, 0x6BAED6, 0x4292C6, 0x2171B5, 0x08519C, 0x08306B,
};

static const uint32_t viridis[] = {
    0x440154, 0x472D7B, 0x3B528B, 0x2C728E, 0x21908C,
    0x27AD81, 0x5DC863, 0xAADC32, 0xFDE725,
};

void sb_chart_theme_init(struct sb_chart_theme *t,
                         enum sb_chart_target target,
                         enum sb_chart_palette palette)
{
    const uint32_t *pal = palette == SB_PALETTE_ECHARTS ? echarts5
                                                         : okabe_ito;

    for (int i = 0; i < 8; i++)
        t->series[i] = pal[i];
    t->n_colors = 8;
    t->other = 0x999999;
    t->text = 0x333333;
    t->text2 = 0x54555A;
    t->grid = 0xE3E5EA;
    t->axis = 0x6E7079;
    t->background = 0xFFFFFF;
    t->heat = SB_HEAT_BLUES;
    t->title_in_caption = target == SB_CHART_FIGURE;
    if (target == SB_CHART_REPORT || target == SB_CHART_FIGURE) {
        t->title_pt = 10.5; /* 五号 */
        t->text_pt = 9;     /* 小五 */
        t->small_pt = 7.5;  /* 六号 */
        t->source_pt = 10.5; /* 五号: the source is read, not glanced at
                                (issue 13 item 15) */
        t->margin_pt = 4;
        t->pad_pt = 3;
        t->line_pt = 1.5;
    } else if (target == SB_CHART_DEFENSE) {
        /* 1 pt = 2 px at 1920×1080: 56 px title, 36 px labels, 28 px
         * source: issue 16's floor for a projected slide read from the
         * back of the room. Dense labels (a heatmap of 22 rows) go down
         * to the source's 28 px rather than lose every other row. */
        t->title_pt = 28;
        t->text_pt = 18;
        t->small_pt = 14;
        t->source_pt = 14;
        t->margin_pt = 20;
        t->pad_pt = 6;
        t->line_pt = 4;
    } else {
        /* 1 pt = 2 px at 1920×1080: 48 px title, 28 px labels, 22 px
         * for dense labels and the source (the 8H rule's minimum). */
        t->title_pt = 24;
        t->text_pt = 14;
        t->small_pt = 11;
        t->source_pt = 11;
        t->margin_pt = 24;
        t->pad_pt = 6;
        t->line_pt = 3;
    }
}

uint32_t chart_series_color(const struct sb_chart *c, int series)
{
    int n = c->theme.n_colors < 1 ? 1 : c->theme.n_colors;

    return c->theme.series[series % n];
}

uint32_t chart_cat_color(const struct sb_chart *c, int cat)
{
    if (c->m.other[cat])
        return c->theme.other;
    /* A donut's slices each take a colour; bars share the first. */
    return chart_series_color(c, c->m.kind == SB_CHART_DONUT ? cat : 0);
}

static double channel(uint32_t rgb, int shift)
{
    double v = ((rgb >> shift) & 0xFF) / 255.0;

    return v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4);
}

static double luminance(uint32_t rgb)
{
    return 0.2126 * channel(rgb, 16) + 0.7152 * channel(rgb, 8) +
           0.0722 * channel(rgb, 0);
}

double chart_contrast(uint32_t a, uint32_t b)
{
    double la = luminance(a), lb = luminance(b);

    return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

uint32_t chart_text_on(const struct sb_chart *c, uint32_t fill)
{
    /* White, else the text colour, if either reaches 4.5:1 (WCAG AA);
     * else whichever of white and black reads better. */
    double white = chart_contrast(0xFFFFFF, fill);

    if (white >= 4.5)
        return 0xFFFFFF;
    if (chart_contrast(c->theme.text, fill) >= 4.5)
        return c->theme.text;
    return white >= chart_contrast(0x000000, fill) ? 0xFFFFFF : 0x000000;
}

int chart_heat_stops(enum sb_chart_heat heat, const uint32_t **stops)
{
    if (heat == SB_HEAT_VIRIDIS) {
        *stops = viridis;
        return (int)(sizeof viridis / sizeof *viridis);
    }
    *stops = blues;
    return (int)(sizeof blues / sizeof *blues);
}

static uint32_t mix(uint32_t a, uint32_t b, double t)
{
    uint32_t out = 0;

    for (int shift = 16; shift >= 0; shift -= 8) {
        double x = ((a >> shift) & 0xFF) * (1 - t) + ((b >> shift) & 0xFF) * t;

        out |= (uint32_t)lround(x) << shift;
    }
    return out;
}

uint32_t chart_heat_color(enum sb_chart_heat heat, double t)
{
    const uint32_t *s;
    int n = chart_heat_stops(heat, &s);
    double x;
    int i;

    t = t < 0 ? 0 : t > 1 ? 1 : t;
    x = t * (n - 1);
    i = (int)floor(x);
    if (i >= n - 1)
        return s[n - 1];
    return mix(s[i], s[i + 1], x - i);
}

void chart_set_color(cairo_t *cr, uint32_t rgb)
{
    cairo_set_source_rgb(cr, ((rgb >> 16) & 0xFF) / 255.0,
                         ((rgb >> 8) & 0xFF) / 255.0, (rgb & 0xFF) / 255.0);
}
