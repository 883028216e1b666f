/* suggest.h: "did you mean": the known word closest to one mistyped, by
 * edit distance, for every "unknown X" message (commands, options,
 * annexes, editions, annex list columns). */
#ifndef SB_PIPELINE_SUGGEST_H
#define SB_PIPELINE_SUGGEST_H

#include <stddef.h>

#include "base/sb.h"

/* The edit distance between the UTF-8 strings a and b, counted in code
 * points: one insertion, deletion, substitution or swap of two neighbours
 * each (optimal string alignment; 工业设备 and 工业设备清单 are 2 apart,
 * chekc and check 1). Strings longer than 64 code points are
 * compared on their first 64. */
int sb_edit_distance(const char *a, const char *b);

/* Of the n strings known[] (NULL entries skipped), the one closest to
 * word, when it is close enough to be a likely typo: at most a third of
 * word's length away (at least 1, at most 3), or word is a prefix of it.
 * Returns a pointer into known[], or NULL when none is close. Ties go to
 * the first. */
const char *sb_suggest(const char *word, const char *const *known, size_t n);

/* Append to out what a usage error says after "unknown X \"word\"":
 * "; one of: a, b, c" (the non-NULL known[]) and, when sb_suggest finds
 * one, "; did you mean \"b\"?". */
void sb_suggest_list(struct sb_buf *out, const char *word,
                     const char *const *known, size_t n);

#endif
