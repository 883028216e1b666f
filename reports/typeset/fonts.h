/* fonts.h: the faces shenbao draws with, from fonts/ through a private
 * fontconfig configuration (fonts/fonts.conf), plus a user's directory of
 * official faces that win when present.
 *
 * One struct sb_fonts serves a whole run: charts and the typesetting
 * engine make their Pango contexts from it. Not thread-safe: use it from
 * one thread. */
#ifndef SB_REPORTS_FONTS_H
#define SB_REPORTS_FONTS_H

#include <pango/pangocairo.h>
#include <stdint.h>

#include "base/sb.h"

/* The four faces of notice 002 (附件2 说明 2) and GB/T 9704-2012. */
enum sb_font_role {
    SB_FONT_FANG, /* 仿宋: body text, level-3/4 headings */
    SB_FONT_HEI,  /* 黑体: level-1 headings, charts */
    SB_FONT_KAI,  /* 楷体: level-2 headings */
    SB_FONT_SONG, /* 宋体: page numbers, tables */
};

struct sb_fonts;

/* Load fonts/fonts.conf from the data directory (sb_datadir()) and add
 * user_dir (may be NULL) to it. Returns SB_OK and *out, or SB_EIO when
 * the configuration or a directory cannot be read. Free with
 * sb_fonts_free. */
int sb_fonts_new(struct sb_fonts **out, const char *user_dir,
                 struct sb_error *err);
void sb_fonts_free(struct sb_fonts *f);

/* Comma-separated Pango family list for a role, official faces first
 * ("仿宋_GB2312,FangSong_GB2312,仿宋,FangSong,FandolFang"). Static. */
const char *sb_fonts_family(enum sb_font_role role);

/* A new Pango context on the private font map, set up for exact layout
 * on any Cairo surface: 72 dpi (1 Pango unit = 1/1024 pt), no hinting of
 * metrics, glyph positions not rounded, language zh-cn. The caller
 * unrefs it with g_object_unref. */
PangoContext *sb_fonts_context(struct sb_fonts *f);

/* A font description for a role at size_pt points; caller frees it
 * with pango_font_description_free. */
PangoFontDescription *sb_fonts_desc(enum sb_font_role role, double size_pt);

/* Name of the face a role resolves to ("FandolFang"); static until
 * sb_fonts_free. */
const char *sb_fonts_face_name(struct sb_fonts *f, enum sb_font_role role);

/* Call fn(cp, user) for each code point of UTF-8 text that the role's
 * face cannot draw (spaces and control characters excepted), once per
 * distinct code point, in order of first appearance. Returns how many
 * distinct code points are missing. */
long sb_fonts_missing(struct sb_fonts *f, enum sb_font_role role,
                      const char *text, void (*fn)(int32_t cp, void *user),
                      void *user);

#endif
