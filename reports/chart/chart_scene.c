/* chart_scene.c: the scene of a chart. Every mark and label is an item
 * with its box; labels are Pango layouts made and measured once, in a
 * context set up for device-independent metrics (fonts.h), and drawn
 * as measured on any surface. Also the geometry the tests rely on:
 * overlap of rotated boxes (separating axes), the final collision pass,
 * and the scene check. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart/chart_scene.h"
#include "chart/chart_theme.h"
#include "base/sb.h"
#include "typeset/fonts.h"

#define PI 3.14159265358979323846

/* A label may touch the canvas edge or a neighbour by this much. */
#define TOUCH_PT 0.05

static int new_item(struct sb_chart *c, enum sb_chart_role role,
                    enum item_shape shape, int layer)
{
    struct chart_item *it;

    if (c->n_items == c->cap_items) {
        c->cap_items = c->cap_items ? 2 * c->cap_items : 64;
        c->items = sb_xrealloc(c->items,
                               (size_t)c->cap_items * sizeof *c->items);
    }
    it = &c->items[c->n_items];
    memset(it, 0, sizeof *it);
    it->pub.role = role;
    it->pub.series = -1;
    it->pub.cat = -1;
    it->pub.owner = -1;
    it->shape = shape;
    it->layer = layer;
    it->fill = NO_COLOR;
    it->stroke = NO_COLOR;
    return c->n_items++;
}

static void set_bbox(struct chart_item *it, double x0, double y0, double x1,
                     double y1)
{
    it->pub.quad[0][0] = x0;
    it->pub.quad[0][1] = y0;
    it->pub.quad[1][0] = x1;
    it->pub.quad[1][1] = y0;
    it->pub.quad[2][0] = x1;
    it->pub.quad[2][1] = y1;
    it->pub.quad[3][0] = x0;
    it->pub.quad[3][1] = y1;
}

int chart_add_rect(struct sb_chart *c, enum sb_chart_role role, double x,
                   double y, double w, double h, uint32_t fill)
{
    int id = new_item(c, role, SHAPE_RECT, LAYER_MARK);
    struct chart_item *it = &c->items[id];

    if (w < 0) {
        x += w;
        w = -w;
    }
    if (h < 0) {
        y += h;
        h = -h;
    }
    it->x = x;
    it->y = y;
    it->w = w;
    it->h = h;
    it->fill = fill;
    set_bbox(it, x, y, x + w, y + h);
    return id;
}

int chart_add_poly(struct sb_chart *c, enum sb_chart_role role,
                   const double *pts, int n_pts, uint32_t color, double width)
{
    int layer = role == SB_ROLE_GRID ? LAYER_GRID
                : role == SB_ROLE_LINE ? LAYER_MARK
                                       : LAYER_AXIS;
    int id = new_item(c, role, SHAPE_POLY, layer);
    struct chart_item *it = &c->items[id];
    double x0 = pts[0], x1 = pts[0], y0 = pts[1], y1 = pts[1];

    it->pts = sb_xmalloc((size_t)n_pts * 2 * sizeof *pts);
    memcpy(it->pts, pts, (size_t)n_pts * 2 * sizeof *pts);
    it->n_pts = n_pts;
    it->stroke = color;
    it->line_w = width;
    for (int i = 1; i < n_pts; i++) {
        x0 = fmin(x0, pts[2 * i]);
        x1 = fmax(x1, pts[2 * i]);
        y0 = fmin(y0, pts[2 * i + 1]);
        y1 = fmax(y1, pts[2 * i + 1]);
    }
    set_bbox(it, x0, y0, x1, y1);
    return id;
}

int chart_add_line(struct sb_chart *c, enum sb_chart_role role, double x0,
                   double y0, double x1, double y1, uint32_t color,
                   double width)
{
    double p[4] = {x0, y0, x1, y1};

    return chart_add_poly(c, role, p, 2, color, width);
}

int chart_add_sector(struct sb_chart *c, double cx, double cy, double r0,
                     double r1, double a0, double a1, uint32_t fill)
{
    int id = new_item(c, SB_ROLE_SLICE, SHAPE_SECTOR, LAYER_MARK);
    struct chart_item *it = &c->items[id];

    it->cx = cx;
    it->cy = cy;
    it->r0 = r0;
    it->r1 = r1;
    it->a0 = a0;
    it->a1 = a1;
    it->fill = fill;
    it->stroke = c->theme.background;
    it->line_w = r1 / 90;
    set_bbox(it, cx - r1, cy - r1, cx + r1, cy + r1);
    return id;
}

