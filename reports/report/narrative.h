/* narrative.h: the declaration's narrative (declaration.md) parsed with
 * cmark and cut into the sections of its form edition (sections.csv),
 * with Word-style word counts and their limits.
 *
 * Each level-1 heading ("# 企业简介") opens a section; everything up to
 * the next level-1 heading is its text (sub-headings, lists and all). A
 * heading names a section by its heading in sections.csv, by its key
 * ("architecture"), or by its first word when that is the key ("1.1 设备
 * 接入情况" is section 1.1); spaces and full/half width do not matter.
 *
 * Findings (002 附件2 and its 说明 set the limits; sections.csv cites
 * them), each at declaration.md:LINE of the heading:
 *   report.word-limit        error: more 字 than the limit
 *   report.section-missing   error: a required section has no heading
 *   report.section-empty     error: a required section has no text
 *   report.section-unknown   warning: a heading names no section (its
 *                            text is not printed)
 *   report.section-duplicate warning: a section written twice (the
 *                            first is printed)
 *   report.text-outside      warning: text before the first heading
 *   report.encoding          error: the file is not UTF-8
 *   report.no-narrative      error: no declaration.md while sections
 *                            are required
 * HTML comments (the hints `shenbao init` writes) are neither printed
 * nor counted. */
#ifndef SB_REPORTS_NARRATIVE_H
#define SB_REPORTS_NARRATIVE_H

#include <cmark.h>

#include "findings/finding.h"
#include "form/sections.h"

/* One level-1 heading of declaration.md and the blocks under it. */
struct sb_narrative_part {
    int section;        /* index in the sections, or -1 (unknown) */
    char *title;        /* the heading's text as written */
    long line;          /* its line in declaration.md */
    cmark_node *first;  /* first block under it, or NULL */
    cmark_node *end;    /* the block after the last one, or NULL */
    long words;         /* 字 of its text, as Word counts */
};

struct sb_narrative {
    char *path;         /* declaration.md as named in findings */
    cmark_node *doc;    /* the parsed document, owned */
    struct sb_narrative_part *parts;
    int n_parts;
    int *of_section;    /* per section: index in parts, or -1 */
    int n_sections;
};

/* Parse text[0..len) (UTF-8; a BOM is skipped) written at path (for
 * findings) against sections secs (borrowed for the call), counting
 * words and adding the findings above to fs (may be NULL). text NULL
 * means there is no declaration.md. Free with sb_narrative_free. */
struct sb_narrative *sb_narrative_parse(const char *text, size_t len,
                                        const char *path,
                                        const struct sb_sections *secs,
                                        struct sb_findings *fs);

/* Read path and parse it as above; path NULL or a file that does not
 * exist is no declaration.md. Returns SB_OK and *out, or SB_EIO with
 * err when the file exists but cannot be read. */
int sb_narrative_read(struct sb_narrative **out, const char *path,
                      const struct sb_sections *secs,
                      struct sb_findings *fs, struct sb_error *err);

void sb_narrative_free(struct sb_narrative *n);

/* Add to fs a finding at n's declaration.md:line (row and line; 0:
 * the file) citing source; expected, found may be NULL. */
void sb_narrative_finding(const struct sb_narrative *n,
                          struct sb_findings *fs, enum sb_severity sev,
                          const char *code, long line, const char *source,
                          const char *expected, const char *found,
                          const char *msg);

/* The part written for section index sec, or NULL. */
const struct sb_narrative_part *
sb_narrative_part(const struct sb_narrative *n, int sec);

/* Append the visible text of blocks [first, end) to out: literal text,
 * a line feed for each line break and after each block; no Markdown
 * syntax, no HTML, no image. */
void sb_narrative_text(cmark_node *first, cmark_node *end,
                       struct sb_buf *out);

/* As sb_narrative_text, as lines to print: a paragraph, heading or list
 * item a line ending in a line feed, its soft breaks joined (a space
 * after ASCII, nothing after Chinese), a hard break a line feed. */
void sb_narrative_lines(cmark_node *first, cmark_node *end,
                        struct sb_buf *out);

#endif
