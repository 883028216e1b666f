/* fuzz_markdown.c: libFuzzer target for declaration.md as the 申报书
 * sets it: the input is parsed as the narrative (report/narrative.c, no
 * sections, so every heading is outside them), its blocks are walked as
 * body text (report/report_md.c: lists, quotes, emphasis, raw HTML,
 * images, as the template's: no declaration directory) and the document
 * is typeset into a PDF that is then removed. Any crash, leak or
 * sanitizer report is a bug. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "report/narrative.h"
#include "report/report_md.h"
#include "typeset/fonts.h"
#include "typeset/grid.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct sb_fonts *fonts;
    struct sb_sections none = {0};
    struct sb_findings *fs = sb_findings_new(8);
    struct sb_error err = {0};
    struct rp r = {0};
    char path[] = "/tmp/fuzz_markdown_XXXXXX";
    int fd;

    if (fonts == NULL && sb_fonts_new(&fonts, NULL, &err) != SB_OK)
        abort();
    r.fonts = fonts;
    r.fs = fs;
    r.err = &err;
    r.narr = sb_narrative_parse((const char *)data, size, "declaration.md",
                                &none, fs);
    sb_page_style_gbt9704(&r.body);
    r.doc = sb_doc_new(fonts, &r.body);
    sb_doc_set_findings(r.doc, fs, NULL);
    sb_rp_blocks(&r, cmark_node_first_child(r.narr->doc), NULL, 1, 0, NULL);
    fd = mkstemp(path);
    if (fd >= 0) {
        close(fd);
        sb_doc_write_pdf(r.doc, path, &err);
        unlink(path);
    }
    sb_doc_free(r.doc);
    sb_narrative_free(r.narr);
    sb_findings_free(fs);
    return 0;
}
