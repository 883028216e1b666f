/* inside.c: may shenbao read this file of a declaration? (inside.h) */
#define _DEFAULT_SOURCE /* realpath */
#include "base/inside.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/sb.h"

/* path made absolute and its "." and ".." components and repeated
 * slashes taken out, by its spelling alone (no link is looked at).
 * Returns a new string, or NULL when the working directory is unknown. */
static char *lexical(const char *path)
{
    char cwd[PATH_MAX];
    char *abs, *out, *seg, *save = NULL;
    size_t n = 0;

    if (path[0] == '/') {
        abs = sb_xstrdup(path);
    } else {
        if (getcwd(cwd, sizeof cwd) == NULL)
            return NULL;
        abs = sb_xasprintf("%s/%s", cwd, path);
    }
    out = sb_xmalloc(strlen(abs) + 2);
    for (seg = strtok_r(abs, "/", &save); seg != NULL;
         seg = strtok_r(NULL, "/", &save)) {
        if (strcmp(seg, ".") == 0)
            continue;
        if (strcmp(seg, "..") == 0) {
            while (n > 0 && out[n - 1] != '/')
                n--;
            if (n > 0)
                n--; /* the slash before the dropped component */
            continue;
        }
        out[n++] = '/';
        memcpy(out + n, seg, strlen(seg));
        n += strlen(seg);
    }
    if (n == 0)
        out[n++] = '/';
    out[n] = '\0';
    free(abs);
    return out;
}

/* Is path below dir (both absolute, normalised)? */
static int below(const char *path, const char *dir)
{
    size_t n = strlen(dir);

    if (strcmp(dir, "/") == 0)
        return 1;
    return strncmp(path, dir, n) == 0 && path[n] == '/';
}

enum sb_inside sb_inside(const char *root, const char *path, int links_out,
                         int *linked_out)
{
    char *lroot = lexical(root), *lpath = lexical(path);
    char *rroot = realpath(root, NULL), *rpath = NULL;
    enum sb_inside r = SB_INSIDE_OK;
    struct stat st;

    if (linked_out != NULL)
        *linked_out = 0;
    if (lroot == NULL || lpath == NULL || rroot == NULL) {
        r = SB_INSIDE_MISSING;
    } else if (!below(lpath, lroot)) {
        r = SB_INSIDE_OUTSIDE;
    } else if (lstat(path, &st) != 0 || (rpath = realpath(path, NULL)) == NULL) {
        r = SB_INSIDE_MISSING;
    } else if (!below(rpath, rroot)) {
        if (!links_out)
            r = SB_INSIDE_LINK_OUT;
        else if (linked_out != NULL)
            *linked_out = 1;
    }
    if (r == SB_INSIDE_OK && (stat(rpath, &st) != 0 || !S_ISREG(st.st_mode)))
        r = SB_INSIDE_NOT_REGULAR;
    free(lroot);
    free(lpath);
    free(rroot);
    free(rpath);
    return r;
}

const char *sb_inside_reason(enum sb_inside r)
{
    switch (r) {
    case SB_INSIDE_OK:
        return NULL;
    case SB_INSIDE_MISSING:
        return "文件不存在";
    case SB_INSIDE_OUTSIDE:
        return "位于申报材料目录以外，不予读取";
    case SB_INSIDE_LINK_OUT:
        return "是指向申报材料目录以外的符号链接，不予读取（可用 "
               "--follow-symlinks 允许）";
    case SB_INSIDE_NOT_REGULAR:
        return "不是普通文件（管道、设备或目录），不予读取";
    }
    return NULL;
}
