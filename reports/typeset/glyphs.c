/* glyphs.c: the glyph of each code point in each (role, size), looked up
 * once in the role's Pango fontset and cached, and the missing-glyph
 * findings.
 *
 * Shaping per code point is what HarfBuzz does for the Fandol faces
 * (no GSUB, and GPOS only halt/vhal/cpct, which are off by default), and
 * it makes a table cell cost a few array lookups instead of a Pango
 * layout: the annex volumes shape millions of cells. */
#include "typeset/glyphs.h"
#include "typeset/fonts.h"
#include "typeset/linebreak.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"
#include "typeset/usual.h"

/* The face index of font, added on first sight. */
static int face_of(struct sb_doc *doc, PangoFont *font, double size)
{
    struct ts_face *f;

    for (int i = 0; i < doc->n_faces; i++)
        if (doc->faces[i].font == font)
            return i;
    if (doc->n_faces == (int)(sizeof doc->faces / sizeof doc->faces[0]))
        return 0; /* 255 faces: never in practice; draw with the first */
    f = &doc->faces[doc->n_faces];
    f->font = g_object_ref(font);
    f->sf = pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(font));
    f->hb = pango_font_get_hb_font(font);
    f->size = size;
    return doc->n_faces++;
}

struct ts_style *sb_ts_style(struct sb_doc *doc, enum sb_font_role role,
                             double size_pt)
{
    struct ts_style *st;
    PangoFontDescription *d;
    PangoFont *font;

    for (int i = 0; i < doc->n_styles; i++)
        if (doc->styles[i]->role == role && doc->styles[i]->size == size_pt)
            return doc->styles[i];
    st = sb_xcalloc(1, sizeof *st);
    st->role = role;
    st->size = size_pt;
    d = sb_fonts_desc(role, size_pt);
    st->fontset = pango_font_map_load_fontset(
        pango_context_get_font_map(doc->ctx), doc->ctx, d,
        pango_language_from_string("zh-cn"));
    pango_font_description_free(d);
    /* the role's own face is the one that draws 中 */
    font = pango_fontset_get_font(st->fontset, 0x4E2D);
    if (font == NULL) /* an empty font map: sb_fonts_new would fail */
        abort();
    st->primary = face_of(doc, font, size_pt);
    g_object_unref(font);
    doc->styles = sb_xrealloc(doc->styles, (size_t)(doc->n_styles + 1) *
                                               sizeof *doc->styles);
    doc->styles[doc->n_styles++] = st;
    return st;
}

static const char *family_of(PangoFont *font, char *buf, size_t size)
{
    PangoFontDescription *d = pango_font_describe(font);

    snprintf(buf, size, "%s", pango_font_description_get_family(d));
    pango_font_description_free(d);
    return buf;
}

/* The usual character for cp that the role's face has (usual.h) as
 * "；通常应为“·”(U+00B7，间隔号，GB/T 15834-2011 4.14)" into hint, or ""
 * when there is none or the face lacks it too. The table is read on
 * the first finding. */
static void usual_hint(struct sb_doc *doc, const struct ts_style *st,
                       int32_t cp, char *hint, size_t size)
{
    hint[0] = '\0';
    if (!doc->usual_read) {
        doc->usual_read = 1;
        sb_usual_read(&doc->usual, &doc->n_usual);
    }
    for (int i = 0; i < doc->n_usual; i++) {
        const struct sb_usual *u = &doc->usual[i];
        struct sb_buf ch = {0};

        if (u->from != cp ||
            !pango_font_has_char(doc->faces[st->primary].font,
                                 (gunichar)u->to))
            continue;
        sb_utf8_put(&ch, u->to);
        snprintf(hint, size, "；通常应为“%s”(U+%04X%s%s%s%s)", ch.data,
                 (unsigned)u->to, *u->name ? "，" : "", u->name,
                 *u->source ? "，" : "", u->source);
        sb_buf_free(&ch);
        return;
    }
}

/* The role's face as the findings name it: "仿宋（FandolFang）". */
static void face_name(struct sb_doc *doc, const struct ts_style *st,
                      char *buf, size_t size)
{
    static const char *const kind[] = {"仿宋", "黑体", "楷体", "宋体"};
    char family[128];

    snprintf(buf, size, "%s（%s）", kind[st->role],
             family_of(doc->faces[st->primary].font, family, sizeof family));
}

/* One finding per code point and label (the label changes with each
 * heading or table, so a name missing in every row of an annex is
 * reported once for that annex). Its source is the notice's rule on the
 * faces of body text and headings (role font_source); a table's 宋体 is
 * not the notice's rule, so a table's finding cites none. */
