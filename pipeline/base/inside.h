/* inside.h: may shenbao read this file of a declaration?
 *
 * A declaration directory arrives from many hands and is checked on
 * shared build servers: nothing it names may make shenbao read outside
 * it. Every input (form.csv, the annex lists, declaration.md, evidence
 * files, images and links the narrative names) is asked here before it
 * is opened. The answer comes from the file system, not from the
 * spelling of the path: both the file and the declaration directory are
 * resolved with realpath(3), every symbolic link followed, and the file
 * must lie below the directory. A reference that leaves the directory
 * by its spelling ("../x.png", "/etc/passwd") is refused whatever
 * --follow-symlinks says; a symbolic link inside the directory whose
 * target lies outside is refused unless the caller allows links out
 * (the --follow-symlinks option, for teams that keep shared lists
 * elsewhere). Only regular files are read: a FIFO would block, a device
 * never ends, a directory is no list. */
#ifndef SB_PIPELINE_INSIDE_H
#define SB_PIPELINE_INSIDE_H

enum sb_inside {
    SB_INSIDE_OK,          /* a regular file below the directory */
    SB_INSIDE_MISSING,     /* nothing there (or a dangling link) */
    SB_INSIDE_OUTSIDE,     /* the reference itself leaves the directory */
    SB_INSIDE_LINK_OUT,    /* a link below the directory points out */
    SB_INSIDE_NOT_REGULAR, /* a FIFO, device, socket or directory */
};

/* Where path lies relative to the directory root (both as given, relative
 * to the working directory or absolute). With links_out, a link whose
 * target lies outside root gives SB_INSIDE_OK when the target is a
 * regular file (the caller reports that it followed one: *linked_out is
 * set to 1, else 0; linked_out may be NULL). Never opens path. */
enum sb_inside sb_inside(const char *root, const char *path, int links_out,
                         int *linked_out);

/* A short Chinese reason for a refusal ("指向声明目录以外"), static;
 * NULL for SB_INSIDE_OK. */
const char *sb_inside_reason(enum sb_inside r);

#endif
