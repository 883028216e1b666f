/* recommend_int.h: the collected summary (recommend.h), shared by
 * recommend.c, which collects and checks it, and recommend_xlsx.c,
 * which writes it. Internal to those two files. */
#ifndef SB_REPORTS_RECOMMEND_INT_H
#define SB_REPORTS_RECOMMEND_INT_H

#include <stdint.h>

#include "xlsx/recommend.h"

/* The table's columns: 序号, then the roles platform, company, contact
 * and contact_mobile; and the lines above it: the unit (its name is
 * appended), its contact, its contact's phone. */
#define SB_RECOMMEND_COLS 5
#define SB_RECOMMEND_LINES 3

/* One declaration, as the summary lists it. Strings are owned copies,
 * NULL when the field was not filled in. */
struct sb_recommend_entry {
    char *form_path; /* its form.csv, for findings */
    long row, line;  /* the 推荐单位 value in form.csv, 0 if absent */
    int col;
    int group;      /* index in groups */
    char *platform; /* role platform */
    char *company;  /* role company */
    char *contact;  /* role contact */
    char *mobile;   /* role contact_mobile */
    long errors;    /* error findings of its own check */
};

/* One recommending unit. */
struct sb_recommend_group {
    char *key;  /* matching key of the unit's name; NULL: none given */
    char *unit; /* the name as first written; NULL: none given */
    int n;      /* declarations */
};

struct sb_recommend {
    char *edition;    /* edition code of the first declaration */
    char *title;      /* summary_title */
    char *note;       /* summary_note, or NULL */
    char *source;     /* recommend_source, or NULL */
    char *label;      /* summary_label: "附件3" above the title, or NULL */
    char *font_source; /* font_source, cited by missing-glyph findings */
    char *unit_label; /* the form's label of the unit field */
    char *item;       /* what is recommended (summary_item): 平台 */
    char *columns[SB_RECOMMEND_COLS]; /* headers (summary_columns) */
    char *lines[SB_RECOMMEND_LINES];  /* labels (summary_lines) */
    int quota;        /* recommend_max; 0: none */
    int32_t date;     /* latest 申报日期 (days since 1970-01-01), or 0 */
    struct sb_recommend_entry *entries;
    int n, cap;
    struct sb_recommend_group *groups; /* in order of first appearance */
    int n_groups, cap_groups;
};

#endif
