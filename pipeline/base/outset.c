/* outset.c: an output directory written as one unit (see outset.h). */
#define _GNU_SOURCE /* renameat2, RENAME_EXCHANGE, flock, nftw */
#include "base/outset.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/outfile.h"

static int remove_entry(const char *path, const struct stat *st, int flag,
                        struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    return remove(path);
}

int sb_remove_tree(const char *path)
{
    struct stat st;

    if (lstat(path, &st) != 0)
        return errno == ENOENT ? 0 : -1;
    return nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* out split into its parent directory and its last component, trailing
 * slashes dropped: "a/b/" → "a", "b"; "b" → ".", "b". */
static void split_path(const char *out, char **parent, char **name)
{
    size_t n = strlen(out);
    const char *slash;

    while (n > 1 && out[n - 1] == '/')
        n--;
    *name = sb_xstrndup(out, n);
    slash = strrchr(*name, '/');
    if (slash == NULL) {
        *parent = sb_xstrdup(".");
        return;
    }
    *parent = slash == *name ? sb_xstrdup("/")
                             : sb_xstrndup(*name, (size_t)(slash - *name));
    memmove(*name, slash + 1, strlen(slash + 1) + 1);
}

/* Is e a leftover of a killed run into name: ".NAME.staging-PID" or
 * ".NAME.old-PID"? *old tells which. */
static int leftover(const char *e, const char *name, int *old)
{
    size_t n = strlen(name);
    const char *rest;

    if (e[0] != '.' || strncmp(e + 1, name, n) != 0 || e[n + 1] != '.')
        return 0;
    rest = e + n + 2;
    if (strncmp(rest, "staging-", 8) == 0)
        rest += 8, *old = 0;
    else if (strncmp(rest, "old-", 4) == 0)
        rest += 4, *old = 1;
    else
        return 0;
    if (*rest == '\0')
        return 0;
    return strspn(rest, "0123456789") == strlen(rest);
}

/* Remove what killed runs left in parent; when out itself is missing
 * (a run killed between the two renames of the fallback swap), its old
 * set goes back first. Called with the lock held. */
static int clean_leftovers(const char *parent, const char *name,
                           const char *out, struct sb_error *err)
{
    DIR *dir = opendir(parent);
    struct dirent *e;
    struct stat st;
    int rc = SB_OK, have_out = lstat(out, &st) == 0;

    if (dir == NULL)
        return sb_error_set(err, SB_EIO, NULL, "cannot read %s: %s", parent,
                            strerror(errno));
    while (rc == SB_OK && (e = readdir(dir)) != NULL) {
        char *path;
        int old;

        if (!leftover(e->d_name, name, &old))
            continue;
        path = sb_xasprintf("%s/%s", parent, e->d_name);
        if (old && !have_out && rename(path, out) == 0)
            have_out = 1;
        else if (sb_remove_tree(path) != 0)
            rc = sb_error_set(err, SB_EIO, NULL,
                              "cannot remove %s, left by a killed run: %s",
                              path, strerror(errno));
        free(path);
    }
    closedir(dir);
    return rc;
}

/* Is out missing, an empty directory, or a directory holding marker? */
static int replaceable(const char *out, const char *marker,
                       struct sb_error *err)
{
    struct stat st;
    DIR *dir;
    struct dirent *e;
    char *m;
    int empty = 1, ok;

    if (lstat(out, &st) != 0)
        return errno == ENOENT
                   ? SB_OK
                   : sb_error_set(err, SB_EIO, NULL, "cannot use %s: %s", out,
                                  strerror(errno));
    if (!S_ISDIR(st.st_mode))
        return sb_error_set(err, SB_EIO, NULL,
                            "%s exists and is not a directory", out);
    m = sb_xasprintf("%s/%s", out, marker);
    ok = lstat(m, &st) == 0 && S_ISREG(st.st_mode);
    free(m);
    if (ok)
        return SB_OK;
    dir = opendir(out);
    if (dir == NULL)
        return sb_error_set(err, SB_EIO, NULL, "cannot read %s: %s", out,
                            strerror(errno));
    while (empty && (e = readdir(dir)) != NULL)
        empty = strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0;
    closedir(dir);
    if (empty)
        return SB_OK;
    return sb_error_set(err, SB_EIO, NULL,
                        "%s is not empty and holds no %s: not an output of "
                        "shenbao, it is left alone (choose a new directory)",
                        out, marker);
}

static void release(struct sb_outset *s)
{
    if (s->lock_fd >= 0)
        close(s->lock_fd); /* closing releases the flock */
    free(s->out);
    free(s->staging);
    memset(s, 0, sizeof *s);
    s->lock_fd = -1;
}

int sb_outset_begin(struct sb_outset *s, const char *out, const char *marker,
                    struct sb_error *err)
{
    char *parent, *name, *lock;
    int rc;

    memset(s, 0, sizeof *s);
    s->lock_fd = -1;
    split_path(out, &parent, &name);
    rc = sb_mkdirs(parent, err);
    lock = sb_xasprintf("%s/.%s.lock", parent, name);
    if (rc == SB_OK) {
        s->lock_fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW,
                          0666);
        if (s->lock_fd < 0)
            rc = sb_error_set(err, SB_EIO, NULL, "cannot open the lock %s: %s",
                              lock, strerror(errno));
        else if (flock(s->lock_fd, LOCK_EX | LOCK_NB) != 0)
            rc = sb_error_set(err, SB_EIO, NULL,
                              errno == EWOULDBLOCK
                                  ? "another shenbao run is writing %s "
                                    "(lock %s held); try again when it ends"
                                  : "cannot lock %s (%s)",
                              out, errno == EWOULDBLOCK ? lock
                                                        : strerror(errno));
    }
    s->out = sb_xstrdup(out);
    if (rc == SB_OK)
        rc = clean_leftovers(parent, name, out, err);
    if (rc == SB_OK)
        rc = replaceable(out, marker, err);
    if (rc == SB_OK) {
        s->staging = sb_xasprintf("%s/.%s.staging-%ld", parent, name,
                                  (long)getpid());
        if (mkdir(s->staging, 0777) != 0)
            rc = sb_error_set(err, SB_EIO, NULL, "cannot create %s: %s",
                              s->staging, strerror(errno));
    }
    free(lock);
    free(parent);
    free(name);
    if (rc != SB_OK) {
        if (s->staging != NULL)
            sb_remove_tree(s->staging);
        release(s);
    }
    return rc;
}

