/* markup.h: text put into HTML or XML, so that what a declaration holds
 * (a cell, a file name, a message quoting either) is shown as text and
 * can never become markup: <b> in a cell stays "<b>" on the page. */
#ifndef SB_PIPELINE_MARKUP_H
#define SB_PIPELINE_MARKUP_H

#include "base/sb.h"

/* Append s (UTF-8, NUL-terminated; NULL appends nothing) to b with
 * & < > " ' as character references, safe in element content and in a
 * quoted attribute value of HTML and XML alike. Control characters
 * other than tab, line feed and carriage return (not allowed in XML 1.0,
 * parse errors in HTML) are dropped; other bytes pass through. */
void sb_buf_put_markup(struct sb_buf *b, const char *s);

#endif
