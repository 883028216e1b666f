/* inspect.c: show how one CSV file is read (see inspect.h). */
#include "check/inspect.h"

#include <stdlib.h>
#include <string.h>

#include "cells/cell.h"
#include "cells/money_unit.h"
#include "check/check.h"
#include "read/csvin.h"
#include "read/table.h"
#include "form/form.h"
#include "rules/open.h"
#include "base/bookpath.h"
#include "base/json.h"
#include "form/typed.h"
#include "base/utf8.h"

/* The value s[0..len) of type (enumeration en, money in yuan 元 per
 * unit) as JSON: null when blank or 无, {"invalid", "why"} when it is not
 * one, else the value as read. in_form: read as form.csv is (cell.h). */
static void put_value(FILE *out, enum sb_type type, const struct sb_enum *en,
                      double yuan, int in_form, const char *s, size_t len)
{
    const char *t;
    size_t n = sb_trim(s, len, &t);
    struct sb_typed v;
    const char *why = NULL, *kind = NULL;
    char date[11];

    if (n == 0 || (type != SB_TYPE_TEXT && sb_cell_is_none(t, n))) {
        fputs("null", out);
        return;
    }
    if (!sb_typed_parse(type, en, yuan, in_form, t, n, &v, &why, &kind)) {
        fputs("{\"invalid\": ", out);
        sb_json_str(out, t, n);
        fputs(", \"why\": ", out);
        sb_json_cstr(out, why);
        fputc('}', out);
        return;
    }
    switch (type) {
    case SB_TYPE_INT:
    case SB_TYPE_DECIMAL:
    case SB_TYPE_MONEY:
    case SB_TYPE_PERCENT:
        fprintf(out, "%.15g", v.num);
        break;
    case SB_TYPE_DATE:
        sb_date_format(v.date, date);
        sb_json_cstr(out, date);
        break;
    case SB_TYPE_BOOL:
        fputs(v.num != 0 ? "true" : "false", out);
        break;
    case SB_TYPE_ENUM:
        sb_json_cstr(out, en->values[v.enum_idx].text);
        break;
    case SB_TYPE_ENUM_LIST: {
        int first = 1;

        fputc('[', out);
        for (int i = 0; i < en->n && i < 64; i++) {
            if (!((v.mask >> i) & 1))
                continue;
            fputs(first ? "" : ", ", out);
            sb_json_cstr(out, en->values[i].text);
            first = 0;
        }
        fputc(']', out);
        break;
    }
    default:
        sb_json_str(out, t, n);
    }
}

static void put_findings(FILE *out, struct sb_findings *fs)
{
    long n;
    const struct sb_finding *f = sb_findings_sorted(fs, &n);

    for (long i = 0; i < n; i++)
        fprintf(out, "# %s line %ld: %s [%s]\n",
                f[i].sev == SB_SEV_ERROR
                    ? "error"
                    : (f[i].sev == SB_SEV_WARNING ? "warning" : "info"),
                f[i].pos.line, f[i].message ? f[i].message : "", f[i].code);
}

/* How a column's money is read, into buf: ", 元", or ", 万元→元" when
 * the file writes it in another unit (yuan 元 each); "" for a column
 * that is not money. Returns buf. */
static const char *money_note(const struct sb_column *c, double yuan,
                              char *buf, size_t size)
{
    int u = sb_money_unit_index(yuan);

    if (c->type != SB_TYPE_MONEY)
        buf[0] = '\0';
    else if (u > 0)
        snprintf(buf, size, ", %s→%s", sb_money_units[u].name,
                 sb_money_units[0].name);
    else
        snprintf(buf, size, ", %s", sb_money_units[0].name);
    return buf;
}

/* inspect of a form.csv: the edition it is read as, then each declared
 * figure as a JSON line in form order, {"_row", "code", "label", "raw"
 * (as written), "value" (as read: 1,2３4 -> 1234; money in 元)}, then the
 * findings of reading it (those of check on form.csv alone). */
static int inspect_form(const char *path, const char *name,
                        const struct sb_inspect_opts *opts, FILE *out,
                        struct sb_error *err)
{
    struct sb_decl d = {0};
    struct sb_table *t = NULL;
    struct sb_pos pos;
    const char *named = NULL;
    int rc;

    d.findings = sb_findings_new(100);
    rc = sb_table_read(&t, path, d.findings, err);
    if (rc == SB_OK) {
        named = sb_figures_edition(t, &pos);
        rc = sb_form_open(&d.form,
                          opts->form != NULL             ? opts->form
                          : named != NULL && named[0] != '\0' ? named
                                                         : NULL,
                          err);
    }
    if (rc == SB_OK) {
        d.figs = sb_xcalloc((size_t)d.form->n_fields + 1, sizeof *d.figs);
        sb_figures_read(&d, t);
        fprintf(out, "# file: %s\n# form: %s\n", name,
                sb_form_meta(d.form, "code"));
        for (int i = 0; i < d.form->n_fields; i++) {
            const struct sb_field *fd = &d.form->fields[i];
            const struct sb_figure *g = &d.figs[i];

            if (g->raw == NULL)
                continue;
            fprintf(out, "{\"_row\": %ld, \"code\": ", g->pos.row);
            sb_json_cstr(out, fd->code);
            fputs(", \"label\": ", out);
            sb_json_cstr(out, fd->label);
            fputs(", \"raw\": ", out);
            sb_json_cstr(out, g->raw);
            fputs(", \"value\": ", out);
            put_value(out, fd->type, fd->en, fd->yuan_per_unit, 1, g->raw,
                      strlen(g->raw));
            fputs("}\n", out);
        }
        put_findings(out, d.findings);
    }
    for (int i = 0; d.figs != NULL && i < d.form->n_fields; i++)
        free(d.figs[i].raw);
    free(d.figs);
    sb_form_free(d.form);
    sb_table_free(t);
    sb_findings_free(d.findings);
    return rc;
}