/* Make the renames in dir durable. */
static void sync_dir(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
}

int sb_outset_commit(struct sb_outset *s, struct sb_error *err)
{
    struct stat st;
    char *parent, *name, *old = NULL;
    int rc = SB_OK;

    split_path(s->out, &parent, &name);
    if (lstat(s->out, &st) != 0) {
        if (rename(s->staging, s->out) != 0)
            rc = sb_error_set(err, SB_EIO, NULL, "cannot rename %s to %s: %s",
                              s->staging, s->out, strerror(errno));
    } else if (renameat2(AT_FDCWD, s->staging, AT_FDCWD, s->out,
                         RENAME_EXCHANGE) == 0) {
        old = sb_xstrdup(s->staging); /* now holds the old set */
    } else if (errno == EINVAL || errno == ENOSYS || errno == EOPNOTSUPP) {
        /* no atomic exchange here: aside, then in (a kill between the
         * two leaves the old set at .NAME.old-PID, which the next run
         * puts back) */
        old = sb_xasprintf("%s/.%s.old-%ld", parent, name, (long)getpid());
        if (rename(s->out, old) != 0) {
            rc = sb_error_set(err, SB_EIO, NULL, "cannot rename %s: %s",
                              s->out, strerror(errno));
        } else if (rename(s->staging, s->out) != 0) {
            rc = sb_error_set(err, SB_EIO, NULL, "cannot rename %s to %s: %s",
                              s->staging, s->out, strerror(errno));
            rename(old, s->out);
        }
    } else {
        rc = sb_error_set(err, SB_EIO, NULL, "cannot swap %s and %s: %s",
                          s->staging, s->out, strerror(errno));
    }
    sync_dir(parent);
    if (rc == SB_OK && old != NULL)
        sb_remove_tree(old);
    if (rc != SB_OK)
        sb_remove_tree(s->staging);
    free(old);
    free(parent);
    free(name);
    release(s);
    return rc;
}

void sb_outset_abort(struct sb_outset *s)
{
    if (s->staging != NULL)
        sb_remove_tree(s->staging);
    release(s);
}
