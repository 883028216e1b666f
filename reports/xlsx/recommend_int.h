/* recommend_int.h: the collected summary (recommend.h), shared by
 * recommend.c, which collects it, recommend_quota.c, which checks it,
 * and recommend_xlsx.c and recommend_pdf.c, which write it. Internal to
 * those files. */
#ifndef SB_REPORTS_RECOMMEND_INT_H
#define SB_REPORTS_RECOMMEND_INT_H

#include <stdint.h>

#include "xlsx/recommend.h"

/* One declaration, as the summary lists it. Strings are owned copies,
 * NULL when the field was not filled in. */
struct sb_recommend_entry {
    char *dir;       /* the declaration directory */
    char *form_path; /* its form.csv, for findings */
    long row, line;  /* the 推荐单位 value in form.csv, 0 if absent */
    int col;
    int group;       /* index in groups */
    char **cells;    /* one per column; cells[0] (序号) is NULL */
    char *klass;     /* 推荐单位类型 (role recommending_unit_class) */
    char *uscc;      /* 统一社会信用代码 (role uscc), valid, or NULL */
    struct sb_pos uscc_pos; /* its cell in form.csv (path: form_path) */
    struct sb_pos name_pos; /* the cell of cells[1] in form.csv, or
                               path NULL (a text of the edition) */
};

/* One recommending unit. */
struct sb_recommend_group {
    char *key;  /* matching key of the unit's name; NULL: none given */
    char *unit; /* the name as first written; NULL: none given */
    int n;      /* declarations */
};

/* One row of the edition's quotas.csv: at most max declarations per
 * recommending unit whose 推荐单位类型 is one of match (scope "class"),
 * per unit whatever its kind (scope "unit", match empty), or per city
 * (GB/T 2260 code, the 3rd-6th characters of the USCC) whose code
 * starts with one of match (scope "region"; the first such row wins). */
struct sb_quota {
    char *scope;   /* "unit", "class" or "region" */
    char **match;  /* split by |; n_match 0 for scope unit */
    int n_match;
    char *label;   /* what the row calls the group: 广州、深圳 */
    int max;
    char *source;  /* notice and section */
};

struct sb_recommend {
    char *title;      /* summary_title: the call, which keys the summary */
    char *note;       /* summary_note, or NULL */
    char *label;      /* summary_label: "附件3" above the title, or NULL */
    char *font_source; /* font_source, cited by missing-glyph findings */
    char *unit_label; /* the form's label of the unit field */
    char *item;       /* what is recommended (summary_item): 平台 */
    char *once_source; /* one_per_declarant_source, or NULL */
    char **columns;   /* headers (summary_columns), n_cols */
    int n_cols;
    char **lines;     /* labels above the table (summary_lines) */
    int n_lines;
    struct sb_quota *quotas; /* the edition's quotas.csv */
    int n_quotas;
    int32_t date;     /* latest 申报日期 (days since 1970-01-01), or 0 */
    struct sb_recommend_entry *entries;
    int n, cap;
    struct sb_recommend_group *groups; /* in order of first appearance */
    int n_groups, cap_groups;
};

/* The quota of unit group gi: the first class row matching the class of
 * its first declaration, else the unit row; NULL when none applies. */
const struct sb_quota *sb_recommend_unit_quota(const struct sb_recommend *r,
                                               int gi);

/* Add a finding of the batch to fs at pos (copied): column, expected,
 * found, message and source as struct sb_finding has them (each may be
 * NULL). */
void sb_recommend_finding(struct sb_findings *fs, const struct sb_pos *pos,
                          const char *column, enum sb_severity sev,
                          const char *code, const char *expected,
                          const char *found, const char *msg,
                          const char *source);

/* Split "a|b|c" into a new array of owned strings (*n of them); NULL
 * and 0 for NULL or "". */
char **sb_recommend_split(const char *s, int *n);

/* The width of s in 字: a character one, an ASCII character half of
 * one (the widths of 仿宋 and 宋体 in the forms); 0 for NULL. */
double sb_recommend_text_width(const char *s);

/* The width column c asks, in 字 (an ASCII character half of one):
 * the widest of its cells and its header set on header_lines lines
 * (>= 1), at least 2 and at most 16. */
double sb_recommend_width(const struct sb_recommend *r, int c,
                          int header_lines);

/* Free the n strings of v and v. */
void sb_recommend_strv_free(char **v, int n);

#endif
