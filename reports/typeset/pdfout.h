/* pdfout.h: the two passes and the PDF file. */
#ifndef SB_REPORTS_PDFOUT_H
#define SB_REPORTS_PDFOUT_H

#include "typeset/typeset_model.h"
#include "base/sb.h"

/* Run the measuring pass: where headings land, doc->pages; findings
 * go to doc's list. Returns SB_OK or the error a row source returned. */
int sb_ts_pdf_measure(struct sb_doc *doc, struct sb_error *err);
/* Run the measuring pass, then the drawing pass into a PDF at path (via a temporary file). */
int sb_ts_pdf_write(struct sb_doc *doc, const char *path,
                    struct sb_error *err);

#endif
