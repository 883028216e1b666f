/* pdfout.c: the two passes and the PDF file. The measuring pass finds
 * where headings land and how many pages each numbering sequence has;
 * the drawing pass writes through a Cairo PDF surface to the target
 * (sb_outfile: a temporary file renamed over it only when everything
 * succeeded). No creation date is written, so the same document gives
 * the same bytes. */
#include "typeset/pdfout.h"
#include "typeset/grid.h"
#include "typeset/layout.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/outfile.h"
#include "base/progress.h"

struct sink {
    FILE *f;
    int failed; /* errno of the first failed write, or 0 */
};

/* A failed write is remembered and the rest of the output dropped, but
 * Cairo is told all is well: Cairo 1.16's PDF surface, told of a write
 * error in the middle of a page, can crash in cairo_surface_finish
 * (a NULL memmove; seen with a file size limit). The caller reports
 * s->failed and removes the temporary file. */
static cairo_status_t write_cb(void *closure, const unsigned char *data,
                               unsigned int len)
{
    struct sink *s = closure;

    if (s->failed)
        return CAIRO_STATUS_SUCCESS;
    if (fwrite(data, 1, len, s->f) != len)
        s->failed = errno ? errno : EIO;
    return CAIRO_STATUS_SUCCESS;
}

int sb_ts_pdf_measure(struct sb_doc *doc, struct sb_error *err)
{
    struct ts_pass m = {0};
    int rc;

    m.doc = doc;
    m.err = err;
    doc->report = 1;
    doc->seen_label = NULL;
    rc = sb_ts_run_pass(&m);
    doc->report = 0;
    return rc;
}

static int draw(struct sb_doc *doc, struct sink *sink, struct sb_error *err)
{
    struct ts_pass d = {0};
    struct sb_grid g;
    int rc;

    sb_page_grid(&doc->ps, &g);
    d.doc = doc;
    d.err = err;
    d.draw = 1;
    d.set_w = g.paper_w;
    d.set_h = g.paper_h;
    d.surface = cairo_pdf_surface_create_for_stream(write_cb, sink, g.paper_w,
                                                    g.paper_h);
    cairo_pdf_surface_set_metadata(d.surface, CAIRO_PDF_METADATA_CREATE_DATE,
                                   "");
    cairo_pdf_surface_set_metadata(d.surface, CAIRO_PDF_METADATA_CREATOR,
                                   "shenbao " SB_VERSION);
    if (doc->title != NULL)
        cairo_pdf_surface_set_metadata(d.surface, CAIRO_PDF_METADATA_TITLE,
                                       doc->title);
    if (doc->author != NULL)
        cairo_pdf_surface_set_metadata(d.surface, CAIRO_PDF_METADATA_AUTHOR,
                                       doc->author);
    d.cr = cairo_create(d.surface);
    if (doc->progress != NULL)
        d.bar = sb_progress_begin(doc->progress, "页", doc->pages);
    rc = sb_ts_run_pass(&d);
    sb_progress_end(d.bar);
    if (rc == SB_OK && d.page != doc->pages)
        rc = sb_error_set(err, SB_ERENDER, NULL,
                          "typesetting: %d pages measured but %d drawn",
                          doc->pages, d.page);
    cairo_destroy(d.cr);
    cairo_surface_finish(d.surface);
    if (rc == SB_OK && sink->failed == 0 &&
        cairo_surface_status(d.surface) != CAIRO_STATUS_SUCCESS)
        rc = sb_error_set(err, SB_ERENDER, NULL, "cairo: %s",
                          cairo_status_to_string(
                              cairo_surface_status(d.surface)));
    cairo_surface_destroy(d.surface);
    return rc;
}

int sb_ts_pdf_write(struct sb_doc *doc, const char *path,
                    struct sb_error *err)
{
    struct sb_error local = {0};
    struct sb_outfile o;
    struct sink sink = {0};
    int rc;

    if (err == NULL)
        err = &local;
    rc = sb_ts_pdf_measure(doc, err);
    if (rc == SB_OK)
        rc = sb_outfile_open(&o, path, err);
    if (rc != SB_OK)
        return rc;
    sink.f = o.fp;
    rc = draw(doc, &sink, err);
    if (sink.failed)
        rc = sb_error_set(err, SB_EIO, NULL, "%s: cannot write: %s", path,
                          strerror(sink.failed));
    if (rc != SB_OK) {
        sb_outfile_abort(&o);
        return rc;
    }
    return sb_outfile_commit(&o, err);
}