int chart_add_circle(struct sb_chart *c, enum sb_chart_role role, double cx,
                     double cy, double r, uint32_t fill, uint32_t stroke)
{
    int id = new_item(c, role, SHAPE_CIRCLE, LAYER_AXIS);
    struct chart_item *it = &c->items[id];

    it->cx = cx;
    it->cy = cy;
    it->r1 = r;
    it->fill = fill;
    it->stroke = stroke;
    it->line_w = r / 2;
    set_bbox(it, cx - r, cy - r, cx + r, cy + r);
    return id;
}

int chart_add_ramp(struct sb_chart *c, double x, double y, double w, double h)
{
    int id = new_item(c, SB_ROLE_RAMP, SHAPE_RAMP, LAYER_MARK);
    struct chart_item *it = &c->items[id];

    it->x = x;
    it->y = y;
    it->w = w;
    it->h = h;
    set_bbox(it, x, y, x + w, y + h);
    return id;
}

static PangoLayout *make_layout(struct sb_chart *c, const char *text,
                                const struct text_fmt *f)
{
    PangoLayout *l = pango_layout_new(c->pango);
    PangoFontDescription *d = sb_fonts_desc(SB_FONT_HEI, f->size);

    pango_layout_set_font_description(l, d);
    pango_font_description_free(d);
    if (f->max_w > 0) {
        pango_layout_set_width(l, (int)floor(f->max_w * PANGO_SCALE));
        pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
        pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
        pango_layout_set_height(l, -(f->max_lines < 1 ? 1 : f->max_lines));
    }
    pango_layout_set_alignment(l, f->align);
    pango_layout_set_text(l, text, -1);
    return l;
}

/* Whether a line of l starts where no line break is allowed: Pango's
 * WORD_CHAR wrap breaks a word that is wider than the line. */
static int breaks_a_word(PangoLayout *l)
{
    const char *text = pango_layout_get_text(l);
    const PangoLogAttr *attrs;
    int n_attrs, broken = 0;
    GSList *lines = pango_layout_get_lines_readonly(l);

    attrs = pango_layout_get_log_attrs_readonly(l, &n_attrs);
    for (GSList *p = lines != NULL ? lines->next : NULL; p != NULL;
         p = p->next) {
        const PangoLayoutLine *line = p->data;
        long at = g_utf8_pointer_to_offset(text, text + line->start_index);

        if (at < n_attrs && text[line->start_index - 1] != '\n' &&
            !attrs[at].is_line_break)
            broken = 1;
    }
    return broken;
}

void chart_measure(struct sb_chart *c, const char *text,
                   const struct text_fmt *f, double *w, double *h,
                   int *lines, int *cut)
{
    PangoLayout *l = make_layout(c, text, f);
    PangoRectangle log;

    pango_layout_get_extents(l, NULL, &log);
    *w = (double)log.width / PANGO_SCALE;
    *h = (double)log.height / PANGO_SCALE;
    if (lines != NULL)
        *lines = pango_layout_get_line_count(l);
    if (cut != NULL)
        *cut = pango_layout_is_ellipsized(l) || breaks_a_word(l);
    g_object_unref(l);
}

double chart_wrap_width(struct sb_chart *c, const char *text, double size,
                        double max_w)
{
    struct text_fmt f = {size, 0, 0, 1, PANGO_ALIGN_LEFT};
    double w, h, half;
    int cut;

    chart_measure(c, text, &f, &w, &h, NULL, NULL);
    if (w <= max_w || w > 2 * max_w)
        return max_w;
    half = w / 2 + size / 2;
    f.max_w = half;
    f.max_lines = 2;
    chart_measure(c, text, &f, &w, &h, NULL, &cut);
    return cut ? max_w : half;
}

double chart_line_h(struct sb_chart *c, double size)
{
    struct text_fmt f = {size, 0, 0, 1, PANGO_ALIGN_LEFT};
    double w, h;

    chart_measure(c, "国", &f, &w, &h, NULL, NULL);
    return h;
}

