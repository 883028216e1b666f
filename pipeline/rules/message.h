/* message.h: the message templates of rules.csv ("…共{lhs}，申报书填报
 * {rhs}"), filled in with what a check found. */
#ifndef SB_PIPELINE_MESSAGE_H
#define SB_PIPELINE_MESSAGE_H

#include "base/sb.h"

/* Write tmpl into out (cleared first) with each "{key}" of keys[0..n)
 * replaced by the value of the same index; other text, and braces
 * around anything else, are copied as they are. */
void sb_message_fill(const char *tmpl, const char *const *keys,
                     const char *const *values, int n, struct sb_buf *out);

#endif
