/* outfile.c: temporary file, fsync, then rename (see outfile.h). */
#include "base/outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int sb_mkdirs(const char *dir, struct sb_error *err)
{
    char *p = sb_xstrdup(dir);
    int rc = SB_OK;

    for (char *s = p + 1; rc == SB_OK; s++) {
        int end = *s == '\0';

        if (*s != '/' && !end)
            continue;
        *s = '\0';
        if (mkdir(p, 0777) != 0 && errno != EEXIST)
            rc = sb_error_set(err, SB_EIO, NULL, "cannot create %s: %s", p,
                              strerror(errno));
        if (end)
            break;
        *s = '/';
    }
    free(p);
    return rc;
}

static int make_tmp(struct sb_outfile *o, const char *path,
                    struct sb_error *err)
{
    const char *slash = strrchr(path, '/');
    int fd;

    memset(o, 0, sizeof *o);
    if (slash != NULL && slash != path) {
        char *dir = sb_xstrndup(path, (size_t)(slash - path));
        int rc = sb_mkdirs(dir, err);

        free(dir);
        if (rc != SB_OK)
            return rc;
    }
    o->path = sb_xstrdup(path);
    o->tmp = sb_xasprintf("%s.tmp-XXXXXX", path);
    fd = mkstemp(o->tmp);
    if (fd < 0) {
        int e = errno;

        free(o->path);
        free(o->tmp);
        memset(o, 0, sizeof *o);
        return sb_error_set(err, SB_EIO, NULL, "cannot write %s: %s", path,
                            strerror(e));
    }
    fchmod(fd, 0644);
    return fd;
}

int sb_outfile_open(struct sb_outfile *o, const char *path,
                    struct sb_error *err)
{
    int fd = make_tmp(o, path, err);

    if (fd < 0 || o->tmp == NULL)
        return SB_EIO;
    o->fp = fdopen(fd, "w");
    if (o->fp == NULL) {
        close(fd);
        sb_outfile_abort(o);
        return sb_error_set(err, SB_EIO, NULL, "cannot write %s", path);
    }
    return SB_OK;
}

int sb_outfile_reserve(struct sb_outfile *o, const char *path,
                       struct sb_error *err)
{
    int fd = make_tmp(o, path, err);

    if (fd < 0 || o->tmp == NULL)
        return SB_EIO;
    close(fd);
    return SB_OK;
}

/* Flush the closed file path to disk. Returns 0, or -1 with errno. */
static int sync_file(const char *path)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC), rc;

    if (fd < 0)
        return -1;
    rc = fsync(fd);
    if (close(fd) != 0)
        rc = -1;
    return rc;
}

int sb_outfile_commit(struct sb_outfile *o, struct sb_error *err)
{
    int failed = 0;

    if (o->fp != NULL) {
        failed = fflush(o->fp) != 0 || ferror(o->fp);
        failed |= !failed && fsync(fileno(o->fp)) != 0;
        failed |= fclose(o->fp) != 0;
        o->fp = NULL;
    } else {
        failed = sync_file(o->tmp) != 0;
    }
    if (failed || rename(o->tmp, o->path) != 0) {
        int e = errno;

        sb_error_set(err, SB_EIO, NULL, "cannot write %s: %s", o->path,
                     strerror(e));
        sb_outfile_abort(o);
        return SB_EIO;
    }
    free(o->tmp);
    free(o->path);
    memset(o, 0, sizeof *o);
    return SB_OK;
}

void sb_outfile_abort(struct sb_outfile *o)
{
    if (o == NULL)
        return;
    if (o->fp != NULL)
        fclose(o->fp);
    if (o->tmp != NULL)
        unlink(o->tmp);
    free(o->tmp);
    free(o->path);
    memset(o, 0, sizeof *o);
}

int sb_outfile_write(const char *path, const void *data, size_t len,
                     struct sb_error *err)
{
    struct sb_outfile o;
    int rc = sb_outfile_open(&o, path, err);

    if (rc != SB_OK)
        return rc;
    if (len > 0 && fwrite(data, 1, len, o.fp) != len) {
        int e = errno;

        sb_outfile_abort(&o);
        return sb_error_set(err, SB_EIO, NULL, "cannot write %s: %s", path,
                            strerror(e));
    }
    return sb_outfile_commit(&o, err);
}
