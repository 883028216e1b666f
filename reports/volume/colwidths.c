/* colwidths.c: the column widths of an annex volume's table, chosen to
 * keep typical rows short (see sb_vol_widths in volume_int.h).
 *
 * A row is as tall as its tallest cell, so widening a column pays only
 * where that column is what makes rows tall. The widths are found in
 * three steps over a sample of rows (the header counts as two rows: it
 * is on every page):
 * 1. starts: for L = 1, 2, … lines, every column as narrow as lets its
 *    header and nine in ten of its cells take at most L lines (whole
 *    characters, never below its widest unbreakable piece nor below
 *    4 字 unless its cells are shorter); the first L that fits and the
 *    next few are tried, what is left shared in proportion; the start
 *    with the fewest lines over the sample wins;
 * 2. moves of one character from a column (or from what the start
 *    left) to another while that saves lines;
 * 3. what is left goes to the columns narrower than their widest cell,
 *    then to all, in proportion to their widths.
 * Lines are estimated as ceil(cell width / column width): the breaking
 * rules can add one now and then, never many. */
#include "volume/volume_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAX_LINES 40   /* a start needing more is not tried */
#define TRIED_STARTS 6 /* starts from the first L that fits */
#define FLOOR_CHARS 4  /* a wrapping column is at least this many 字 */
#define MAX_MOVES 200

/* Lines a cell len pt wide (padding included) takes in a column w pt
 * wide. */
static int lines(double len, double w, double pad)
{
    double l = ceil((len - pad) / (w - pad) - 1e-6);

    return l > 1 ? (int)l : 1;
}

static long cost(const struct sb_vol_widths_in *in, const double *w)
{
    long total = 0;
    int n = in->n, mx = 1;

    for (int c = 0; c < n; c++) {
        int l = lines(in->head[c], w[c], in->pad);

        mx = l > mx ? l : mx;
    }
    total += 2 * mx;
    for (int r = 0; r < in->rows; r++) {
        mx = 1;
        for (int c = 0; c < n; c++) {
            int l = lines(in->sample[r * n + c], w[c], in->pad);

            mx = l > mx ? l : mx;
        }
        total += mx;
    }
    return total;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;

    return x < y ? -1 : x > y;
}

/* typ[c]: the width nine in ten cells of column c in the sample do not
 * pass (the widest cell without a sample). */
static void typical(const struct sb_vol_widths_in *in, double *typ)
{
    double *v = sb_xcalloc((size_t)in->rows + 1, sizeof *v);

    for (int c = 0; c < in->n; c++) {
        for (int r = 0; r < in->rows; r++)
            v[r] = in->sample[r * in->n + c];
        qsort(v, (size_t)in->rows, sizeof *v, cmp_double);
        typ[c] = in->rows > 0 ? v[(in->rows * 9 - 1) / 10] : in->pref[c];
    }
    free(v);
}

/* Narrowest width for column c whose typical cell and header take at
 * most l lines, see step 1. */
static double narrow(const struct sb_vol_widths_in *in, const double *typ,
                     int c, int l)
{
    double pref = fmax(in->pref[c], in->head[c]);
    double want = fmax(typ[c], in->head[c]);
    double chars = ceil((want - in->pad) / l / in->size - 0.01);

    chars = fmax(chars, FLOOR_CHARS);
    return fmin(fmax(chars * in->size + in->pad + 0.01, in->min[c]),
                fmax(pref, in->min[c]));
}

/* Give left pt to the columns in proportion to their widths: first to
 * those still narrower than hi (up to hi), then, or when hi is NULL, to
 * all. */