/* Corners of a text item from its anchor, size and angle. */
static void text_quad(struct chart_item *it)
{
    static const double cx[4] = {0, 1, 1, 0}, cy[4] = {0, 0, 1, 1};
    double cs = cos(it->angle), sn = sin(it->angle);

    for (int i = 0; i < 4; i++) {
        double lx = (cx[i] - it->fx) * it->w;
        double ly = (cy[i] - it->fy) * it->h;

        it->pub.quad[i][0] = it->ax + lx * cs - ly * sn;
        it->pub.quad[i][1] = it->ay + lx * sn + ly * cs;
    }
}

int chart_add_text(struct sb_chart *c, enum sb_chart_role role,
                   const char *text, const struct text_fmt *f, double ax,
                   double ay, double fx, double fy, double angle_deg)
{
    int id = new_item(c, role, SHAPE_TEXT, LAYER_TEXT);
    struct chart_item *it = &c->items[id];
    PangoRectangle log;

    it->layout = make_layout(c, text, f);
    pango_layout_get_extents(it->layout, NULL, &log);
    it->w = (double)log.width / PANGO_SCALE;
    it->h = (double)log.height / PANGO_SCALE;
    it->lx = (double)log.x / PANGO_SCALE;
    it->ly = (double)log.y / PANGO_SCALE;
    it->ax = ax;
    it->ay = ay;
    it->fx = fx;
    it->fy = fy;
    it->angle = angle_deg * PI / 180;
    it->fill = f->color;
    it->pub.is_label = 1;
    it->pub.text = pango_layout_get_text(it->layout);
    it->pub.n_lines = pango_layout_get_line_count(it->layout);
    it->pub.ellipsized = pango_layout_is_ellipsized(it->layout);
    it->pub.n_unknown = pango_layout_get_unknown_glyphs_count(it->layout);
    it->pub.angle_deg = angle_deg;
    it->pub.size_pt = f->size;
    text_quad(it);
    return id;
}

double chart_text_w(const struct sb_chart *c, int id)
{
    return c->items[id].w;
}

double chart_text_h(const struct sb_chart *c, int id)
{
    return c->items[id].h;
}

void chart_set_data(struct sb_chart *c, int id, int series, int cat)
{
    c->items[id].pub.series = series;
    c->items[id].pub.cat = cat;
}

/* Projection of a quad on axis (ux, uy). */
static void project(const double q[4][2], double ux, double uy, double *lo,
                    double *hi)
{
    *lo = *hi = q[0][0] * ux + q[0][1] * uy;
    for (int i = 1; i < 4; i++) {
        double p = q[i][0] * ux + q[i][1] * uy;

        *lo = fmin(*lo, p);
        *hi = fmax(*hi, p);
    }
}

/* Separating axis test on the edge normals of both quads. */
int chart_quads_overlap(const double a[4][2], const double b[4][2],
                        double tol)
{
    const double(*q[2])[2] = {a, b};

    for (int k = 0; k < 2; k++) {
        for (int i = 0; i < 4; i++) {
            double ex = q[k][(i + 1) % 4][0] - q[k][i][0];
            double ey = q[k][(i + 1) % 4][1] - q[k][i][1];
            double len = hypot(ex, ey);
            double alo, ahi, blo, bhi;

            if (len < 1e-9)
                continue;
            project(a, -ey / len, ex / len, &alo, &ahi);
            project(b, -ey / len, ex / len, &blo, &bhi);
            if (ahi <= blo + tol || bhi <= alo + tol)
                return 0;
        }
    }
    return 1;
}

/* Lower is more important. */
static int priority(enum sb_chart_role role)
{
    switch (role) {
    case SB_ROLE_TITLE:
    case SB_ROLE_SOURCE:
        return 0;
    case SB_ROLE_AXIS_TITLE:
    case SB_ROLE_LEGEND_LABEL:
    case SB_ROLE_CENTER_LABEL:
        return 1;
    case SB_ROLE_CAT_LABEL:
        return 2;
    case SB_ROLE_TICK_LABEL:
        return 3;
    default:
        return 4;
    }
}

static int is_solid_mark(enum sb_chart_role role)
{
    return role == SB_ROLE_BAR || role == SB_ROLE_CELL;
}

/* Whether label i may not share its box with mark j. */
static int label_hits_mark(const struct sb_chart *c, int i, int j)
{
    const struct chart_item *a = &c->items[i], *b = &c->items[j];

    return a->pub.is_label && is_solid_mark(b->pub.role) &&
           a->pub.owner != j &&
           chart_quads_overlap(a->pub.quad, b->pub.quad, TOUCH_PT);
}

