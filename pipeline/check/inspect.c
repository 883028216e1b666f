/* inspect.c: show how one CSV file is read (see inspect.h). */
#include "check/inspect.h"

#include <stdlib.h>
#include <string.h>

#include "cells/cell.h"
#include "cells/money_unit.h"
#include "check/check.h"
#include "read/csvin.h"
#include "form/form.h"
#include "rules/open.h"
#include "base/json.h"
#include "form/typed.h"
#include "base/utf8.h"

static void put_value(FILE *out, const struct sb_column *col, double yuan,
                      const char *s, size_t len)
{
    const char *t;
    size_t n = sb_trim(s, len, &t);
    struct sb_typed v;
    const char *why = NULL, *kind = NULL;
    char date[11];

    if (n == 0 || (col->type != SB_TYPE_TEXT && sb_cell_is_none(t, n))) {
        fputs("null", out);
        return;
    }
    if (!sb_typed_parse(col->type, col->en, yuan, 0, t, n, &v, &why,
                        &kind)) {
        fputs("{\"invalid\": ", out);
        sb_json_str(out, t, n);
        fputs(", \"why\": ", out);
        sb_json_cstr(out, why);
        fputc('}', out);
        return;
    }
    switch (col->type) {
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
        sb_json_cstr(out, col->en->values[v.enum_idx].text);
        break;
    case SB_TYPE_ENUM_LIST: {
        int first = 1;

        fputc('[', out);
        for (int i = 0; i < col->en->n && i < 64; i++) {
            if (!((v.mask >> i) & 1))
                continue;
            fputs(first ? "" : ", ", out);
            sb_json_cstr(out, col->en->values[i].text);
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
        int i = sb_annex_match(form, name);

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
                put_value(out, &a->cols[col_of[i]], yuan[i], text, len);
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
