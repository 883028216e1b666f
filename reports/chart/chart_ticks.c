/* chart_ticks.c: extended Wilkinson ticks and month steps. The search
 * follows labeling::extended (R, Justin Talbot) term for term, with its
 * upper bounds to prune the loops; ticks are built from integers times a
 * power of ten so that 0.1·3 prints as 0.3. */
#include "chart/chart_ticks.h"

#include <float.h>
#include <math.h>

/* Q, best first, scaled by 10 to stay integral (2.5 → 25). */
static const int q10[] = {10, 50, 20, 25, 40, 30};
#define N_Q 6
static const double w[4] = {0.25, 0.2, 0.5, 0.05};

/* n · 10^e as the double nearest the decimal. */
static double scaled(long long n, int e)
{
    return e >= 0 ? (double)n * pow(10, e) : (double)n / pow(10, -e);
}

static double simplicity(int i, int j, double lmin, double lmax,
                         double lstep)
{
    double eps = DBL_EPSILON * 100;
    double r = fmod(lmin, lstep);
    int v;

    if (r < 0)
        r += lstep;
    v = (r < eps || lstep - r < eps) && lmin <= 0 && lmax >= 0;
    return 1 - (double)i / (N_Q - 1) - j + v;
}

static double simplicity_max(int i, int j)
{
    return 1 - (double)i / (N_Q - 1) - j + 1;
}

static double coverage(double dmin, double dmax, double lmin, double lmax)
{
    double range = dmax - dmin;

    return 1 - 0.5 * ((dmax - lmax) * (dmax - lmax) +
                      (dmin - lmin) * (dmin - lmin)) /
                   ((0.1 * range) * (0.1 * range));
}

static double coverage_max(double dmin, double dmax, double span)
{
    double range = dmax - dmin;

    if (span > range) {
        double half = (span - range) / 2;

        return 1 - 0.5 * (2 * half * half) / ((0.1 * range) * (0.1 * range));
    }
    return 1;
}

static double density(int k, int m, double dmin, double dmax, double lmin,
                      double lmax)
{
    double r = (k - 1) / (lmax - lmin);
    double rt = (m - 1) / (fmax(lmax, dmax) - fmin(dmin, lmin));

    return 2 - fmax(r / rt, rt / r);
}

static double density_max(int k, int m)
{
    return k >= m ? 2 - (double)(k - 1) / (m - 1) : 1;
}

struct best {
    double score;
    long long start; /* first tick = start · q · 10^(z-1) ... */
    int q10, j, k, z;
};

/* Try every start for one (q, j, k, z); keep the best in *b. */
static void try_starts(double dmin, double dmax, int m, int loose, int qi,
                       int j, int k, int z, struct best *b)
{
    double step = j * scaled(q10[qi], z - 1);
    double min_start = floor(dmax / step) * j - (double)(k - 1) * j;
    double max_start = ceil(dmin / step) * j;

    for (double s = min_start; s <= max_start; s++) {
        double lmin = scaled((long long)s * q10[qi], z - 1);
        double lmax = lmin + step * (k - 1);
        double score = w[0] * simplicity(qi, j, lmin, lmax, step) +
                       w[1] * coverage(dmin, dmax, lmin, lmax) +
                       w[2] * density(k, m, dmin, dmax, lmin, lmax) +
                       w[3] * 1;

        if (score > b->score &&
            (!loose || (lmin <= dmin && lmax >= dmax))) {
            b->score = score;
            b->start = (long long)s;
            b->q10 = q10[qi];
            b->j = j;
            b->k = k;
            b->z = z;
        }
    }
}

int sb_ticks_extended(double dmin, double dmax, int m, int loose,
                      struct sb_ticks *out)
{
    struct best b = {.score = -2};

    if (!isfinite(dmin) || !isfinite(dmax))
        return -1;
    if (dmin > dmax) {
        double t = dmin;

        dmin = dmax;
        dmax = t;
    }
    if (dmax - dmin < DBL_EPSILON * 100 * fmax(1, fabs(dmax))) {
        if (dmax == 0)
            dmax = 1;
        else if (dmax > 0)
            dmin = 0;
        else
            dmax = 0;
    }
    m = m < 2 ? 2 : m > SB_TICKS_MAX ? SB_TICKS_MAX : m;
    for (int j = 1;; j++) {
        int stop = 0;

        for (int qi = 0; qi < N_Q; qi++) {
            double sm = simplicity_max(qi, j);

            if (w[0] * sm + w[1] + w[2] + w[3] < b.score) {
                stop = 1;
                break;
            }
            for (int k = 2; k <= SB_TICKS_MAX; k++) {
                double dm = density_max(k, m);
                double delta;
                int z;

                if (w[0] * sm + w[1] + w[2] * dm + w[3] < b.score)
                    break;
                delta = (dmax - dmin) / (k + 1) / j / (q10[qi] / 10.0);
                z = (int)ceil(log10(delta));
                for (;; z++) {
                    double step = j * scaled(q10[qi], z - 1);
                    double cm = coverage_max(dmin, dmax, step * (k - 1));

                    if (w[0] * sm + w[1] * cm + w[2] * dm + w[3] < b.score)
                        break;
                    try_starts(dmin, dmax, m, loose, qi, j, k, z, &b);
                }
            }
        }
        if (stop)
            break;
    }
    out->n = b.k;
    for (int i = 0; i < b.k; i++)
        out->v[i] = scaled((b.start + (long long)i * b.j) * b.q10, b.z - 1);
    out->step = scaled((long long)b.j * b.q10, b.z - 1);
    return 0;
}

int sb_ticks_target(double axis_pt, double spacing_pt)
{
    int m = spacing_pt > 0 ? (int)floor(axis_pt / spacing_pt) + 1 : 8;

    return m < 3 ? 3 : m > 8 ? 8 : m;
}

int sb_ticks_month_step(int n_months, int max_labels)
{
    static const int steps[] = {1, 2, 3, 6, 12};

    for (int i = 0; i < 5; i++) {
        /* The most ticks a step can give over n_months. */
        int ticks = (n_months + steps[i] - 1) / steps[i];

        if (ticks <= max_labels)
            return steps[i];
    }
    return 12;
}

int sb_ticks_month_first(int start_month, int step)
{
    int i = 0;

    while ((start_month - 1 + i) % step != 0)
        i++;
    return i;
}
