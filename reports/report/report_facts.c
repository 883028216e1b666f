/* report_facts.c: the narrative against the data (report_facts.h). */
#include "report/report_facts.h"

#include <stdlib.h>
#include <string.h>

#include "report/fill.h"

struct names {
    char **v; /* the list's values, or NULL when unread */
    char *what; /* the column as the form names it */
    int n;    /* their count; -1: no such list */
};

static void add(struct rp *r, const char *code, long line, int s,
                const char *expected, const char *found, const char *msg)
{
    sb_narrative_finding(r->narr, r->fs, SB_SEV_WARNING, code, line,
                         r->secs->v[s].source, expected, found, msg);
}

static void figures(struct rp *r, const char *text, long line, int s)
{
    struct sb_fill_quote *q;
    int n = sb_fill_quotes(r->d, text, &q);

    for (int i = 0; i < n; i++) {
        char *msg = sb_xasprintf("“%s”写“%s”，与 form.csv 申报的%s“%s”不符",
                                 r->secs->v[s].heading, q[i].quoted,
                                 q[i].label, q[i].declared);

        add(r, "report.figure-differs", line, s, q[i].declared, q[i].quoted,
            msg);
        free(msg);
    }
    sb_fill_quotes_free(q, n);
}

/* Each name text quotes in “…” or 《…》 that the list does not hold. */
static void names(struct rp *r, const char *text, long line, int s,
                  struct names *nm)
{
    static const char *const open[] = {"“", "《"}, *const close[] = {"”",
                                                                   "》"};
    const char *ref = r->secs->v[s].names;

    if (nm->v == NULL && nm->n == 0)
        nm->n = sb_fill_column_values(r->d, ref, &nm->v, &nm->what);
    if (nm->n < 0)
        return; /* no list: the check reports it missing */
    for (int k = 0; k < 2; k++) {
        for (const char *p = strstr(text, open[k]); p != NULL;
             p = strstr(p, open[k])) {
            const char *a = p + strlen(open[k]);
            const char *b = strstr(a, close[k]);
            char *name;
            int found = 0;

            if (b == NULL)
                break;
            name = sb_xstrndup(a, (size_t)(b - a));
            for (int i = 0; i < nm->n && !found; i++)
                found = strcmp(nm->v[i], name) == 0;
            if (!found && name[0] != '\0') {
                char *msg = sb_xasprintf(
                    "“%s”提到的“%s”不在%s中：叙述与清单不一致",
                    r->secs->v[s].heading, name, nm->what);

                add(r, "report.name-unknown", line, s, nm->what, name, msg);
                free(msg);
            }
            free(name);
            p = b;
        }
    }
}

void sb_rp_narrative_facts(struct rp *r, int s,
                           const struct sb_narrative_part *part)
{
    struct names nm = {NULL, NULL, 0};

    for (cmark_node *b = part->first; b != NULL && b != part->end;
         b = cmark_node_next(b)) {
        struct sb_buf t = {0};
        long line = cmark_node_get_start_line(b);

        sb_narrative_text(b, cmark_node_next(b), &t);
        if (t.data != NULL) {
            figures(r, t.data, line, s);
            if (r->secs->v[s].names != NULL)
                names(r, t.data, line, s, &nm);
        }
        sb_buf_free(&t);
    }
    for (int i = 0; i < nm.n; i++)
        free(nm.v[i]);
    free(nm.v);
    free(nm.what);
}
