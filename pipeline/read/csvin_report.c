/* csvin_report.c: the findings the CSV reader adds about its file (see
 * csvin.h for their codes): each starts from the file's path and annex,
 * and goes to the reader's findings list when there is one. */
#include <stdarg.h>

#include "read/csvin_int.h"

struct sb_finding csvin_finding(const struct sb_csvin *r, const char *code,
                                enum sb_severity sev)
{
    struct sb_finding f = {.code = code, .sev = sev, .annex = r->annex};

    f.pos.path = r->path;
    return f;
}

void csvin_report(struct sb_csvin *r, const struct sb_finding *f,
                  const char *fmt, ...)
{
    struct sb_finding g = *f;
    struct sb_buf b = {0};
    va_list ap;

    if (r->findings == NULL)
        return;
    va_start(ap, fmt);
    sb_buf_vprintf(&b, fmt, ap);
    va_end(ap);
    g.message = b.data;
    sb_findings_add(r->findings, &g);
    sb_buf_free(&b);
}
