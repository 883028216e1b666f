/* volume_bench.c: speed and memory of one annex volume, end to end
 * (the rows read again from the CSV file, masked when asked, measured,
 * laid out and drawn).
 *
 * Usage: volume_bench [--mask] DIR CODE OUTDIR
 * Checks the declaration in DIR, then writes the volume of annex CODE
 * (e.g. devices) into OUTDIR and prints rows, pages, bytes, seconds of
 * the volume alone, pages and rows per second, and the peak RSS of the
 * check and of the volume (VmHWM, reset in between). Make a big
 * declaration with
 *   build/release/tools/gendecl --devices 1000000 /tmp/x */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "check/decl.h"
#include "typeset/fonts.h"
#include "volume/volume.h"

static double now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* A field of /proc/self/status in KB: "VmHWM" (the peak RSS since the
 * last reset) or "VmRSS". */
static long status_kb(const char *key)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    size_t n = strlen(key);
    long kb = -1;

    while (f != NULL && fgets(line, sizeof line, f) != NULL)
        if (strncmp(line, key, n) == 0 && line[n] == ':' &&
            sscanf(line + n + 1, "%ld", &kb) == 1)
            break;
    if (f != NULL)
        fclose(f);
    return kb;
}

/* Reset the peak RSS to the current RSS (Linux 4.0+), so the volume's
 * peak is measured apart from the check's. */
static void reset_peak(void)
{
    FILE *f = fopen("/proc/self/clear_refs", "w");

    if (f != NULL) {
        fputs("5", f);
        fclose(f);
    }
}

int main(int argc, char **argv)
{
    struct sb_check_opts copts = {0};
    struct sb_volume_opts vopts = {0};
    struct sb_volume_list vols = {0};
    struct sb_decl *d = NULL;
    struct sb_fonts *fonts = NULL;
    struct sb_error err = {0};
    struct stat st;
    double t0, secs;
    long rss_check, rss_start;
    int a = 1;

    if (argc > 1 && strcmp(argv[1], "--mask") == 0) {
        vopts.mask = 1;
        a++;
    }
    if (argc - a != 3) {
        fprintf(stderr, "usage: volume_bench [--mask] DIR CODE OUTDIR\n");
        return 2;
    }
    if (sb_decl_check(&d, argv[a], &copts, &err) != SB_OK ||
        sb_fonts_new(&fonts, NULL, &err) != SB_OK) {
        sb_error_print(&err);
        return 2;
    }
    rss_check = status_kb("VmHWM");
    reset_peak();
    rss_start = status_kb("VmRSS");
    t0 = now();
    if (sb_volumes_write(d, argv[a + 2], argv[a + 1], &vopts, fonts, &vols,
                         &err) != SB_OK) {
        sb_error_print(&err);
        return 2;
    }
    secs = now() - t0;
    if (vols.n != 1 || stat(vols.v[0].path, &st) != 0) {
        fprintf(stderr, "volume_bench: no volume written\n");
        return 2;
    }
    printf("rows %ld pages %d bytes %lld seconds %.2f pages/s %.0f "
           "rows/s %.0f peak RSS: check %ld KB; volume %ld KB, from %ld KB "
           "at its start\n",
           vols.v[0].rows, vols.v[0].pages, (long long)st.st_size, secs,
           vols.v[0].pages / secs, vols.v[0].rows / secs, rss_check,
           status_kb("VmHWM"), rss_start);
    sb_volume_list_free(&vols);
    sb_fonts_free(fonts);
    sb_decl_free(d);
    return 0;
}