static void share(const struct sb_vol_widths_in *in, double *w, double left,
                  const double *hi)
{
    double sum;

    while (hi != NULL && left > 0.01) {
        double k;

        sum = 0;
        for (int c = 0; c < in->n; c++)
            sum += w[c] < hi[c] - 0.01 ? w[c] : 0;
        if (sum <= 0)
            break;
        /* the largest factor that takes no column past its hi */
        k = left / sum;
        for (int c = 0; c < in->n; c++)
            if (w[c] < hi[c] - 0.01 && (hi[c] - w[c]) / w[c] < k)
                k = (hi[c] - w[c]) / w[c];
        for (int c = 0; c < in->n; c++)
            if (w[c] < hi[c] - 0.01) {
                left -= w[c] * k;
                w[c] += w[c] * k;
            }
    }
    sum = 0;
    for (int c = 0; c < in->n; c++)
        sum += w[c];
    for (int c = 0; c < in->n && sum > 0; c++)
        w[c] += left * w[c] / sum;
}

/* Step 1: the best start into w; 0, or -1 when nothing fits. */
static int start(const struct sb_vol_widths_in *in, const double *typ,
                 double *w)
{
    double *t = sb_xcalloc((size_t)in->n, sizeof *t);
    long best = -1;
    int first = 0;

    for (int l = 1; l <= MAX_LINES; l++) {
        double need = 0;
        long k;

        for (int c = 0; c < in->n; c++) {
            t[c] = narrow(in, typ, c, l);
            need += t[c];
        }
        if (need > in->W)
            continue;
        first = first ? first : l;
        if (l >= first + TRIED_STARTS)
            break;
        share(in, t, in->W - need, NULL);
        k = cost(in, t);
        if (best < 0 || k < best) {
            best = k;
            memcpy(w, t, (size_t)in->n * sizeof *w);
        }
    }
    free(t);
    return best < 0 ? -1 : 0;
}

/* Step 2: move one character from a column, or from what is left, to
 * another column while it saves lines. */
static void improve(const struct sb_vol_widths_in *in, const double *typ,
                    double *w, double *left)
{
    long now = cost(in, w);

    for (int it = 0; it < MAX_MOVES; it++) {
        long best = now;
        int ba = -2, bb = -1;

        /* a = -1: from what is left */
        for (int a = -1; a < in->n; a++) {
            if (a < 0 ? *left < in->size
                      : w[a] - in->size <
                            fmax(in->min[a], narrow(in, typ, a, MAX_LINES)))
                continue;
            for (int b = 0; b < in->n; b++) {
                long k;

                if (b == a)
                    continue;
                if (a >= 0)
                    w[a] -= in->size;
                w[b] += in->size;
                k = cost(in, w);
                if (a >= 0)
                    w[a] += in->size;
                w[b] -= in->size;
                if (k < best) {
                    best = k;
                    ba = a;
                    bb = b;
                }
            }
        }
        if (ba < -1)
            return;
        if (ba >= 0)
            w[ba] -= in->size;
        else
            *left -= in->size;
        w[bb] += in->size;
        now = best;
    }
}

void sb_vol_widths(const struct sb_vol_widths_in *in, double *w)
{
    double *hi, *typ = sb_xcalloc((size_t)in->n, sizeof *typ);
    double sum = 0, left = in->W;

    typical(in, typ);
    if (start(in, typ, w) != 0) {
        /* not even the unbreakable pieces fit: they share W */
        for (int c = 0; c < in->n; c++)
            sum += in->min[c];
        for (int c = 0; c < in->n; c++)
            w[c] = in->min[c] * in->W / sum;
        free(typ);
        return;
    }
    /* take back what the start shared out, move, then share again */
    hi = sb_xcalloc((size_t)in->n, sizeof *hi);
    for (int c = 0; c < in->n; c++) {
        hi[c] = fmax(fmax(in->pref[c], in->head[c]), in->min[c]);
        w[c] = fmin(w[c], hi[c]);
    }
    for (int c = 0; c < in->n; c++)
        left -= w[c];
    improve(in, typ, w, &left);
    share(in, w, left, hi);
    free(hi);
    free(typ);
}