int sb_inspect(const char *path, const struct sb_inspect_opts *opts,
               FILE *out, struct sb_error *err)
{
    struct sb_form *form = NULL;
    const struct sb_annex *a = NULL;
    struct sb_findings *fs = sb_findings_new(100);
    struct sb_csvin *in = NULL;
    struct sb_record *rec;
    int *col_of = NULL;   /* per file field: annex column or -1 */
    double *yuan = NULL;  /* per file field */
    char **names = NULL;  /* per file field: the header as written */
    int n_fields = 0, rc;
    long printed = 0, rows = 0;
    const char *name = opts->name != NULL ? opts->name : path;

    if (opts->annex == NULL && strcmp(sb_path_base(name), "form.csv") == 0) {
        sb_findings_free(fs);
        return inspect_form(path, name, opts, out, err);
    }

    rc = sb_form_open(&form, opts->form, err);
    if (rc != SB_OK)
        goto done;
    if (opts->annex != NULL) {
        a = sb_form_annex(form, opts->annex);
        if (a == NULL) {
            char *hint = sb_form_annex_hint(form, opts->annex, NULL);

            rc = sb_error_set(err, SB_EUSAGE, NULL,
                              "--annex %s: no such annex in form %s%s",
                              opts->annex, sb_form_meta(form, "code"), hint);
            free(hint);
            goto done;
        }
    } else {
        const char *sheet = NULL;
        int i = -1;

        /* a workbook's sheet is matched by its name, as check does */
        if (sb_book_kind(name, NULL, &sheet) != SB_BOOK_NONE && sheet != NULL)
            i = sb_annex_match(form, sheet);
        if (i < 0)
            i = sb_annex_match(form, name);

        a = i >= 0 ? &form->annexes[i] : NULL;
    }
    rc = sb_csvin_open(&in, path, NULL, fs, err);
    if (rc != SB_OK)
        goto done;
    fprintf(out, "# file: %s\n# encoding: %s\n", name,
            sb_encoding_name(sb_csvin_encoding(in)));
    if (a != NULL)
        fprintf(out, "# annex: 附件%d %s (%s), form %s\n", a->number,
                a->title, a->code, sb_form_meta(form, "code"));
    else
        fprintf(out, "# annex: none matched (use --annex CODE); "
                     "showing the fields as text\n");
    while ((rc = sb_csvin_next(in, &rec, err)) == SB_OK && rec != NULL) {
        if (col_of == NULL) {
            n_fields = rec->n_fields;
            col_of = sb_xcalloc((size_t)n_fields + 1, sizeof *col_of);
            yuan = sb_xcalloc((size_t)n_fields + 1, sizeof *yuan);
            names = sb_xcalloc((size_t)n_fields + 1, sizeof *names);
            fputs("# columns:\n", out);
            for (int i = 0; i < n_fields; i++) {
                const struct sb_column *c;
                double unit = 0;
                char money[32];

                names[i] = sb_xstrdup(rec->fields[i]);
                col_of[i] = a != NULL ? sb_annex_header_column(
                                            a, rec->fields[i], &unit)
                                      : -1;
                if (col_of[i] < 0) {
                    fprintf(out, "#   %d %s -> (not a column of the form: "
                                 "shown as text)\n",
                            i + 1, rec->fields[i]);
                    continue;
                }
                c = &a->cols[col_of[i]];
                yuan[i] = unit > 0 ? unit : c->yuan_per_unit;
                fprintf(out, "#   %d %s -> %s (%s%s%s%s)\n", i + 1,
                        rec->fields[i], c->code, sb_type_name(c->type),
                        money_note(c, yuan[i], money, sizeof money),
                        c->required ? ", required" : "",
                        c->unique ? ", unique" : "");
            }
            continue;
        }
        rows++;
        if (opts->max_rows >= 0 && printed >= opts->max_rows)
            continue;
        printed++;
        fprintf(out, "{\"_row\": %ld, \"_line\": %ld", rec->row, rec->line);
        for (int i = 0; i < n_fields; i++) {
            const char *text = i < rec->n_fields ? rec->fields[i] : "";
            size_t len = i < rec->n_fields ? rec->lens[i] : 0;

            fputs(", ", out);
            if (col_of[i] >= 0) {
                sb_json_cstr(out, a->cols[col_of[i]].code);
                fputs(": ", out);
                put_value(out, a->cols[col_of[i]].type, a->cols[col_of[i]].en,
                          yuan[i], 0, text, len);
            } else {
                sb_json_cstr(out, names[i]);
                fputs(": ", out);
                sb_json_str(out, text, len);
            }
        }
        if (rec->n_fields > n_fields)
            fprintf(out, ", \"_extra_fields\": %d", rec->n_fields - n_fields);
        fputs("}\n", out);
    }
    if (rc == SB_OK) {
        fprintf(out, "# %ld data rows", rows);
        if (printed < rows)
            fprintf(out, " (%ld printed)", printed);
        fputc('\n', out);
        put_findings(out, fs);
    }
done:
    sb_csvin_close(in);
    sb_findings_free(fs);
    sb_form_free(form);
    for (int i = 0; names != NULL && i < n_fields; i++)
        free(names[i]);
    free(names);
    free(col_of);
    free(yuan);
    return rc;
}
