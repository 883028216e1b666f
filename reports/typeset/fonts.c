/* fonts.c: the private font configuration and Pango contexts on it. */
#include "typeset/fonts.h"

#include <fontconfig/fontconfig.h>
#include <pango/pangofc-fontmap.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/utf8.h"

struct sb_fonts {
    FcConfig *config;
    PangoFontMap *map;
    PangoContext *probe;   /* for face lookups */
    PangoFont *font[4];    /* each role at 16 pt, loaded on demand */
    char *face[4];         /* family name each role resolved to */
};

/* Official faces first (they win when --fonts supplies them), then the
 * shipped Fandol face. */
static const char *const families[4] = {
    "仿宋_GB2312,FangSong_GB2312,仿宋,FangSong,FandolFang",
    "黑体,SimHei,FandolHei",
    "楷体_GB2312,KaiTi_GB2312,楷体,KaiTi,FandolKai",
    "宋体,SimSun,FandolSong",
};

const char *sb_fonts_family(enum sb_font_role role)
{
    return families[role];
}

int sb_fonts_new(struct sb_fonts **out, const char *user_dir,
                 struct sb_error *err)
{
    struct sb_fonts *f;
    char *conf;
    FcBool ok;
    struct stat st;

    *out = NULL;
    conf = sb_xasprintf("%s/fonts/fonts.conf", sb_datadir());
    f = sb_xcalloc(1, sizeof *f);
    f->config = FcConfigCreate();
    ok = FcConfigParseAndLoad(f->config, (const FcChar8 *)conf, FcTrue);
    if (!ok) {
        sb_error_set(err, SB_EIO, NULL,
                     "cannot load the font configuration %s", conf);
        free(conf);
        sb_fonts_free(f);
        return SB_EIO;
    }
    free(conf);
    if (user_dir != NULL &&
        (stat(user_dir, &st) != 0 || !S_ISDIR(st.st_mode) ||
         !FcConfigAppFontAddDir(f->config, (const FcChar8 *)user_dir))) {
        sb_fonts_free(f);
        return sb_error_set(err, SB_EIO, NULL,
                            "--fonts %s: cannot read fonts from it",
                            user_dir);
    }
    FcConfigBuildFonts(f->config);
    f->map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
    pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(f->map), f->config);
    f->probe = sb_fonts_context(f);
    *out = f;
    return SB_OK;
}

void sb_fonts_free(struct sb_fonts *f)
{
    if (f == NULL)
        return;
    for (int i = 0; i < 4; i++) {
        if (f->font[i] != NULL)
            g_object_unref(f->font[i]);
        free(f->face[i]);
    }
    if (f->probe != NULL)
        g_object_unref(f->probe);
    if (f->map != NULL)
        g_object_unref(f->map);
    if (f->config != NULL)
        FcConfigDestroy(f->config);
    free(f);
}

PangoContext *sb_fonts_context(struct sb_fonts *f)
{
    PangoContext *ctx = pango_font_map_create_context(f->map);
    cairo_font_options_t *fo = cairo_font_options_create();

    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
    pango_cairo_context_set_font_options(ctx, fo);
    cairo_font_options_destroy(fo);
    pango_cairo_context_set_resolution(ctx, 72.0);
    pango_context_set_round_glyph_positions(ctx, FALSE);
    pango_context_set_language(ctx, pango_language_from_string("zh-cn"));
    return ctx;
}

PangoFontDescription *sb_fonts_desc(enum sb_font_role role, double size_pt)
{
    PangoFontDescription *d = pango_font_description_new();

    pango_font_description_set_family(d, families[role]);
    pango_font_description_set_absolute_size(d, size_pt * PANGO_SCALE);
    return d;
}

static PangoFont *role_font(struct sb_fonts *f, enum sb_font_role role)
{
    if (f->font[role] == NULL) {
        PangoFontDescription *d = sb_fonts_desc(role, 16.0);

        f->font[role] = pango_font_map_load_font(f->map, f->probe, d);
        pango_font_description_free(d);
    }
    return f->font[role];
}

const char *sb_fonts_face_name(struct sb_fonts *f, enum sb_font_role role)
{
    if (f->face[role] == NULL) {
        PangoFont *font = role_font(f, role);
        PangoFontDescription *d;

        if (font == NULL)
            return "?";
        d = pango_font_describe(font);
        f->face[role] = sb_xstrdup(pango_font_description_get_family(d));
        pango_font_description_free(d);
    }
    return f->face[role];
}

long sb_fonts_missing(struct sb_fonts *f, enum sb_font_role role,
                      const char *text, void (*fn)(int32_t cp, void *user),
                      void *user)
{
    PangoFont *font = role_font(f, role);
    size_t len = strlen(text);
    int32_t *seen = NULL;
    long n_seen = 0, cap = 0;

    for (size_t i = 0; i < len;) {
        int32_t cp;
        int k = sb_utf8_decode(text + i, len - i, &cp);
        int dup = 0;

        i += (size_t)k;
        if (cp < 0x21 || cp == 0x3000 || cp == 0xA0 || cp == 0x200B ||
            (cp >= 0x7F && cp < 0xA0))
            continue;
        if (font != NULL && pango_font_has_char(font, (gunichar)cp))
            continue;
        for (long j = 0; j < n_seen && !dup; j++)
            dup = seen[j] == cp;
        if (dup)
            continue;
        if (n_seen == cap) {
            cap = cap ? cap * 2 : 16;
            seen = sb_xrealloc(seen, (size_t)cap * sizeof *seen);
        }
        seen[n_seen++] = cp;
        if (fn != NULL)
            fn(cp, user);
    }
    free(seen);
    return n_seen;
}
