/* fill.h: declared figures as the 申报书 prints them, and the
 * placeholders of the edition's report.md filled with them.
 *
 * {{code}} prints field code's figure:
 *   int, decimal   grouped in threes with the declared decimals: 20,000
 *   money          in the field's unit (万元) with the decimals it was
 *                  declared with, grouped: 68,500.00; the template
 *                  writes the unit after the placeholder
 *   percent        as declared, with its sign: 41.6%
 *   date           2009年3月18日 (GB/T 9704 7.3.5.4: no padding)
 *   bool           是 / 否;  enum: its value;  enum_list: 5G、大数据
 *   other types    the text as written
 *   无             where the form allows it and the figure says so
 *   missing        "____" when the field is required (and a warning
 *                  report.blank at its row of form.csv: the check has
 *                  already made it an error), 无 when optional and 无
 *                  is allowed, else nothing
 *   invalid        the text as written (the check reports it)
 * {{choice:code}} prints a box per value of an enum, enum_list or bool
 * field, ■ before the values declared and □ before the others:
 * "■自建　□合作共建". (☑/☐ are not in GB 2312 nor in the Fandol faces.)
 *
 * This is also all the 申报书 reads of a declaration: the accessors below
 * keep decl.h out of the files that include typeset.h (both name a
 * struct sb_column and a struct sb_row). */
#ifndef SB_REPORTS_FILL_H
#define SB_REPORTS_FILL_H

#include <stdint.h>

#include "chart/chart.h"
#include "findings/finding.h"
#include "typeset/fonts.h"
#include "base/sb.h"

struct sb_decl;
struct sb_form;

#define SB_FILL_BLANK "____"

/* What a fill needs: the declaration, where blank findings go (NULL:
 * none) and the part of the report being filled, for their messages
 * ("1.1 工业设备数量*"). All borrowed. */
struct sb_fill {
    const struct sb_decl *d;
    struct sb_findings *fs;
    const char *where;
};

/* Append field i's figure as {{code}} prints it. */
void sb_fill_value(const struct sb_fill *f, int i, struct sb_buf *out);

/* Append field i's boxes as {{choice:code}} prints them. */
void sb_fill_choice(const struct sb_fill *f, int i, struct sb_buf *out);

/* Append text with every {{code}} and {{choice:code}} filled. Returns
 * SB_OK, or SB_EFORMAT with err (no position) for a placeholder naming
 * no field, a choice on a field without values, or a "{{" never
 * closed: mistakes of the template, not of the declaration. */
int sb_fill_text(const struct sb_fill *f, const char *text,
                 struct sb_buf *out, struct sb_error *err);

/* Days since 1970-01-01 as "2023年6月10日". */
void sb_fill_date(int32_t days, struct sb_buf *out);

/* The declaration's directory, its declaration.md (NULL when absent or
 * not to be read: base/inside.h), its form edition, the edition's
 * directory and a value of its edition.csv (NULL when absent); all
 * borrowed from d. */
const char *sb_fill_dir(const struct sb_decl *d);
/* May inputs link out of the declaration (--follow-symlinks)? 1 or 0. */
int sb_fill_links_out(const struct sb_decl *d);
const char *sb_fill_markdown(const struct sb_decl *d);
const struct sb_form *sb_fill_form(const struct sb_decl *d);
const char *sb_fill_form_dir(const struct sb_decl *d);
const char *sb_fill_meta(const struct sb_decl *d, const char *key);

/* The text of figure code as written when it is a valid value, else
 * NULL (borrowed from d). */
const char *sb_fill_raw(const struct sb_decl *d, const char *code);

/* The text of the figure edition role names when it is filled
 * (sb_decl_role), else NULL (borrowed from d). */
const char *sb_fill_role(const struct sb_decl *d, const char *role);

/* A figure the narrative quotes that form.csv declares otherwise. */
struct sb_fill_quote {
    const char *label; /* the field's label as fields.csv prints it */
    char *quoted;      /* what the text writes ("900人"), owned */
    const char *declared; /* the value as form.csv writes it */
};

/* The figures text quotes that differ from form.csv: a label of a
 * number field (int, decimal, money; its label at least 4 characters
 * and no other field's) followed by up to 4 of 为达是约共计累：: and
 * a number (grouped or not, decimals allowed) with an optional 万 or
 * 亿. The number is read in the field's unit (money: 万元 as
 * fields.csv says; 万/亿 scale it) and differs when it is off by more
 * than half a unit of its own last digit plus the declared precision
 * (so "约52万" agrees with 519,767). Returns the count and *out (free
 * with sb_fill_quotes_free). */
int sb_fill_quotes(const struct sb_decl *d, const char *text,
                   struct sb_fill_quote **out);
void sb_fill_quotes_free(struct sb_fill_quote *q, int n);

/* The values of column ref ("killer_apps.name") as its list's file
 * holds them (trimmed, rows in order). Returns their count and *out
 * (free each and the array), *what (owned) the column as the form
 * names it ("附件6 杀手锏APP清单的“APP名称”"); or -1 when the form has
 * no such column or the declaration no such list (*what NULL). The
 * file is read whole: for short lists. */
int sb_fill_column_values(const struct sb_decl *d, const char *ref,
                          char ***out, char **what);

/* 1 when findings on the evidence are errors (--strict). */
int sb_fill_strict(const struct sb_decl *d);

/* The annex list numbered 附件number in the form: returns 1 and sets
 * *code (the annex code), *file (the file read, or NULL when the
 * declaration has none) and *rows (its data rows); 0 when the form has
 * no list of that number. Strings borrowed from d. */
int sb_fill_annex(const struct sb_decl *d, int number, const char **code,
                  const char **file, long *rows);

/* The objective figures of indicator number ("1.1": the fields whose
 * section in fields.csv starts with it and a space) as the 证明材料细分
 * 目录 shows them. Returns how many fields it has (0: no figure, a
 * narrative-only indicator). *declared (owned, may be NULL when it has
 * none) gets the figure of the first of its fields a rule checks
 * against the lists, else of its first field, as {{code}} prints it with
 * its unit and label ("可连接的工业设备…：20,000台/套"); *listed (owned)
 * what the lists give for that figure ("20,000"), NULL when no rule
 * computes it; *annex the 附件 number of the list the rule reads, or 0;
 * *passed 1 when that rule holds. */
int sb_fill_indicator(const struct sb_fill *f, const char *number,
                      char **declared, char **listed, int *annex,
                      int *passed);

/* The chart id of the edition's chart set (charts.csv), laid out for
 * the report (SB_CHART_FIGURE: under its caption, no title drawn)
 * width_pt wide at a height that suits its
 * kind (*height_pt). *title gets its title (borrowed from d). Returns
 * SB_OK and *out (free with sb_chart_free); SB_EUSAGE when the edition
 * has no chart id (a mistake of the template); SB_EFORMAT when it has
 * no data (err says why); another code when the layout failed. */
int sb_fill_chart(struct sb_chart **out, const struct sb_decl *d,
                  const char *id, double width_pt, struct sb_fonts *fonts,
                  double *height_pt, const char **title,
                  struct sb_error *err);

#endif
