/* pdfout.h: the two passes and the PDF file. */
#ifndef SB_REPORTS_PDFOUT_H
#define SB_REPORTS_PDFOUT_H

#include "typeset/typeset_model.h"
#include "base/sb.h"

/* Run the drawing pass into a PDF at path (via a temporary file). */
int sb_ts_pdf_write(struct sb_doc *doc, const char *path,
                    struct sb_error *err);

#endif
