/* report.c: the 申报书 (see report.h): the edition's report.md parsed
 * with cmark and walked block by block. Headings become the engine's
 * headings at their Markdown level (the form's own numbering is part of
 * their text), paragraphs are filled with the declared figures, and
 * ```shenbao-* fences are the generated parts (report_parts.c). */
#include "report/report.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/progress.h"
#include "chart/chart.h"
#include "form/sections.h"
#include "report/fill.h"
#include "report/narrative.h"
#include "report/report_evidence.h"
#include "report/report_md.h"
#include "report/report_parts.h"
#include "report/report_run.h"
#include "typeset/grid.h"
#include "typeset/typeset.h"

int sb_report_has_template(const struct sb_decl *d)
{
    char *path = sb_xasprintf("%s/report.md", sb_fill_form_dir(d));
    int ok = access(path, R_OK) == 0;

    free(path);
    return ok;
}

int sb_report_check(const struct sb_decl *d, struct sb_findings *findings,
                    struct sb_error *err)
{
    struct sb_sections *secs = NULL;
    struct sb_narrative *narr = NULL;
    int rc;

    if (!sb_report_has_template(d))
        return SB_OK;
    rc = sb_sections_load(&secs, sb_fill_form(d), err);
    if (rc == SB_OK)
        rc = sb_narrative_read(&narr, sb_fill_markdown(d), secs, findings,
                               err);
    sb_narrative_free(narr);
    sb_sections_free(secs);
    return rc;
}

static int read_file(const char *path, struct sb_buf *out,
                     struct sb_error *err)
{
    FILE *fp = fopen(path, "rb");
    char chunk[65536];
    size_t k;
    int rc = SB_OK;

    if (fp == NULL)
        return sb_error_set(err, SB_EIO, NULL, "cannot read %s: %s", path,
                            strerror(errno));
    while ((k = fread(chunk, 1, sizeof chunk, fp)) > 0)
        sb_buf_put(out, chunk, k);
    if (ferror(fp))
        rc = sb_error_set(err, SB_EIO, NULL, "cannot read %s: %s", path,
                          strerror(errno));
    fclose(fp);
    if (out->data == NULL)
        sb_buf_puts(out, "");
    return rc;
}

/* A heading of the template: its level, the form's numbering in its
 * text; level-1 parts start a page. */
static void heading(struct rp *r, cmark_node *n)
{
    struct sb_buf raw = {0}, text = {0};
    struct sb_error e = {0};
    struct sb_fill f = {r->d, r->fs, NULL};
    int level = cmark_node_get_heading_level(n);

    sb_rp_body(r);
    sb_narrative_text(n, cmark_node_next(n), &raw);
    while (raw.len > 0 && raw.data[raw.len - 1] == '\n')
        raw.data[--raw.len] = '\0';
    if (sb_fill_text(&f, raw.data, &text, &e) != SB_OK)
        sb_rp_template_error(r, cmark_node_get_start_line(n), e.msg);
    if (level > 4)
        level = 4;
    sb_doc_add_heading(r->doc, level, "", text.data,
                       level == 1 ? SB_HEADING_NEW_PAGE : 0);
    r->level = level;
    sb_rp_evidence_heading(r, text.data);
    free(r->where);
    r->where = sb_buf_take(&text);
    sb_buf_free(&raw);
}

/* A ```shenbao-KIND ARG fence. */
static void fence(struct rp *r, cmark_node *n)
{
    const char *info = cmark_node_get_fence_info(n);
    const char *lines = cmark_node_get_literal(n);
    long line = cmark_node_get_start_line(n);
    size_t k = strcspn(info, " \t");
    char *kind = sb_xstrndup(info, k);
    const char *arg = info + k;
    struct sb_buf msg = {0};

    arg += strspn(arg, " \t");
    if (lines == NULL)
        lines = "";
    if (strcmp(kind, "shenbao-cover") == 0)
        sb_rp_cover(r, lines, line);
    else if (strcmp(kind, "shenbao-pledge") == 0)
        sb_rp_pledge(r, lines, line);
    else if (strcmp(kind, "shenbao-toc") == 0)
        sb_rp_toc(r, lines);
    else if (strcmp(kind, "shenbao-table") == 0)
        sb_rp_table(r, arg, lines, line);
    else if (strcmp(kind, "shenbao-narrative") == 0)
        sb_rp_narrative(r, arg, line);
    else if (strcmp(kind, "shenbao-chart") == 0)
        sb_rp_chart(r, arg, line);
    else if (strcmp(kind, "shenbao-annex-list") == 0)
        sb_rp_annex_list(r, lines, line);
    else {
        sb_buf_printf(&msg, "unknown block \"%s\"", info);
        sb_rp_template_error(r, line, msg.data);
    }
    sb_buf_free(&msg);
    free(kind);
}

