/* finding.c: chart titles that state the finding (see finding.h). */
#include "chart/finding.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/numfmt.h"
#include "base/sb.h"

/* What the placeholders stand for, from the spec. */
struct facts {
    double total, top_value, last, first;
    int n, top;
};

static void gather(const struct sb_chart_spec *s, struct facts *f)
{
    memset(f, 0, sizeof *f);
    f->top = -1;
    for (int c = 0; c < s->n_cat; c++) {
        double v = 0;

        for (int k = 0; k < s->n_series; k++)
            v += s->values[k * s->n_cat + c];
        f->total += v;
        f->n += v != 0;
        if (f->top < 0 || v > f->top_value) {
            f->top = c;
            f->top_value = v;
        }
        f->last = v;
        if (c == 0)
            f->first = v;
    }
}

const char *sb_chart_number(double v, enum sb_lang lang, char *buf,
                            size_t size)
{
    int d = 0;

    if (fabs(v) >= 1e5)
        return sb_numfmt_compact_lang(v, 2, lang, buf, size);
    while (d < 2 && fabs(v * pow(10, d) - round(v * pow(10, d))) > 1e-9)
        d++;
    return sb_numfmt_group(v, d, buf, size);
}

/* Append the value of placeholder name (len bytes) to b. Returns 0, or
 * -1 when it is unknown or has no value. */
static int put(struct sb_buf *b, const char *name, size_t len,
               const struct sb_chart_spec *s, const struct facts *f)
{
    char num[SB_NUMFMT_SIZE];

#define IS(w) (len == strlen(w) && memcmp(name, w, len) == 0)
    if (IS("total"))
        sb_buf_puts(b, sb_chart_number(f->total, s->lang, num, sizeof num));
    else if (IS("n"))
        sb_buf_printf(b, "%d", f->n);
    else if (IS("top") && s->cats != NULL && f->top >= 0)
        sb_buf_puts(b, s->cats[f->top]);
    else if (IS("top_value"))
        sb_buf_puts(b, sb_chart_number(f->top_value, s->lang, num, sizeof num));
    else if (IS("top_share") && f->total > 0)
        sb_buf_puts(b, sb_numfmt_percent(100 * f->top_value / f->total, num,
                                         sizeof num));
    else if (IS("first_value"))
        sb_buf_puts(b, sb_chart_number(f->first, s->lang, num, sizeof num));
    else if (IS("first_share") && f->total > 0)
        sb_buf_puts(b, sb_numfmt_percent(100 * f->first / f->total, num,
                                         sizeof num));
    else if (IS("last"))
        sb_buf_puts(b, sb_chart_number(f->last, s->lang, num, sizeof num));
    else if (IS("share_last") && s->share != NULL && s->n_cat > 0)
        sb_buf_puts(b, sb_numfmt_percent(s->share[s->n_cat - 1], num,
                                         sizeof num));
    else
        return -1;
#undef IS
    return 0;
}

char *sb_chart_finding(const char *tmpl, const struct sb_chart_spec *s)
{
    struct sb_buf b = {0};
    struct facts f;
    const char *p = tmpl;

    gather(s, &f);
    while (*p != '\0') {
        const char *open = strchr(p, '{'), *close;

        if (open == NULL) {
            sb_buf_puts(&b, p);
            break;
        }
        sb_buf_put(&b, p, (size_t)(open - p));
        close = strchr(open, '}');
        if (close == NULL ||
            put(&b, open + 1, (size_t)(close - open - 1), s, &f) != 0) {
            sb_buf_free(&b);
            return NULL;
        }
        p = close + 1;
    }
    return b.data != NULL ? sb_buf_take(&b) : sb_xstrdup("");
}
