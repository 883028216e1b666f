/* lang.h: the languages shenbao labels its charts and deck in (issue 16
 * item 11): Chinese, the language of the declaration, and English for
 * international reviewers. Numbers follow the language (numfmt.h: 万/亿
 * in Chinese, k/M/B in English); words come from the edition's data
 * (charts_en.csv) and the chart code's own few (chart_lang.h). */
#ifndef SB_PIPELINE_LANG_H
#define SB_PIPELINE_LANG_H

enum sb_lang {
    SB_LANG_ZH, /* Chinese: the default */
    SB_LANG_EN, /* English */
};

/* The valid codes as a usage error lists them. */
#define SB_LANG_CODES "zh, en"

/* The language of code ("zh", "en"; exact, lower case). Returns 0 and
 * *out, or -1 (out untouched) for any other string or NULL. */
int sb_lang_parse(const char *code, enum sb_lang *out);

/* The code of lang: "zh" or "en". Static. */
const char *sb_lang_code(enum sb_lang lang);

#endif
