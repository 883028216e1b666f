/* typed.h: one value of a form type (form.h enum sb_type), parsed from
 * the text of a form.csv value or an annex cell. Shared by the figures
 * and the annex reader so both accept exactly the same writing. */
#ifndef SB_PIPELINE_TYPED_H
#define SB_PIPELINE_TYPED_H

#include <stddef.h>
#include <stdint.h>

#include "form/form.h"

struct sb_typed {
    double num;      /* numbers in canonical units (money in 元,
                        percent in percent); bool 0/1; dates as days */
    double tol;      /* half a unit of the last written digit, same unit */
    int scale;       /* digits written after the point */
    int32_t date;    /* dates */
    int enum_idx;    /* enum */
    uint64_t mask;   /* enum_list */
    long stated;     /* heading: the count it states */
    char check;      /* uscc: the right check character when wrong */
    const char *warn; /* uscc: why a valid code deserves a warning
                         (lower case, GB 11714; cells/cell.h), static,
                         or NULL */
    char fixed[19];   /* uscc: the valid code in upper-case ASCII */
};

/* Parse s (len bytes, untrimmed) as type t. en: the enumeration of enum
 * types, or of a text column that names one: any text is valid there, and
 * a value or alias of en sets enum_idx, so the text is grouped and shown
 * as that value (批次 3 → 第三批绿色设计产品名单); yuan: 元 per unit for
 * money; allow_wan: accept 12.6万 in numbers. Returns 1 if valid. Otherwise 0 with *why a short Chinese
 * reason and *kind the finding kind: "type", "enum", "uscc",
 * "excel-scientific", "phone", "email" or "heading" (both static). The
 * caller has already handled empty and none-word cells. */
int sb_typed_parse(enum sb_type t, const struct sb_enum *en, double yuan,
                   int allow_wan, const char *s, size_t len,
                   struct sb_typed *out, const char **why,
                   const char **kind);

/* A short Chinese description of what a type expects, for "expected"
 * in findings ("整数", "日期，如2023-05-31"). Static. */
const char *sb_typed_expects(enum sb_type t);

/* Parse a heading that states a count, such as "一、家用洗涤剂（58种）"
 * or "3. 纸制品（12 种）": the last bracketed number followed by a
 * measure word. Returns 1 and *count, else 0. */
int sb_heading_parse(const char *s, size_t len, long *count);

/* The title of a heading that states a count, without its ordinal
 * ("一、", "12. ", "（三）") and without the count: "一、家用洗涤剂（58种）"
 * → "家用洗涤剂". Appends to out. */
void sb_heading_title(const char *s, size_t len, struct sb_buf *out);

#endif
