/* outset.h: an output directory written as one unit.
 *
 * `shenbao build -o OUT` writes a set of files that belong together (the
 * findings, the charts, the workbook, the volumes, the 申报书). Readers of
 * OUT must see either the whole previous set or the whole new one, never
 * a mix, whatever happens to the run (a failed output, kill -9, a second
 * build into the same OUT at the same moment).
 *
 * So a run
 *   1. takes an exclusive lock on PARENT/.NAME.lock (flock, not waiting:
 *      a second run into the same OUT fails at once, naming the lock);
 *   2. removes what killed runs left beside OUT (PARENT/.NAME.staging-*
 *      and PARENT/.NAME.old-*: no run can own them while we hold the
 *      lock), putting a set back at OUT first if a run was killed between
 *      the two renames of the fallback swap;
 *   3. writes the new set into the empty PARENT/.NAME.staging-PID;
 *   4. on success swaps it in for OUT in one step (renameat2 with
 *      RENAME_EXCHANGE; where the file system cannot, OUT is renamed
 *      aside and the staging directory renamed in), then removes the old
 *      set; on failure removes the staging directory and leaves OUT as it
 *      was.
 * The lock file stays (removing a lock file races with its next user).
 *
 * An OUT that exists, is not empty and holds no `marker` file (a file
 * every set holds, e.g. check.json) was not written by a run: it is
 * refused, so that `-o .` never swaps away a folder of the user's. */
#ifndef SB_PIPELINE_OUTSET_H
#define SB_PIPELINE_OUTSET_H

#include "base/sb.h"

struct sb_outset {
    char *out;     /* the target directory, as given */
    char *staging; /* where this run writes: PARENT/.NAME.staging-PID */
    int lock_fd;   /* -1 when not locked */
};

/* Lock out, clean up after killed runs and make the empty staging
 * directory s->staging (the parents of out are created). Returns SB_OK,
 * or SB_EIO with err (out is locked by another run, is not a directory
 * of sets, or cannot be created); on failure nothing is held and
 * sb_outset_abort need not be called. */
int sb_outset_begin(struct sb_outset *s, const char *out, const char *marker,
                    struct sb_error *err);

/* Swap the staging directory in for s->out, remove the old set, release
 * the lock and free s. Returns SB_OK, or SB_EIO with err (then out is
 * as it was before the run). */
int sb_outset_commit(struct sb_outset *s, struct sb_error *err);

/* Remove the staging directory, release the lock and free s; out is as
 * it was before the run. */
void sb_outset_abort(struct sb_outset *s);

/* Remove path and everything below it, not following symbolic links.
 * Returns 0, or -1 with errno (a missing path is not an error). */
int sb_remove_tree(const char *path);

#endif