static int labels_overlap(const struct sb_chart *c, int i, int j)
{
    const struct chart_item *a = &c->items[i], *b = &c->items[j];

    return a->pub.is_label && b->pub.is_label &&
           chart_quads_overlap(a->pub.quad, b->pub.quad, TOUCH_PT);
}

static void free_item(struct chart_item *it)
{
    if (it->layout != NULL)
        g_object_unref(it->layout);
    free(it->pts);
}

void chart_resolve_collisions(struct sb_chart *c)
{
    char *drop = sb_xcalloc((size_t)c->n_items + 1, 1);
    int *map = sb_xmalloc(((size_t)c->n_items + 1) * sizeof *map);
    int n = 0;

    for (int i = 0; i < c->n_items; i++) {
        if (!c->items[i].pub.is_label || drop[i])
            continue;
        for (int j = 0; j < c->n_items && !drop[i]; j++) {
            if (j == i || drop[j])
                continue;
            if (label_hits_mark(c, i, j) &&
                priority(c->items[i].pub.role) >= 2) {
                drop[i] = 1;
            } else if (labels_overlap(c, i, j)) {
                int pi = priority(c->items[i].pub.role);
                int pj = priority(c->items[j].pub.role);

                /* The less important goes; on a tie, the later. */
                drop[pi > pj || (pi == pj && i > j) ? i : j] = 1;
            }
        }
    }
    for (int i = 0; i < c->n_items; i++) {
        map[i] = drop[i] ? -1 : n;
        if (drop[i]) {
            free_item(&c->items[i]);
            c->n_dropped++;
        } else {
            c->items[n++] = c->items[i];
        }
    }
    c->n_items = n;
    for (int i = 0; i < n; i++)
        if (c->items[i].pub.owner >= 0)
            c->items[i].pub.owner = map[c->items[i].pub.owner];
    free(drop);
    free(map);
}

void chart_free_items(struct sb_chart *c)
{
    for (int i = 0; i < c->n_items; i++)
        free_item(&c->items[i]);
    free(c->items);
    c->items = NULL;
    c->n_items = 0;
}

static void draw_text(cairo_t *cr, const struct chart_item *it)
{
    cairo_save(cr);
    cairo_translate(cr, it->ax, it->ay);
    cairo_rotate(cr, it->angle);
    cairo_translate(cr, -it->fx * it->w - it->lx, -it->fy * it->h - it->ly);
    chart_set_color(cr, it->fill);
    cairo_move_to(cr, 0, 0);
    pango_cairo_show_layout(cr, it->layout);
    cairo_restore(cr);
}

static void fill_stroke(cairo_t *cr, const struct chart_item *it)
{
    if (it->fill != NO_COLOR) {
        chart_set_color(cr, it->fill);
        if (it->stroke != NO_COLOR)
            cairo_fill_preserve(cr);
        else
            cairo_fill(cr);
    }
    if (it->stroke != NO_COLOR) {
        chart_set_color(cr, it->stroke);
        cairo_set_line_width(cr, it->line_w);
        cairo_stroke(cr);
    }
    cairo_new_path(cr);
}

static void draw_ramp(const struct sb_chart *c, cairo_t *cr,
                      const struct chart_item *it)
{
    const uint32_t *stops;
    int n = chart_heat_stops(c->theme.heat, &stops);
    cairo_pattern_t *p = cairo_pattern_create_linear(it->x, 0,
                                                     it->x + it->w, 0);

    for (int i = 0; i < n; i++) {
        uint32_t s = stops[i];

        cairo_pattern_add_color_stop_rgb(p, (double)i / (n - 1),
                                         ((s >> 16) & 0xFF) / 255.0,
                                         ((s >> 8) & 0xFF) / 255.0,
                                         (s & 0xFF) / 255.0);
    }
    cairo_rectangle(cr, it->x, it->y, it->w, it->h);
    cairo_set_source(cr, p);
    cairo_fill(cr);
    cairo_pattern_destroy(p);
}

