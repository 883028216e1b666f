/* utf8.h: UTF-8 text helpers: decoding, the normalisation used to match
 * headers and enumeration values, trimming, and Word-style word counts. */
#ifndef SB_PIPELINE_UTF8_H
#define SB_PIPELINE_UTF8_H

#include <stddef.h>
#include <stdint.h>

#include "base/sb.h"

/* Decode one code point from s (at most len bytes). Returns the number
 * of bytes used (1..4) and *cp; on an invalid or truncated sequence
 * returns 1 and *cp = -1. len must be > 0. */
int sb_utf8_decode(const char *s, size_t len, int32_t *cp);

/* Append code point cp (0..0x10FFFF) to b as UTF-8. */
void sb_utf8_put(struct sb_buf *b, int32_t cp);

/* Length of the longest valid UTF-8 prefix of s. */
size_t sb_utf8_valid_prefix(const char *s, size_t len);

/* Append s to out with each byte that is not part of valid UTF-8 written
 * as the text "\xFF" (upper-case hex): a name from the file system shown
 * in a finding or a heading stays readable and valid. Returns the
 * number of such bytes. */
size_t sb_utf8_escape(const char *s, size_t len, struct sb_buf *out);

/* Number of code points in valid UTF-8 s. */
size_t sb_utf8_count(const char *s, size_t len);

/* Length of the UTF-8 text s (len bytes) in UTF-16 code units, as Excel
 * counts a cell's characters (a character past U+FFFF counts two),
 * counting no further than max: returns the count, or max + 1 when the
 * text is longer. *end: the byte offset where the units counted end, on
 * a character boundary (the cut that keeps at most max units). */
size_t sb_utf16_units(const char *s, size_t len, size_t max, size_t *end);

/* Excel's limit on the characters of a cell (UTF-16 code units), which a
 * list read into a workbook must be cut to (Excel specifications and
 * limits: "Total number of characters that a cell can contain"). */
#define SB_EXCEL_CELL_CHARS 32767

/* The key under which headers, field labels and enumeration values are
 * compared: full-width ASCII forms (U+FF01..U+FF5E) become ASCII, every
 * space (ASCII, U+3000, U+00A0, tabs, newlines) is removed, ASCII letters
 * are lower-cased, and full-width brackets （） become (). So "设备 ID",
 * "设备ＩＤ" and "设备id" share the key "设备id". out is cleared first. */
void sb_norm_key(const char *s, size_t len, struct sb_buf *out);

/* s without leading and trailing spaces (ASCII, U+3000, U+00A0): sets
 * *start and returns the new length. Does not copy. */
size_t sb_trim(const char *s, size_t len, const char **start);

/* Word count as Microsoft Word's 字数 counts it for Chinese text: each
 * CJK ideograph and each full-width or CJK punctuation mark counts 1, a
 * run of Latin letters and/or digits (with inner '.', ',', '-', '\'')
 * counts 1, spaces and ASCII punctuation between runs count 0. */
long sb_word_count(const char *s, size_t len);

#endif