static void report(struct sb_doc *doc, struct ts_style *st, int32_t cp,
                   const struct ts_glyph *g)
{
    struct sb_finding f = {0};
    struct sb_buf ch = {0};
    char primary[192], used[128], hint[256];
    const char *label = doc->cur_label ? doc->cur_label : "";

    if (!doc->report || doc->findings == NULL)
        return;
    if (doc->seen_label != label &&
        (doc->seen_label == NULL || strcmp(doc->seen_label, label) != 0)) {
        memset(doc->seen, 0, 0x110000 / 8);
        doc->seen_label = label;
    }
    if (doc->seen[cp >> 5] & (1u << (cp & 31)))
        return;
    doc->seen[cp >> 5] |= 1u << (cp & 31);
    sb_utf8_put(&ch, cp);
    usual_hint(doc, st, cp, hint, sizeof hint);
    face_name(doc, st, primary, sizeof primary);
    f.code = "font.missing-glyph";
    f.pos = doc->cur_pos;
    f.found = ch.data;
    f.expected = primary;
    f.source = st->role != SB_FONT_SONG ? doc->font_source : NULL;
    if (g->state == TS_G_FALLBACK) {
        f.sev = SB_SEV_WARNING;
        family_of(doc->faces[g->face].font, used, sizeof used);
        sb_findings_addf(doc->findings, &f,
                         "“%s”(U+%04X) 不在%s中，已改用 %s 排印（位置：%s）%s",
                         ch.data, (unsigned)cp, primary, used, label, hint);
    } else {
        f.sev = SB_SEV_ERROR;
        sb_findings_addf(doc->findings, &f,
                         "“%s”(U+%04X) 不在%s中，也无替代字体，印出为空框（位置：%s）%s",
                         ch.data, (unsigned)cp, primary, label, hint);
    }
    sb_buf_free(&ch);
}

static void look_up(struct sb_doc *doc, struct ts_style *st, int32_t cp,
                    struct ts_glyph *g)
{
    enum sb_lb_class c = sb_lb_class_of(cp);
    PangoFont *font;
    hb_codepoint_t gid = 0;
    int face;

    if (c == SB_LB_BK || c == SB_LB_ZW ||
        (c == SB_LB_CM && (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))) ||
        cp == 0x200C || cp == 0x200D || cp == 0x2060 || cp == 0xFEFF ||
        (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF)) {
        g->state = TS_G_INVISIBLE;
        g->face = (uint8_t)st->primary;
        return;
    }
    font = pango_fontset_get_font(st->fontset, (guint)cp);
    face = st->primary;
    if (font != NULL) {
        face = face_of(doc, font, st->size);
        g_object_unref(font);
    }
    if (pango_font_has_char(doc->faces[face].font, (gunichar)cp) &&
        hb_font_get_nominal_glyph(doc->faces[face].hb, (hb_codepoint_t)cp,
                                  &gid)) {
        g->state = face == st->primary ? TS_G_OK : TS_G_FALLBACK;
        g->face = (uint8_t)face;
        g->glyph = gid;
        g->adv = (float)hb_font_get_glyph_h_advance(doc->faces[face].hb,
                                                    gid) /
                 PANGO_SCALE;
        return;
    }
    /* nothing has it: glyph 0 (.notdef) of the role's face, a box drawn
     * over it, the character still extractable from the text */
    g->state = TS_G_MISSING;
    g->face = (uint8_t)st->primary;
    g->glyph = 0;
    g->adv = (float)(c == SB_LB_AL ? st->size / 2 : st->size);
}

const struct ts_glyph *sb_ts_glyph(struct sb_doc *doc, struct ts_style *st,
                                   int32_t cp)
{
    struct ts_glyph *pg, *g;

    if (cp < 0 || cp > 0x10FFFF)
        cp = 0xFFFD;
    pg = st->page[cp >> 8];
    if (pg == NULL) {
        pg = sb_xcalloc(256, sizeof *pg);
        st->page[cp >> 8] = pg;
    }
    g = &pg[cp & 255];
    if (g->state == TS_G_UNKNOWN)
        look_up(doc, st, cp, g);
    if (g->state == TS_G_FALLBACK || g->state == TS_G_MISSING)
        report(doc, st, cp, g);
    return g;
}

void sb_ts_glyphs_free(struct sb_doc *doc)
{
    for (int i = 0; i < doc->n_styles; i++) {
        struct ts_style *st = doc->styles[i];

        for (size_t k = 0; k < sizeof st->page / sizeof st->page[0]; k++)
            free(st->page[k]);
        g_object_unref(st->fontset);
        free(st);
    }
    free(doc->styles);
    for (int i = 0; i < doc->n_faces; i++)
        g_object_unref(doc->faces[i].font);
    sb_usual_free(doc->usual, doc->n_usual);
    doc->usual = NULL;
    doc->n_usual = 0;
    doc->usual_read = 0;
    doc->n_faces = 0;
    doc->n_styles = 0;
}
