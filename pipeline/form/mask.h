/* mask.h: hide personal data in volumes meant to circulate (--mask).
 *
 * Which columns hold personal data is form data (columns.csv "mask",
 * struct sb_column.mask). A masked value keeps enough to tell records
 * apart and to recognise a known person, never enough to reach one:
 *
 * - Names keep their first and last character; every other character
 *   becomes '*': 张三明 → 张*明, 欧阳娜娜 → 欧**娜. A name of two
 *   characters keeps only the first (张三 → 张*), one of one character
 *   becomes "*". The separators of transliterated names
 *   (· • . and spaces) stay: 阿依古丽·买买提 → 阿***·**提.
 * - Phone numbers keep their first 3 and last 4 digits: 13812341234 →
 *   138****1234, 400-810-8888 → 400-***-8888. A landline keeps its whole
 *   area code (010, 02X: 3 digits; others 4) and the last 4 digits of
 *   its local number; an extension after it stays (it names a desk, not
 *   a person): 0512-62880517-123 → 0512-****0517-123, 010-62345678 →
 *   010-****5678. A +86 or 0086 prefix is kept and not counted. A
 *   number of fewer than 10 digits without an area code keeps only its
 *   last 4 (62880517 → ****0517); 4 digits or fewer are all masked.
 *   Separators, brackets and full-width digits keep their places.
 * - E-mail addresses keep the first character of the local part and the
 *   domain; the rest of the local part becomes exactly "***" whatever
 *   its length, so not even the length of the name is told:
 *   zhangsan@163.com → z***@163.com, z@163.com → z***@163.com. Text
 *   without '@' is masked the same way: its first character and "***".
 *
 * Empty cells and none words (无, -, N/A: sb_cell_is_none) are not
 * personal data and stay as they are. Text is UTF-8; an invalid byte
 * counts as one character and is kept or masked as one. */
#ifndef SB_PIPELINE_MASK_H
#define SB_PIPELINE_MASK_H

#include <stddef.h>

#include "form/form.h"
#include "base/sb.h"

/* Mask s (len bytes, untrimmed: surrounding spaces are dropped) as kind
 * into out, which is cleared first and always NUL-terminated after.
 * SB_MASK_NONE copies the trimmed text unchanged. Never fails. */
void sb_mask_apply(enum sb_mask kind, const char *s, size_t len,
                   struct sb_buf *out);

#endif
