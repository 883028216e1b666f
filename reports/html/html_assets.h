/* html_assets.h: the inline style and script of the HTML report
 * (html.h): no framework, nothing loaded. The script filters, groups and
 * sorts the findings table and keeps the view in the address
 * (#findings?sev=error,warning&rule=…&file=…&q=…&group=rule&sort=pos-);
 * without it the page is still whole, grouped by severity. */
#ifndef SB_REPORTS_HTML_ASSETS_H
#define SB_REPORTS_HTML_ASSETS_H

/* The lines of the style sheet and of the script, each a NUL-terminated
 * string ending in a newline; the arrays end with NULL. */
extern const char *const sb_html_style[];
extern const char *const sb_html_script[];

#endif
