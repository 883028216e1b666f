/* test_inside.c: what a declaration may make shenbao read (base/inside.h),
 * on a real tree of files, links, a FIFO and a directory. */
#define _DEFAULT_SOURCE /* mkdtemp, symlink */
#include "base/inside.h"

#include <sys/stat.h>
#include <unistd.h>

#include "base/outset.h"
#include "base/sb.h"
#include "test.h"

static char top[64];  /* a fresh directory: the declaration and a bait */
static char decl[96]; /* top/decl */

static char *at(const char *rel)
{
    return sb_xasprintf("%s/%s", top, rel);
}

static void make_tree(void)
{
    const char *files[] = {"decl/form.csv", "decl/annex/devices.csv",
                           "bait.csv", NULL};

    strcpy(top, "/tmp/sb-inside-XXXXXX");
    if (mkdtemp(top) == NULL)
        abort();
    snprintf(decl, sizeof decl, "%s/decl", top);
    for (int i = 0; i < 3; i++) {
        char *p = at(i == 0 ? "decl" : i == 1 ? "decl/annex" : "decl/evidence");

        mkdir(p, 0777);
        free(p);
    }
    for (int i = 0; files[i] != NULL; i++) {
        char *p = at(files[i]);
        FILE *f = fopen(p, "w");

        fputs("a,b\n", f);
        fclose(f);
        free(p);
    }
    {
        char *p = at("decl/annex/fifo.csv"), *q = at("bait.csv"),
             *l = at("decl/annex/out.csv"), *m = at("decl/annex/in.csv"),
             *d = at("decl/annex/dangling.csv"), *e = at("decl/evidence/shared");

        mkfifo(p, 0666);
        if (symlink(q, l) != 0 || symlink("devices.csv", m) != 0 ||
            symlink("nowhere.csv", d) != 0 || symlink(top, e) != 0)
            abort();
        free(p), free(q), free(l), free(m), free(d), free(e);
    }
}

static enum sb_inside ask(const char *rel, int links_out, int *linked)
{
    char *p = sb_xasprintf("%s/%s", decl, rel);
    enum sb_inside r = sb_inside(decl, p, links_out, linked);

    free(p);
    return r;
}

static void regular_files_inside_are_read(void)
{
    int linked = -1;

    CHECK_INT(ask("form.csv", 0, &linked), SB_INSIDE_OK);
    CHECK_INT(linked, 0);
    CHECK_INT(ask("annex/devices.csv", 0, NULL), SB_INSIDE_OK);
    /* a link that stays inside is no link out */
    CHECK_INT(ask("annex/in.csv", 0, &linked), SB_INSIDE_OK);
    CHECK_INT(linked, 0);
    CHECK_INT(ask("annex/./../form.csv", 0, NULL), SB_INSIDE_OK);
}

static void references_out_are_refused_by_spelling(void)
{
    char *abs = at("bait.csv");

    CHECK_INT(ask("../bait.csv", 0, NULL), SB_INSIDE_OUTSIDE);
    CHECK_INT(ask("annex/../../bait.csv", 1, NULL), SB_INSIDE_OUTSIDE);
    CHECK_INT(sb_inside(decl, abs, 1, NULL), SB_INSIDE_OUTSIDE);
    CHECK_INT(sb_inside(decl, "/etc/passwd", 1, NULL), SB_INSIDE_OUTSIDE);
    CHECK_INT(sb_inside(decl, decl, 0, NULL), SB_INSIDE_OUTSIDE);
    free(abs);
}

static void links_out_need_leave(void)
{
    int linked = -1;

    CHECK_INT(ask("annex/out.csv", 0, &linked), SB_INSIDE_LINK_OUT);
    CHECK_INT(linked, 0);
    CHECK_INT(ask("annex/out.csv", 1, &linked), SB_INSIDE_OK);
    CHECK_INT(linked, 1);
    /* a directory link out: every file under it is out */
    CHECK_INT(ask("evidence/shared/bait.csv", 0, NULL), SB_INSIDE_LINK_OUT);
    CHECK_INT(ask("evidence/shared/bait.csv", 1, NULL), SB_INSIDE_OK);
}

static void only_regular_files(void)
{
    CHECK_INT(ask("annex/fifo.csv", 0, NULL), SB_INSIDE_NOT_REGULAR);
    CHECK_INT(ask("annex", 0, NULL), SB_INSIDE_NOT_REGULAR);
    CHECK_INT(ask("annex/missing.csv", 0, NULL), SB_INSIDE_MISSING);
    CHECK_INT(ask("annex/dangling.csv", 1, NULL), SB_INSIDE_MISSING);
    CHECK(sb_inside_reason(SB_INSIDE_OK) == NULL);
    CHECK(strstr(sb_inside_reason(SB_INSIDE_LINK_OUT), "--follow-symlinks") != NULL);
}

int main(void)
{
    make_tree();
    RUN(regular_files_inside_are_read);
    RUN(references_out_are_refused_by_spelling);
    RUN(links_out_need_leave);
    RUN(only_regular_files);
    sb_remove_tree(top);
    return TEST_REPORT();
}
