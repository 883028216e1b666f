/* chart_svg.c: finishing cairo's SVG. Cairo 1.16 draws text as glyph
 * symbols (no <text>), so the labels are carried by an injected <title>
 * and <desc> (WAI complex images: the long description lists every
 * value), with role="img" and xml:lang on the root. Cairo also numbers
 * ids (surface5, glyph0-3, clip2 ...) from counters that live as long as
 * the process, so the same chart rendered after another one would come
 * out different; every id is renamed here in order of first appearance,
 * with the references to it (href="#…", url(#…)). research §7. */
#include <stdlib.h>
#include <string.h>

#include "chart/chart_svg.h"

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

static void put_escaped(struct sb_buf *b, const char *s)
{
    for (; *s != '\0'; s++) {
        switch (*s) {
        case '&':
            sb_buf_puts(b, "&amp;");
            break;
        case '<':
            sb_buf_puts(b, "&lt;");
            break;
        case '>':
            sb_buf_puts(b, "&gt;");
            break;
        case '"':
            sb_buf_puts(b, "&quot;");
            break;
        default:
            sb_buf_putc(b, *s);
        }
    }
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

int chart_svg_finish(struct sb_buf *svg, const char *title, const char *desc)
{
    struct id_map map = {0};
    struct sb_buf out = {0};
    const char *s = svg->data, *root, *p;

    if (s == NULL || strncmp(s, "<?xml", 5) != 0 ||
        (root = strstr(s, "<svg ")) == NULL ||
        (root = strchr(root, '>')) == NULL)
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
    put_escaped(&out, title);
    sb_buf_puts(&out, "</title>\n<desc id=\"chart-desc\">");
    put_escaped(&out, desc);
    sb_buf_puts(&out, "</desc>");
    for (p = root + 1; *p != '\0';) {
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
    map_free(&map);
    sb_buf_free(svg);
    *svg = out;
    return 0;
}
