/* chart_svg.c: finishing cairo's SVG. Cairo 1.16 draws text as glyph
 * symbols (no <text>), which no editor can change after import, so
 * cairo draws the marks only and the labels are written here from the
 * scene as <text>, one a label, in the face's family list (research §7).
 * An injected <title> and <desc> (WAI complex images: the long
 * description lists every value), with role="img" and xml:lang on the
 * root, describe the chart. Cairo also numbers
 * ids (surface5, glyph0-3, clip2 ...) from counters that live as long as
 * the process, so the same chart rendered after another one would come
 * out different; every id is renamed here in order of first appearance,
 * with the references to it (href="#…", url(#…)). research §7. */
#include <pango/pangocairo.h>
#include <stdlib.h>
#include <string.h>

#include "base/markup.h"
#include "chart/chart_svg.h"
#include "chart/chart_model.h"
#include "typeset/fonts.h"

struct id_map {
    char **old, **new;
    int n, cap;
};

static const char *lookup(const struct id_map *m, const char *id, size_t len)
{
    for (int i = 0; i < m->n; i++)
        if (strlen(m->old[i]) == len && memcmp(m->old[i], id, len) == 0)
            return m->new[i];
    return NULL;
}

/* Map a new id to <its letters><n>, n counting ids with those letters:
 * glyph0-3 → glyph4 when it is the fourth glyph id met. */
static void add_id(struct id_map *m, const char *id, size_t len)
{
    size_t alpha = 0;
    int count = 1;

    if (lookup(m, id, len) != NULL)
        return;
    while (alpha < len && (id[alpha] < '0' || id[alpha] > '9') &&
           id[alpha] != '-')
        alpha++;
    for (int i = 0; i < m->n; i++)
        if (strncmp(m->new[i], id, alpha) == 0 && m->new[i][alpha] >= '0' &&
            m->new[i][alpha] <= '9')
            count++;
    if (m->n == m->cap) {
        m->cap = m->cap ? 2 * m->cap : 64;
        m->old = sb_xrealloc(m->old, (size_t)m->cap * sizeof *m->old);
        m->new = sb_xrealloc(m->new, (size_t)m->cap * sizeof *m->new);
    }
    m->old[m->n] = sb_xstrndup(id, len);
    m->new[m->n] = sb_xasprintf("%.*s%d", (int)alpha, id, count);
    m->n++;
}

static void map_free(struct id_map *m)
{
    for (int i = 0; i < m->n; i++) {
        free(m->old[i]);
        free(m->new[i]);
    }
    free(m->old);
    free(m->new);
}

/* The places an id is defined or referenced, and what ends it. */
static const struct {
    const char *lead;
    char end;
} id_sites[] = {
    {" id=\"", '"'},
    {"href=\"#", '"'},
    {"url(#", ')'},
};

int chart_svg_finish(struct sb_buf *svg, const char *title, const char *desc,
                     const char *tail)
{
    struct id_map map = {0};
    struct sb_buf out = {0};
    const char *s = svg->data, *root, *p, *end;

    if (s == NULL || strncmp(s, "<?xml", 5) != 0 ||
        (root = strstr(s, "<svg ")) == NULL ||
        (root = strchr(root, '>')) == NULL ||
        (end = strstr(root, "</svg>")) == NULL)
        return -1;
    /* First pass: ids in order of definition. */
    for (p = s; (p = strstr(p, id_sites[0].lead)) != NULL;) {
        const char *id = p + strlen(id_sites[0].lead);
        const char *e = strchr(id, '"');

        if (e == NULL)
            break;
        add_id(&map, id, (size_t)(e - id));
        p = e;
    }
    /* Second pass: copy, renaming ids at every site. */
    sb_buf_put(&out, s, (size_t)(root - s));
    sb_buf_puts(&out, " role=\"img\" xml:lang=\"zh-CN\" "
                      "aria-labelledby=\"chart-title chart-desc\">\n"
                      "<title id=\"chart-title\">");
    sb_buf_put_markup(&out, title);
    sb_buf_puts(&out, "</title>\n<desc id=\"chart-desc\">");
    sb_buf_put_markup(&out, desc);
    sb_buf_puts(&out, "</desc>");
    for (p = root + 1; p < end;) {
        size_t k, n_sites = sizeof id_sites / sizeof *id_sites;
        const char *id = NULL, *e = NULL, *nid;

        for (k = 0; k < n_sites; k++) {
            size_t ll = strlen(id_sites[k].lead);

            if (strncmp(p, id_sites[k].lead, ll) == 0) {
                id = p + ll;
                e = strchr(id, id_sites[k].end);
                break;
            }
        }
        if (id == NULL || e == NULL) {
            sb_buf_putc(&out, *p++);
            continue;
        }
        sb_buf_put(&out, p, (size_t)(id - p));
        nid = lookup(&map, id, (size_t)(e - id));
        if (nid != NULL)
            sb_buf_puts(&out, nid);
        else
            sb_buf_put(&out, id, (size_t)(e - id));
        p = e;
    }
    sb_buf_puts(&out, tail);
    sb_buf_puts(&out, end);
    map_free(&map);
    sb_buf_free(svg);
    *svg = out;
    return 0;
}