/* The headings at the top of the template root: the sections the
 * progress line counts. */
static long long count_headings(cmark_node *root)
{
    long long n = 0;

    for (cmark_node *c = cmark_node_first_child(root); c != NULL;
         c = cmark_node_next(c))
        n += cmark_node_get_type(c) == CMARK_NODE_HEADING;
    return n;
}

static void walk(struct rp *r, cmark_node *root)
{
    struct sb_progress *bar =
        sb_progress_begin("申报书", "节", count_headings(root));

    for (cmark_node *n = cmark_node_first_child(root);
         n != NULL && r->status == SB_OK; n = cmark_node_next(n)) {
        switch (cmark_node_get_type(n)) {
        case CMARK_NODE_HTML_BLOCK:
            break; /* the template's comments */
        case CMARK_NODE_HEADING:
            sb_progress_step(bar, 1);
            heading(r, n);
            break;
        case CMARK_NODE_CODE_BLOCK:
            if (strncmp(cmark_node_get_fence_info(n), "shenbao-", 8) == 0)
                fence(r, n);
            else
                sb_rp_blocks(r, n, cmark_node_next(n), r->level, 1, NULL);
            break;
        default:
            sb_rp_body(r);
            sb_rp_blocks(r, n, cmark_node_next(n), r->level, 1, NULL);
            break;
        }
    }
    sb_progress_end(bar);
}

static int setup(struct rp *r, const struct sb_decl *d,
                 struct sb_fonts *fonts, struct sb_findings *findings,
                 struct sb_error *err)
{
    const char *title = sb_fill_meta(d, "title");
    int rc;

    r->d = d;
    r->fonts = fonts;
    r->fs = findings;
    r->err = err;
    r->tpl_path = sb_xasprintf("%s/report.md", sb_fill_form_dir(d));
    rc = sb_sections_load(&r->secs, sb_fill_form(d), err);
    if (rc == SB_OK)
        rc = sb_narrative_read(&r->narr, sb_fill_markdown(d), r->secs, findings,
                               err);
    if (rc != SB_OK)
        return rc;
    sb_page_style_gbt9704(&r->body);
    r->plain = r->body;
    r->plain.number = SB_PAGE_NUMBER_NONE;
    r->doc = sb_doc_new(fonts, &r->plain);
    sb_doc_set_info(r->doc, title, sb_fill_role(d, "declarant"));
    sb_doc_set_progress(r->doc, "申报书排版");
    sb_doc_set_findings(r->doc, findings, sb_fill_meta(d, "font_source"));
    return SB_OK;
}

static void cleanup(struct rp *r)
{
    for (int i = 0; i < r->n_charts; i++)
        sb_chart_free(r->charts[i]);
    free(r->charts);
    sb_doc_free(r->doc);
    sb_narrative_free(r->narr);
    sb_sections_free(r->secs);
    free(r->tpl_path);
    free(r->where);
    free(r->label);
    sb_rp_evidence_free(r);
}

int sb_report_write(const struct sb_decl *d, const char *path,
                    struct sb_fonts *fonts, struct sb_findings *findings,
                    const struct sb_volume_list *vols, struct sb_error *err)
{
    struct rp r = {0};
    struct sb_buf tpl = {0};
    cmark_node *root = NULL;
    int rc;

    r.vols = vols;
    rc = setup(&r, d, fonts, findings, err);
    if (rc == SB_OK)
        rc = read_file(r.tpl_path, &tpl, err);
    if (rc == SB_OK) {
        root = cmark_parse_document(tpl.data, tpl.len,
                                    CMARK_OPT_VALIDATE_UTF8);
        walk(&r, root);
        sb_rp_body(&r); /* a template of front matter only */
        rc = r.status;
    }
    if (rc == SB_OK)
        rc = sb_doc_write_pdf(r.doc, path, err);
    if (root != NULL)
        cmark_node_free(root);
    sb_buf_free(&tpl);
    cleanup(&r);
    return rc;
}