static void draw_item(const struct sb_chart *c, cairo_t *cr,
                      const struct chart_item *it)
{
    switch (it->shape) {
    case SHAPE_TEXT:
        draw_text(cr, it);
        break;
    case SHAPE_RECT:
        cairo_rectangle(cr, it->x, it->y, it->w, it->h);
        fill_stroke(cr, it);
        break;
    case SHAPE_POLY:
        cairo_move_to(cr, it->pts[0], it->pts[1]);
        for (int i = 1; i < it->n_pts; i++)
            cairo_line_to(cr, it->pts[2 * i], it->pts[2 * i + 1]);
        fill_stroke(cr, it);
        break;
    case SHAPE_SECTOR:
        cairo_arc(cr, it->cx, it->cy, it->r1, it->a0, it->a1);
        cairo_arc_negative(cr, it->cx, it->cy, it->r0, it->a1, it->a0);
        cairo_close_path(cr);
        fill_stroke(cr, it);
        break;
    case SHAPE_CIRCLE:
        cairo_new_sub_path(cr);
        cairo_arc(cr, it->cx, it->cy, it->r1, 0, 2 * PI);
        fill_stroke(cr, it);
        break;
    case SHAPE_RAMP:
        draw_ramp(c, cr, it);
        break;
    }
}

void chart_draw_items(const struct sb_chart *c, cairo_t *cr, int labels)
{
    cairo_save(cr);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    chart_set_color(cr, c->theme.background);
    cairo_rectangle(cr, 0, 0, c->w, c->h);
    cairo_fill(cr);
    for (int layer = LAYER_GRID; layer <= LAYER_TEXT; layer++)
        for (int i = 0; i < c->n_items; i++)
            if (c->items[i].layer == layer &&
                (labels || c->items[i].shape != SHAPE_TEXT))
                draw_item(c, cr, &c->items[i]);
    cairo_restore(cr);
}

int sb_chart_n_items(const struct sb_chart *c)
{
    return c->n_items;
}

const struct sb_chart_item *sb_chart_item(const struct sb_chart *c, int i)
{
    return &c->items[i].pub;
}

int sb_chart_n_dropped(const struct sb_chart *c)
{
    return c->n_dropped;
}

static const char *role_name(enum sb_chart_role role)
{
    static const char *const names[] = {
        "title", "source", "axis title", "tick label", "category label",
        "value label", "legend label", "centre label", "bar", "slice",
        "line", "point", "cell", "swatch", "ramp", "grid", "axis line",
        "leader",
    };

    return names[role];
}

/* Write "<role> "<text>" <what> [<role> "<text>"]" into why. */
static int describe(char *why, size_t size, const struct sb_chart_item *a,
                    const char *what, const struct sb_chart_item *b)
{
    if (why != NULL)
        snprintf(why, size, "%s \"%s\" %s%s%s%s%s", role_name(a->role),
                 a->text != NULL ? a->text : "", what,
                 b != NULL ? " " : "", b != NULL ? role_name(b->role) : "",
                 b != NULL && b->text != NULL ? " " : "",
                 b != NULL && b->text != NULL ? b->text : "");
    return -1;
}

int sb_chart_check(const struct sb_chart *c, char *why, size_t size)
{
    int has_title = 0, has_source = 0;

    for (int i = 0; i < c->n_items; i++) {
        const struct sb_chart_item *a = &c->items[i].pub;

        has_title |= a->role == SB_ROLE_TITLE;
        has_source |= a->role == SB_ROLE_SOURCE;
        if (a->n_unknown > 0)
            return describe(why, size, a, "has characters the font lacks",
                            NULL);
        for (int k = 0; k < 4; k++)
            if (a->quad[k][0] < -TOUCH_PT || a->quad[k][1] < -TOUCH_PT ||
                a->quad[k][0] > c->w + TOUCH_PT ||
                a->quad[k][1] > c->h + TOUCH_PT)
                return describe(why, size, a, "leaves the canvas", NULL);
        for (int j = 0; j < c->n_items; j++) {
            if (j > i && labels_overlap(c, i, j))
                return describe(why, size, a, "overlaps", &c->items[j].pub);
            if (label_hits_mark(c, i, j))
                return describe(why, size, a, "covers", &c->items[j].pub);
        }
    }
    has_title |= c->theme.title_in_caption;
    if (!has_title || !has_source) {
        if (why != NULL)
            snprintf(why, size, "no %s", has_title ? "source" : "title");
        return -1;
    }
    return 0;
}