/* "黑体,SimHei,FandolHei" as a CSS list: "'黑体', 'SimHei', …, sans-serif". */
static void put_families(struct sb_buf *b, const char *list)
{
    const char *p = list;

    while (*p != '\0') {
        size_t n = strcspn(p, ",");

        sb_buf_puts(b, "'");
        sb_buf_put(b, p, n);
        sb_buf_puts(b, "', ");
        p += n + (p[n] == ',');
    }
    sb_buf_puts(b, "sans-serif");
}

/* The text of one layout line as drawn. Pango's end ellipsis is the
 * line's last run, standing for the text it cut. */
static void put_line(struct sb_buf *b, const char *text,
                     PangoLayoutLine *line, int ellipsized)
{
    char *s;

    if (!ellipsized) {
        s = sb_xstrndup(text + line->start_index, (size_t)line->length);
    } else {
        struct sb_buf t = {0};

        for (GSList *r = line->runs; r != NULL; r = r->next) {
            const PangoItem *it = ((PangoGlyphItem *)r->data)->item;

            if (r->next == NULL)
                sb_buf_puts(&t, "\xE2\x80\xA6");
            else
                sb_buf_put(&t, text + it->offset, (size_t)it->length);
        }
        s = t.data != NULL ? sb_buf_take(&t) : sb_xstrdup("");
    }
    s[strcspn(s, "\n")] = '\0';
    sb_buf_put_markup(b, s);
    free(s);
}

/* The class of a label's <text>, by enum sb_chart_role, for styling
 * after import and for the tests that measure the sizes. */
static const char *const label_class[] = {
    [SB_ROLE_TITLE] = "title",          [SB_ROLE_SOURCE] = "source",
    [SB_ROLE_AXIS_TITLE] = "axis-title", [SB_ROLE_TICK_LABEL] = "tick",
    [SB_ROLE_CAT_LABEL] = "category",   [SB_ROLE_VALUE_LABEL] = "value",
    [SB_ROLE_LEGEND_LABEL] = "legend",  [SB_ROLE_CENTER_LABEL] = "centre",
};

void chart_svg_labels(const struct sb_chart *c, double px_per_pt,
                      struct sb_buf *out)
{
    for (int i = 0; i < c->n_items; i++) {
        const struct chart_item *it = &c->items[i];
        const char *text;
        PangoLayoutIter *iter;
        int n_lines, k = 0;
        double size;

        if (it->shape != SHAPE_TEXT)
            continue;
        text = pango_layout_get_text(it->layout);
        n_lines = pango_layout_get_line_count(it->layout);
        size = pango_font_description_get_size(
                   pango_layout_get_font_description(it->layout)) /
               (double)PANGO_SCALE;
        sb_buf_printf(out,
                      "<text class=\"%s\" "
                      "transform=\"translate(%.2f %.2f) rotate(%g)\" "
                      "font-family=\"",
                      label_class[it->pub.role], it->ax * px_per_pt,
                      it->ay * px_per_pt, it->pub.angle_deg);
        put_families(out, sb_fonts_family(SB_FONT_HEI));
        sb_buf_printf(out, "\" font-size=\"%.2f\" fill=\"#%06X\" "
                           "xml:space=\"preserve\">",
                      size * px_per_pt, (unsigned)it->fill);
        iter = pango_layout_get_iter(it->layout);
        do {
            PangoRectangle log;
            double x, y;

            pango_layout_iter_get_line_extents(iter, NULL, &log);
            x = -it->fx * it->w - it->lx + (double)log.x / PANGO_SCALE;
            y = -it->fy * it->h - it->ly +
                (double)pango_layout_iter_get_baseline(iter) / PANGO_SCALE;
            sb_buf_printf(out, "<tspan x=\"%.2f\" y=\"%.2f\">",
                          x * px_per_pt, y * px_per_pt);
            put_line(out, text, pango_layout_iter_get_line_readonly(iter),
                     it->pub.ellipsized && k == n_lines - 1);
            sb_buf_puts(out, "</tspan>");
            k++;
        } while (pango_layout_iter_next_line(iter));
        pango_layout_iter_free(iter);
        sb_buf_puts(out, "</text>\n");
    }
}
