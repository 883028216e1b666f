/* recommend_int.h: the collected summary (recommend.h), shared by
 * recommend.c, which collects and checks it, and recommend_xlsx.c,
 * which writes it. Internal to those two files. */
#ifndef SB_REPORTS_RECOMMEND_INT_H
#define SB_REPORTS_RECOMMEND_INT_H

#include <stdint.h>

#include "xlsx/recommend.h"

/* One declaration, as the summary lists it. Strings are owned copies,
 * NULL when the field was not filled in. */
struct sb_recommend_entry {
    char *form_path; /* its form.csv, for findings */
    long row, line;  /* the 推荐单位 value in form.csv, 0 if absent */
    int col;
    int group;      /* index in groups */
    char *platform; /* 工业互联网平台名称 */
    char *company;  /* 依托企业 */
    char *contact;  /* 联系人 */
    char *mobile;   /* 联系方式（手机） */
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
    char *unit_label; /* the form's label of the unit field */
    int quota;        /* recommend_max; 0: none */
    int32_t date;     /* latest 申报日期 (days since 1970-01-01), or 0 */
    struct sb_recommend_entry *entries;
    int n, cap;
    struct sb_recommend_group *groups; /* in order of first appearance */
    int n_groups, cap_groups;
};

#endif
