/* numfmt.h: how shenbao writes numbers for Chinese readers, shared by the
 * text reports and the charts.
 *
 * Rules (research/charts.md §4; GB/T 15835):
 * - Below 10^4 a number is grouped in threes with ',' (千分撇): "3,412",
 *   "1,234,567" (sb_numfmt_group).
 * - Compact units are 万 (10^4) and 亿 (10^8) only, never 千万/百万/万亿:
 *   "1.26万", "3.4亿", "12,600亿".
 * - A chart axis takes one divisor, chosen by its largest |tick|, and
 *   one decimal count shared by all its ticks (struct sb_numfmt_axis).
 * - Percentages carry 1 decimal; shares of a whole add to exactly 100.0
 *   by largest-remainder rounding (sb_numfmt_shares).
 * - Money is shown in 万元 with 2 decimals, converted once from fen.
 *
 * Rounding is half away from zero on the shortest decimal form of the
 * double (15 significant digits), so 2.675 rounds to 2.68 although the
 * double is 2.67499999...; a result that rounds to zero loses its sign.
 *
 * - In English (SB_LANG_EN, for international reviewers) the same rules
 *   run on thousands: grouped with ',' in full, compact units k (10^3),
 *   M (10^6) and B (10^9), "12.6k", "3.4M"; an axis in thousands from
 *   10^4, in millions from 10^6, in billions from 10^9, its title saying
 *   so in words ("thousand units", "million CNY", "thousands").
 *
 * Minus sign: ASCII '-' (U+002D) everywhere. The shipped chart face
 * FandolHei (like SimHei) has no U+2212, which would fall back to another
 * face or tofu, and '-' is what Office users type and what CSV readers
 * parse. Non-finite values print as "NaN", "Inf" or "-Inf".
 *
 * Every function writes a NUL-terminated string into buf (size bytes,
 * SB_NUMFMT_SIZE always suffices) and returns buf; output that does not
 * fit is truncated at a character boundary. */
#ifndef SB_PIPELINE_NUMFMT_H
#define SB_PIPELINE_NUMFMT_H

#include <stddef.h>
#include <stdint.h>

#include "base/lang.h"

/* Enough for any output of this module. */
#define SB_NUMFMT_SIZE 64

/* v rounded to decimals (0..9) places, grouped: "1,234,567", "-3,412.50",
 * "0.5" (decimals 1), "10,000" (9999.5, decimals 0). */
char *sb_numfmt_group(double v, int decimals, char *buf, size_t size);

/* v in the largest unit that keeps it >= 1: below 10^4 grouped with up to
 * max_decimals (0..9) places, from 10^4 in 万 and from 10^8 in 亿 with up
 * to 2 places; trailing zeros are dropped. The unit is chosen after
 * rounding, so a value that rounds up to the next unit takes it:
 * 3412 → "3,412", 12600 → "1.26万", 1234567 → "123.46万",
 * 3.4e8 → "3.4亿", 1.26e12 → "12,600亿", 99995 → "10万",
 * 9999.5 → "1万" (max_decimals 0) or "9,999.5" (max_decimals 1),
 * 99999999 → "1亿", -12600 → "-1.26万". */
char *sb_numfmt_compact(double v, int max_decimals, char *buf, size_t size);

/* A compact unit of a language. */
struct sb_numfmt_unit {
    double divisor;     /* 1e4, 1e8; 1e3, 1e6, 1e9 */
    const char *suffix; /* after a value: "万", "亿"; "k", "M", "B" */
    const char *word;   /* in an axis title: "万"; "thousand" */
};

/* lang's compact units, smallest first; *n receives how many. Static. */
const struct sb_numfmt_unit *sb_numfmt_units(enum sb_lang lang, int *n);

/* sb_numfmt_compact in lang's units: for SB_LANG_EN below 10^3 grouped
 * with up to max_decimals places, then k, M, B with up to 2 places:
 * 999 → "999", 12600 → "12.6k", 1234567 → "1.23M", 999,995 → "1M",
 * 3.4e9 → "3.4B". SB_LANG_ZH is sb_numfmt_compact. */
char *sb_numfmt_compact_lang(double v, int max_decimals, enum sb_lang lang,
                             char *buf, size_t size);

/* The shortest decimal that reads back as exactly v ("0.1", "1234567",
 * "-3.25", "1e+21"): for CSV files, which keep values unrounded. */
char *sb_numfmt_exact(double v, char *buf, size_t size);

/* One axis's number format, chosen from its ticks. */
struct sb_numfmt_axis {
    enum sb_lang lang;  /* how the unit is written */
    double divisor;     /* 1, 1e4 or 1e8; English 1, 1e3, 1e6 or 1e9 */
    const char *prefix; /* "", "万" or "亿"; "", "thousand", "million" or
                           "billion": static */
    int decimals;       /* places shared by every tick label, 0..6 */
};

/* Choose the divisor by the largest |tick| (>= 10^8 → 亿, >= 10^4 → 万)
 * and the fewest decimals that show every tick/divisor exactly (up to
 * 6): ticks 0, 25万 .. 125万 → 万 and 0 places; 0, 2.5万 .. 12.5万 →
 * 万 and 1 place; 0, 0.25 .. 1 → 2 places. n may be 0 (divisor 1). */
void sb_numfmt_axis_init(struct sb_numfmt_axis *ax, const double *ticks,
                         int n);

/* The same in lang: for SB_LANG_EN thousands from 10^4 (ticks 0, 5,000,
 * 10,000 → thousand and 0, 5, 10), millions from 10^6, billions from
 * 10^9. */
void sb_numfmt_axis_init_lang(struct sb_numfmt_axis *ax,
                              const double *ticks, int n, enum sb_lang lang);

/* A tick label without the unit: v / divisor with the axis's decimals,
 * grouped ("25", "2.5", "-1,250", "0"). */
char *sb_numfmt_axis_label(const struct sb_numfmt_axis *ax, double v,
                           char *buf, size_t size);

/* The axis unit for its title: prefix + unit ("万台/套", "亿元", "台",
 * or "万" when unit is "" or NULL, "" when both are empty); in English
 * "thousand units", "million CNY", "thousands" when unit is empty. */
char *sb_numfmt_axis_unit(const struct sb_numfmt_axis *ax, const char *unit,
                          char *buf, size_t size);

/* A percentage with 1 decimal: 12.345 → "12.3%", 100 → "100.0%",
 * -0.04 → "0.0%", -12.5 → "-12.5%". pct is in percent, not a fraction. */
char *sb_numfmt_percent(double pct, char *buf, size_t size);

/* Shares of a whole in tenths of a percent (permille), adding up to
 * exactly 1000 by largest-remainder rounding (Hamilton): each share is
 * floored, then the largest remainders get one more; ties go to the
 * larger value, then to the lower index. v: n >= 1 finite values >= 0
 * with a positive sum. Returns 0 and fills permille[0..n-1], or -1 (and
 * permille untouched) when v cannot be a whole. */
int sb_numfmt_shares(const double *v, int n, int *permille);

/* A permille share as a percentage: 334 → "33.4%", 1000 → "100.0%". */
char *sb_numfmt_permille(int permille, char *buf, size_t size);

/* Money given in fen (1/100 元) in 万元 with 2 decimals, grouped, rounded
 * half away from zero in exact integer arithmetic: 123456789 fen →
 * "123.46" or "123.46万元" with with_unit; 5000 fen → "0.01". */
char *sb_numfmt_wanyuan(int64_t fen, int with_unit, char *buf, size_t size);

#endif
