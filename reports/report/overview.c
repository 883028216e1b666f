/* overview.c: collect the overview page of each declaration (see
 * overview.h); overview_pdf.c typesets them. */
#include "report/overview.h"

#include <stdlib.h>
#include <string.h>

#include "check/decl.h"
#include "form/sections.h"
#include "report/narrative.h"
#include "volume/volume.h"

struct sb_overview *sb_overview_new(const char *title)
{
    struct sb_overview *o = sb_xcalloc(1, sizeof *o);

    o->title = title != NULL ? sb_xstrdup(title) : NULL;
    return o;
}

/* The messages of the first SB_OVERVIEW_ERRORS errors of fs, "；"
 * between them, and how many more; NULL when there is none. */
static char *problems(struct sb_findings *fs)
{
    long n, k = 0;
    const struct sb_finding *f = sb_findings_sorted(fs, &n);
    struct sb_buf b = {0};

    for (long i = 0; i < n; i++) {
        if (f[i].sev != SB_SEV_ERROR || f[i].accepted != NULL)
            continue;
        if (k++ < SB_OVERVIEW_ERRORS)
            sb_buf_printf(&b, "%s%s", k > 1 ? "；" : "", f[i].message);
    }
    if (k > SB_OVERVIEW_ERRORS)
        sb_buf_printf(&b, "；另有%ld个错误", k - SB_OVERVIEW_ERRORS);
    return k > 0 ? sb_buf_take(&b) : NULL;
}

/* The sections of d's edition with what its declaration.md writes. */
static int take_sections(struct sb_overview_page *p, const struct sb_decl *d,
                         struct sb_error *err)
{
    struct sb_sections *secs = NULL;
    struct sb_narrative *nar = NULL;
    int rc = sb_sections_load(&secs, d->form, err);

    if (rc == SB_OK)
        rc = sb_narrative_read(&nar, d->markdown, secs, NULL, err);
    if (rc == SB_OK && secs->n > 0) {
        p->secs = sb_xcalloc((size_t)secs->n, sizeof *p->secs);
        p->n_secs = secs->n;
    }
    for (int i = 0; rc == SB_OK && i < secs->n; i++) {
        const struct sb_narrative_part *part = sb_narrative_part(nar, i);
        struct sb_overview_section *s = &p->secs[i];

        s->heading = sb_xstrdup(secs->v[i].heading);
        s->limit = secs->v[i].limit;
        s->required = secs->v[i].required;
        s->written = part != NULL;
        s->words = part != NULL ? part->words : 0;
    }
    sb_narrative_free(nar);
    sb_sections_free(secs);
    return rc;
}

int sb_overview_add(struct sb_overview *o, const struct sb_decl *d,
                    const char *name, struct sb_findings *fs,
                    struct sb_error *err)
{
    struct sb_overview_page *p;
    const char *fsrc = sb_form_meta(d->form, "font_source");

    o->pages = sb_xrealloc(o->pages, (size_t)(o->n + 1) * sizeof *o->pages);
    p = &o->pages[o->n++];
    memset(p, 0, sizeof *p);
    p->dir = sb_xstrdup(d->dir);
    p->name = name != NULL ? sb_xstrdup(name) : NULL;
    p->edition = sb_xstrdup(sb_form_meta(d->form, "title")
                                ? sb_form_meta(d->form, "title")
                                : sb_form_meta(d->form, "code"));
    p->errors = sb_findings_count(fs, SB_SEV_ERROR);
    p->warnings = sb_findings_count(fs, SB_SEV_WARNING);
    p->problems = problems(fs);
    p->lists = d->form->n_annexes;
    for (int i = 0; i < d->form->n_annexes; i++)
        p->lists_found += d->annexes[i].path != NULL;
    {
        struct sb_volume_info plan;

        sb_evidence_plan(d, &plan);
        p->evidence = plan.n_items;
        sb_volume_info_free(&plan);
    }
    if (o->font_source == NULL && fsrc != NULL)
        o->font_source = sb_xstrdup(fsrc);
    return take_sections(p, d, err);
}

void sb_overview_free(struct sb_overview *o)
{
    if (o == NULL)
        return;
    for (int i = 0; i < o->n; i++) {
        struct sb_overview_page *p = &o->pages[i];

        for (int s = 0; s < p->n_secs; s++)
            free(p->secs[s].heading);
        free(p->secs);
        free(p->dir);
        free(p->name);
        free(p->edition);
        free(p->problems);
    }
    free(o->pages);
    free(o->title);
    free(o->font_source);
    free(o);
}
