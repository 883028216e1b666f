/* sections.h: the narrative sections of a form edition (sections.csv):
 * the parts of the 申报书 that the declaration's declaration.md writes
 * in prose, each with the heading the user writes, whether the form
 * requires it, its word limit and the hint the form prints.
 *
 * sections.csv columns: key (the id report.md names in its
 * shenbao-narrative blocks), heading (as declaration.md writes it),
 * required (0/1), limit (字, Word's count; empty: none), source (the
 * clause that sets the limit) and hint (what the form asks to write);
 * optional: cases (how many cases the form asks to present, each a
 * sub-heading "## " of the section in declaration.md: "5-8" or "3"),
 * figures (how many images it must show, e.g. the architecture
 * diagram) and names (annex.column: every name the section quotes in
 * 《》 must be a value of that column, e.g. killer_apps.name). */
#ifndef SB_PIPELINE_SECTIONS_H
#define SB_PIPELINE_SECTIONS_H

#include "base/sb.h"

struct sb_form;

struct sb_section {
    char *key;     /* "intro", "1.1", "architecture" */
    char *heading; /* "企业简介", "1.1 工业设备数量 补充说明" */
    int required;  /* the form asks for it: missing or empty is an error */
    long limit;    /* most 字 allowed (sb_word_count), 0: no limit */
    char *source;  /* "002 附件2 二、(3)（限2500字）" */
    char *hint;    /* what to write, in the form's words */
    int min_cases, max_cases; /* sub-headings asked for; 0: no ask */
    int figures;   /* images asked for; 0: none */
    char *names;   /* "annex.column" of the names it may quote, or NULL */
    long line;     /* row in sections.csv (header = 1) */
};

struct sb_sections {
    char *path;    /* the sections.csv read, or NULL when none */
    struct sb_section *v;
    int n;
};

/* Read sections.csv of form f (its directory). An edition without the
 * file has no sections: SB_OK and an empty list. Returns SB_OK and *out
 * (free with sb_sections_free), or SB_EIO/SB_EFORMAT with err naming
 * file:row:col (a missing column, a bad flag or limit, a duplicate
 * key). */
int sb_sections_load(struct sb_sections **out, const struct sb_form *f,
                     struct sb_error *err);

void sb_sections_free(struct sb_sections *s);

/* Index of the section with key, or -1. */
int sb_sections_find(const struct sb_sections *s, const char *key);

#endif
