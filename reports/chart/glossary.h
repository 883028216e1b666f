/* glossary.h: the words of an edition's charts in another language
 * (issue 16 item 11), from data: pipeline/forms/<edition>/charts_<lang>.csv
 * (charts_en.csv), two columns, zh and the language's code, one row a
 * Chinese string of charts.csv, enums.csv, annexes.csv or edition.csv as
 * written there (a title, a finding= template with its placeholders, a
 * unit, a value_name, an enumeration value, an annex title) and its
 * translation; an empty translation is one (a unit such as 个 that
 * English leaves out). Proper names in the data (enterprises, APPs) are
 * not looked up: they stay as written.
 *
 * A string without a row stays Chinese, never blank, and is remembered,
 * so that a run says once what is missing (sb_glossary_missing). */
#ifndef SB_REPORTS_GLOSSARY_H
#define SB_REPORTS_GLOSSARY_H

#include "base/lang.h"
#include "base/sb.h"
#include "form/form.h"

struct sb_glossary;

/* The glossary of form f for lang. For SB_LANG_ZH, or when the file is
 * absent (every string then misses), *out is still a glossary. Returns
 * SB_OK and *out (free with sb_glossary_free), or SB_EIO/SB_EFORMAT with
 * err when the file is there but cannot be read or lacks a column. */
int sb_glossary_open(struct sb_glossary **out, const struct sb_form *f,
                     enum sb_lang lang, struct sb_error *err);
void sb_glossary_free(struct sb_glossary *g);

/* The glossary's language; SB_LANG_ZH for NULL. */
enum sb_lang sb_glossary_lang(const struct sb_glossary *g);

/* zh in the glossary's language: its translation, or zh itself when the
 * language is Chinese, g is NULL or zh is empty. A string without a row
 * is returned as is and remembered. The result is borrowed from g or zh.
 * Not thread-safe. */
const char *sb_glossary_get(struct sb_glossary *g, const char *zh);

/* What was asked and missing, for one warning: NULL when nothing, else
 * "no English for 3 chart labels in pipeline/forms/x/charts_en.csv
 * (kept in Chinese): 工业设备按类别, 台/套, …" (the first 8). Static
 * until the next call or sb_glossary_free. */
const char *sb_glossary_missing(struct sb_glossary *g);

#endif
