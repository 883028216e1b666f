/* xlsx.c: the annex workbook's driver (see xlsx.h): open the workbook in
 * constant-memory mode on a temporary file, write the 核对表, stream
 * each annex present, fill in the 清单概况, close, rename. */
#include "xlsx/xlsx.h"

#include <stdlib.h>
#include <string.h>

#include "base/outfile.h"
#include "xlsx/xlsx_book.h"

/* The creation date when the declaration has none: 2000-01-01 UTC. */
#define FALLBACK_CREATED 946684800

static int set_properties(const struct sb_xlsx_book *bk, struct sb_error *err)
{
    const struct sb_decl *d = bk->d;
    const char *project = sb_decl_role_text(d, "project");
    const struct sb_figure *date = sb_decl_role(d, "date");
    lxw_doc_properties p = {0};
    char *title, *comments;
    lxw_error e;

    title = sb_xasprintf("%s 附件清单",
                         project ? project : sb_form_meta(d->form, "title"));
    comments = sb_xasprintf("shenbao %s：核对表与申报书附件清单", SB_VERSION);
    p.title = title;
    p.subject = (char *)sb_form_meta(d->form, "title");
    p.company = (char *)sb_decl_role_text(d, "company");
    p.comments = comments;
    p.created = FALLBACK_CREATED;
    if (date != NULL)
        p.created = (time_t)date->date * 86400;
    e = workbook_set_properties(bk->wb, &p);
    free(title);
    free(comments);
    return e ? sb_xlsx_fail(err, e, "document properties") : SB_OK;
}

/* The directory of path, for libxlsxwriter's temporary files. */
static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');

    if (slash == NULL)
        return sb_xstrdup(".");
    if (slash == path)
        return sb_xstrdup("/");
    return sb_xstrndup(path, (size_t)(slash - path));
}

/* Everything but the opening and the closing. */
static int write_sheets(struct sb_xlsx_book *bk, struct sb_xlsx_annex_out *outs,
                        struct sb_error *err)
{
    const struct sb_decl *d = bk->d;
    lxw_worksheet *checks, *overview, *groups = NULL;
    struct sb_vol_groups gr;
    int rc;

    rc = set_properties(bk, err);
    if (rc != SB_OK)
        return rc;
    sb_xlsx_book_formats(bk);
    checks = workbook_add_worksheet(bk->wb, "核对表");
    overview = workbook_add_worksheet(bk->wb, "清单概况");
    for (int i = 0; i < d->form->n_annexes && groups == NULL; i++) {
        if (sb_vol_groups_of(d, i, &gr)) {
            groups = workbook_add_worksheet(bk->wb, "分类小计");
            sb_vol_groups_free(&gr);
            if (groups == NULL)
                return sb_error_set(err, SB_ERENDER, NULL,
                                    "cannot add a sheet");
        }
    }
    if (checks == NULL || overview == NULL)
        return sb_error_set(err, SB_ERENDER, NULL, "cannot add a sheet");
    rc = sb_xlsx_checks(bk, checks, err);
    for (int i = 0; i < d->form->n_annexes && rc == SB_OK; i++) {
        if (d->annexes[i].path != NULL)
            rc = sb_xlsx_annex(bk, i, &outs[i], err);
    }
    if (rc == SB_OK)
        rc = sb_xlsx_overview(bk, overview, outs, err);
    if (rc == SB_OK && groups != NULL)
        rc = sb_xlsx_groups(bk, groups, outs, err);
    return rc;
}

/* The data rows of the annexes the workbook lists. */
static long long annex_rows(const struct sb_decl *d)
{
    long long rows = 0;

    for (int i = 0; i < d->form->n_annexes; i++)
        if (d->annexes[i].path != NULL)
            rows += d->annexes[i].rows;
    return rows;
}

int sb_xlsx_write(const struct sb_decl *d, const char *path,
                  const struct sb_xlsx_opts *opts, struct sb_error *err)
{
    static const struct sb_xlsx_opts defaults = {0};
    struct sb_xlsx_book bk = {0};
    struct sb_xlsx_annex_out *outs = NULL;
    struct sb_progress *bar;
    struct sb_outfile o;
    lxw_workbook_options wo = {0};
    char *tmpdir = NULL;
    int rc;

    if (opts == NULL)
        opts = &defaults;
    rc = sb_outfile_reserve(&o, path, err);
    if (rc != SB_OK)
        return rc;
    tmpdir = opts->tmpdir ? sb_xstrdup(opts->tmpdir) : dir_of(path);
    wo.constant_memory = LXW_TRUE;
    wo.tmpdir = tmpdir;
    bk.d = d;
    bk.mask = opts->mask;
    bk.wb = workbook_new_opt(o.tmp, &wo);
    if (bk.wb != NULL) {
        outs = sb_xcalloc((size_t)d->form->n_annexes + 1, sizeof *outs);
        bk.bar = sb_progress_begin("工作簿", "行", annex_rows(d));
        rc = write_sheets(&bk, outs, err);
        sb_progress_end(bk.bar);
    }
    /* libxlsxwriter zips the sheets on close, saying nothing meanwhile */
    bar = sb_progress_begin("工作簿压缩", "", 0);
    rc = sb_xlsx_finish(bk.wb, rc, &o, path, err);
    sb_progress_end(bar);
    for (int i = 0; outs != NULL && i < d->form->n_annexes; i++) {
        free(outs[i].first_sheet);
        if (outs[i].grouped)
            sb_vol_groups_free(&outs[i].groups);
    }
    free(outs);
    free(tmpdir);
    return rc;
}
