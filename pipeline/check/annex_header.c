/* annex_header.c: names. Which annex a file is for, from its name
 * (sb_annex_match), and which column of the annex each cell of the
 * header row means (sb_annex_header_column), with the unit a money
 * column's header may name; the header row mapped to the columns, and
 * what is wrong with it, as findings. */
#include <stdlib.h>
#include <string.h>

#include "base/suggest.h"
#include "base/utf8.h"
#include "cells/money_unit.h"
#include "check/annex_int.h"

/* Strip a directory and a ".csv" suffix, then take the matching key. */
static void name_key(const char *name, struct sb_buf *key)
{
    const char *base = sb_path_base(name);
    size_t n = strlen(base);

    if (n > 4 && strcmp(base + n - 4, ".csv") == 0)
        n -= 4;
    sb_norm_key(base, n, key);
}

/* Does key contain k, with "附件1" not matching inside "附件12"? */
static size_t contains(const char *key, const char *k)
{
    size_t n = strlen(k);

    for (const char *p = strstr(key, k); p != NULL; p = strstr(p + 1, k)) {
        char next = p[n];

        if (!(n > 0 && k[n - 1] >= '0' && k[n - 1] <= '9' && next >= '0' &&
              next <= '9'))
            return n;
    }
    return 0;
}

int sb_annex_match(const struct sb_form *f, const char *name)
{
    struct sb_buf key = {0};
    int best = -1, tie = 0;
    size_t best_len = 0;

    name_key(name, &key);
    for (int i = 0; i < f->n_annexes; i++) {
        for (int k = 0; k < f->annexes[i].n_files; k++) {
            size_t n = contains(key.data, f->annexes[i].files[k]);

            if (n > best_len) {
                best_len = n;
                best = i;
                tie = 0;
            } else if (n > 0 && n == best_len && best != i) {
                tie = 1;
            }
        }
    }
    sb_buf_free(&key);
    return tie ? -1 : best;
}

int sb_annex_header_column(const struct sb_annex *a, const char *h,
                           double *unit)
{
    struct sb_buf key = {0};
    int found = -1;
    char *open;
    double yuan;

    *unit = 0;
    sb_norm_key(h, strlen(h), &key);
    for (int pass = 0; pass < 2 && found < 0; pass++) {
        for (int c = 0; c < a->n_cols && found < 0; c++) {
            for (int k = 0; k < a->cols[c].n_keys; k++) {
                if (strcmp(a->cols[c].keys[k], key.data) == 0) {
                    found = c;
                    break;
                }
            }
        }
        open = strrchr(key.data, '(');
        if (found >= 0 || open == NULL || key.data[key.len - 1] != ')')
            break;
        yuan = sb_money_unit_yuan(open + 1, strlen(open) - 2);
        if (yuan > 0)
            *unit = yuan;
        *open = '\0';
        key.len = (size_t)(open - key.data);
    }
    sb_buf_free(&key);
    return found;
}

/* The annex.unknown-column info for header field i, naming the form's
 * column it is closest to (a likely typo: 设备名 for 设备名称) when one is. */
static void unknown_column(struct reader *rd, int i)
{
    const struct sb_annex *a = rd->a;
    const char *h = rd->res->headers[i], *near;
    const char **known = sb_xcalloc((size_t)a->n_cols + 1, sizeof *known);
    struct sb_buf msg = {0};

    for (int c = 0; c < a->n_cols; c++)
        known[c] = a->cols[c].header;
    near = sb_suggest(h, known, (size_t)a->n_cols);
    sb_buf_printf(&msg, "表头中的这一列不是表单规定的列，已忽略");
    if (near != NULL)
        sb_buf_printf(&msg, "；最接近的规定列是“%s”，如是该列请改列名", near);
    annex_cell_finding(rd, NULL, i, SB_SEV_INFO, "annex.unknown-column", h,
                       near, h, msg.data, NULL);
    sb_buf_free(&msg);
    free(known);
}

void annex_map_header(struct reader *rd, const struct sb_record *rec)
{
    const struct sb_annex *a = rd->a;
    struct sb_annex_result *res = rd->res;

    res->n_headers = rec->n_fields;
    res->headers = sb_xcalloc((size_t)rec->n_fields + 1, sizeof *res->headers);
    for (int i = 0; i < rec->n_fields; i++) {
        const char *t;
        size_t n = sb_trim(rec->fields[i], rec->lens[i], &t);
        double unit;
        int c;

        res->headers[i] = sb_xstrndup(t, n);
        if (n == 0) {
            annex_cell_finding(rd, NULL, i, SB_SEV_WARNING,
                               "annex.blank-header", NULL, "列名", "（空）",
                               "表头有空列名，该列不参与核对", NULL);
            continue;
        }
        c = sb_annex_header_column(a, res->headers[i], &unit);
        if (c < 0) {
            unknown_column(rd, i);
            continue;
        }
        if (res->col_field[c] >= 0) {
            struct sb_buf msg = {0};

            sb_buf_printf(&msg, "与第%d列“%s”重复，都表示“%s”",
                          res->col_field[c] + 1,
                          res->headers[res->col_field[c]], a->cols[c].header);
            annex_cell_finding(rd, NULL, i, SB_SEV_ERROR,
                               "annex.duplicate-column", res->headers[i], NULL,
                               res->headers[i], msg.data, NULL);
            sb_buf_free(&msg);
            continue;
        }
        res->col_field[c] = i;
        if (unit > 0 && a->cols[c].type == SB_TYPE_MONEY)
            res->col_yuan[c] = unit;
    }
    for (int c = 0; c < a->n_cols; c++) {
        struct sb_buf msg = {0};

        if (res->col_field[c] >= 0 || !a->cols[c].required)
            continue;
        sb_buf_printf(&msg, "缺少必需的列“%s”", a->cols[c].header);
        annex_cell_finding(rd, NULL, 0, SB_SEV_ERROR, "annex.missing-column",
                           a->cols[c].header, a->cols[c].header, NULL, msg.data,
                           rd->source);
        sb_buf_free(&msg);
    }
}
