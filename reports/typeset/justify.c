/* justify.c: total-fit line breaking of justified paragraphs (see
 * justify.h): a shortest path over break positions, the cost of a line
 * from how it must be squeezed or spread. */
#include "typeset/justify.h"

#include <float.h>
#include <stdlib.h>

#include "base/sb.h"

#define LINE_COST 10.0  /* per line: never add one to save spacing */
#define SHORT_LAST 50.0 /* a last line of one character (+ punctuation) */
#define STRETCH 100.0   /* × (em between Han characters)² */
#define SQUEEZE 4.0     /* × (em squeezed)²: half an em ~ 0.1 em spread */
#define FALLBACK 1e6    /* a line cut inside a word: nothing else fits */

/* The line [a, b) without the spaces at its end. */
static int trim(const struct sb_lb_item *it, int a, int b)
{
    while (b > a && (it[b - 1].flags & SB_LB_SPACE))
        b--;
    return b;
}

/* Cost of the line [a, e) set in avail pt; last: it ends the paragraph. */
static double line_cost(const struct sb_lb_item *it, int a, int e, double avail,
                        double track, int forced, int last)
{
    double w = sb_lb_width(it, a, e, track), slack = avail - w, em = 0;
    double cost = LINE_COST, hl, extra;
    int chars = 0, vis = 0;

    for (int j = a; j < e; j++) {
        if (it[j].adv > em)
            em = it[j].adv;
        if (!(it[j].flags & SB_LB_TRACK))
            continue;
        vis++;
        if (!(it[j].flags & SB_LB_PUNCT))
            chars++;
    }
    if (em <= 0)
        return cost;
    if (slack < 0)
        return cost + SQUEEZE * (slack / em) * (slack / em);
    if (forced)
        return cost + (last && a > 0 && chars <= 1 ? SHORT_LAST : 0);
    /* one item cannot be spread: its slack stays a hole at the end */
    extra = (vis > 1 ? sb_lb_spread(it, a, e, slack, &hl) : slack) / em;
    return cost + STRETCH * extra * extra;
}

int sb_js_breaks(const struct sb_lb_item *it, int n, double avail_first,
                 double avail, double track, int *next)
{
    double *best = sb_xmalloc((size_t)(n + 1) * sizeof *best);
    int *from = sb_xmalloc((size_t)(n + 1) * sizeof *from);
    int k = 0;

    for (int i = 0; i <= n; i++) {
        best[i] = DBL_MAX;
        from[i] = -1;
    }
    best[0] = 0;
    for (int a = 0; a < n; a++) {
        double lim = (a == 0 ? avail_first : avail) + 0.01;
        int found = 0;

        if (best[a] == DBL_MAX)
            continue;
        for (int b = a + 1; b <= n; b++) {
            int must = b < n && it[b].brk == SB_LB_MUST;
            int e, forced = b == n || must;
            double c;

            if (b < n && it[b].brk == SB_LB_NEVER)
                continue;
            e = trim(it, a, b);
            if (e > a &&
                sb_lb_width(it, a, e, track) - sb_lb_squeeze(it, a, e) > lim)
                break;
            c = best[a] +
                line_cost(it, a, e, lim - 0.01, track, forced, b == n);
            if (c < best[b]) {
                best[b] = c;
                from[b] = a;
            }
            found = 1;
            if (must)
                break;
        }
        if (!found) {
            int nx, forced;

            sb_lb_fit(it, n, a, lim - 0.01, track, &nx, &forced);
            if (nx <= a)
                nx = a + 1;
            if (best[a] + FALLBACK < best[nx]) {
                best[nx] = best[a] + FALLBACK;
                from[nx] = a;
            }
        }
    }
    for (int b = n; b > 0; b = from[b])
        next[k++] = b;
    for (int i = 0; i < k / 2; i++) {
        int t = next[i];

        next[i] = next[k - 1 - i];
        next[k - 1 - i] = t;
    }
    free(best);
    free(from);
    return k;
}
