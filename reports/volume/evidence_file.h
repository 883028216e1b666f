/* evidence_file.h: one evidence file (PDF, PNG or JPEG): what it is,
 * the natural size of each of its pages, and drawing a page into a box
 * of the evidence volume. Used by evidence.c only.
 *
 * PDF pages are drawn by poppler onto the volume's Cairo PDF surface,
 * so they stay vectors (text stays text); PNG images are decoded by
 * Cairo and placed at their pixel size; a JPEG is never decoded: its
 * bytes are attached to a blank image surface as CAIRO_MIME_TYPE_JPEG,
 * which the Cairo PDF surface embeds as is (DCTDecode, no
 * re-encoding). */
#ifndef SB_REPORTS_EVIDENCE_FILE_H
#define SB_REPORTS_EVIDENCE_FILE_H

#include <cairo.h>

#include "base/sb.h"

enum sb_ev_kind {
    SB_EV_PDF,
    SB_EV_PNG,
    SB_EV_JPEG,
};

/* Images without a resolution are taken as 96 dpi (screenshots). */
#define SB_EV_DEFAULT_DPI 96.0

struct sb_ev_file {
    char *path; /* owned */
    enum sb_ev_kind kind;
    int n_pages;   /* 1 for images */
    double *w, *h; /* natural size of each page, pt */
    void *pdf;     /* PopplerDocument while drawing, or NULL */
};

/* The kind a file name's extension claims (.pdf .png .jpg .jpeg, any
 * case); -1 when it is none of them. */
int sb_ev_kind_of(const char *name);

/* Open path as kind and find its pages and their sizes into *f (path
 * copied). Returns SB_OK, or SB_EIO with err->msg saying why in Chinese
 * (cannot be opened, not a PDF/PNG/JPEG, encrypted, no page …); *f is
 * then empty. Free with sb_ev_file_fini. */
int sb_ev_file_probe(struct sb_ev_file *f, const char *path,
                     enum sb_ev_kind kind, struct sb_error *err);

/* Draw page page (0-based) of f scaled into w × h pt at cr's origin.
 * A PDF stays open between calls (pages are drawn in order) until
 * sb_ev_file_close. Returns SB_OK, or SB_EIO with err when the file
 * can no longer be read (nothing is drawn). */
int sb_ev_file_draw(struct sb_ev_file *f, int page, cairo_t *cr, double w,
                    double h, struct sb_error *err);

/* Close what drawing opened. */
void sb_ev_file_close(struct sb_ev_file *f);

void sb_ev_file_fini(struct sb_ev_file *f);

#endif
