/* recommend_listed.c: the batch against the recommending department's
 * own 汇总表 (recommend.h, sb_recommend_reconcile): which declarations
 * it lists that the batch lacks, which it leaves out, and which of its
 * cells say otherwise than the declaration. */
#include <stdlib.h>
#include <string.h>

#include "base/bookpath.h"
#include "base/utf8.h"
#include "read/csvin.h"
#include "read/sheetin.h"
#include "xlsx/recommend_int.h"

/* What the reading of the department's table carries along. */
struct listed {
    const struct sb_recommend *r;
    struct sb_findings *fs;
    char *matched;  /* per entry: listed once already */
    int headers;    /* header rows found (序号 first) */
};

/* s's matching key (sb_norm_key) in b; NULL is "". */
static const char *key_of(const char *s, struct sb_buf *b)
{
    sb_norm_key(s != NULL ? s : "", s != NULL ? strlen(s) : 0, b);
    return b->data != NULL ? b->data : "";
}

static void add(struct listed *l, const struct sb_pos *pos,
                const char *column, const char *code, const char *expected,
                const char *found, const char *msg)
{
    sb_recommend_finding(l->fs, pos, column, SB_SEV_ERROR, code, expected,
                         found, msg, "shenbao：汇总表与申报书一致");
}

/* The header row rec: col[c] = its field of the summary's column c
 * (c >= 1), -1 when it has none. Returns whether rec is one (its first
 * field is 序号, as every 汇总表 of the notices begins). */
static int header_row(const struct listed *l, const struct sb_record *rec,
                      int *col)
{
    const struct sb_recommend *r = l->r;
    struct sb_buf a = {0}, b = {0};
    int yes = rec->n_fields > 0 &&
              strcmp(key_of(rec->fields[0], &a), key_of("序号", &b)) == 0;

    for (int c = 1; yes && c < r->n_cols; c++) {
        const char *want = key_of(r->columns[c], &a);

        col[c] = -1;
        for (int j = 1; j < rec->n_fields && col[c] < 0; j++)
            if (strcmp(want, key_of(rec->fields[j], &b)) == 0)
                col[c] = j;
    }
    sb_buf_free(&a);
    sb_buf_free(&b);
    return yes;
}

/* The entry named name (matching key), the first not listed yet if
 * any; -1 when none is so named. */
static int entry_named(const struct listed *l, const char *name)
{
    struct sb_buf a = {0}, b = {0};
    const char *want = key_of(name, &a);
    int at = -1;

    for (int i = 0; i < l->r->n && (at < 0 || l->matched[at]); i++)
        if (strcmp(want, key_of(l->r->entries[i].cells[1], &b)) == 0 &&
            (at < 0 || !l->matched[i]))
            at = i;
    sb_buf_free(&a);
    sb_buf_free(&b);
    return at;
}

/* Whether row rec has a value in a column of the table other than the
 * name and 序号. */
static int has_values(const struct listed *l, const struct sb_record *rec,
                      const int *col)
{
    for (int c = 2; c < l->r->n_cols; c++)
        if (col[c] >= 0 && col[c] < rec->n_fields &&
            rec->fields[col[c]][0] != '\0')
            return 1;
    return 0;
}

/* Data row rec of the table at path, whose columns are col: a
 * declaration of the batch, with each cell as the declaration has it. */
static void data_row(struct listed *l, const char *path,
                     const struct sb_record *rec, const int *col)
{
    const struct sb_recommend *r = l->r;
    const char *name = col[1] < rec->n_fields ? rec->fields[col[1]] : "";
    struct sb_pos pos = {path, rec->row, col[1] + 1, rec->line};
    struct sb_buf a = {0}, b = {0};
    int i;
    char *msg;

    if (*name == '\0' && !has_values(l, rec, col))
        return; /* a numbered row left blank, the note */
    i = *name != '\0' ? entry_named(l, name) : -1;
    if (i < 0) {
        msg = *name != '\0'
                  ? sb_xasprintf("汇总表列出的“%s”在本批次中没有申报书", name)
                  : sb_xasprintf("汇总表这一行没有填写%s，无法与申报书对应",
                                 r->columns[1]);
        add(l, &pos, r->columns[1], "batch.listed-absent", "本批次的申报书",
            *name != '\0' ? "（无）" : "（空）", msg);
        free(msg);
        return;
    }
    if (l->matched[i]) {
        msg = sb_xasprintf("汇总表重复列出了“%s”", name);
        add(l, &pos, r->columns[1], "batch.listed-twice", "列出一次",
            "重复列出", msg);
        free(msg);
        return;
    }
    l->matched[i] = 1;
    for (int c = 2; c < r->n_cols; c++) {
        const char *got = col[c] >= 0 && col[c] < rec->n_fields
                              ? rec->fields[col[c]]
                              : NULL;
        const char *exp = r->entries[i].cells[c] ? r->entries[i].cells[c]
                                                 : "";

        if (got == NULL ||
            strcmp(key_of(got, &a), key_of(exp, &b)) == 0)
            continue;
        pos.col = col[c] + 1;
        msg = sb_xasprintf("汇总表中“%s”的%s为“%s”，其申报书（%s）为“%s”",
                           name, r->columns[c], got, r->entries[i].form_path,
                           exp);
        add(l, &pos, r->columns[c], "batch.summary-differs", exp, got, msg);
        free(msg);
    }
    sb_buf_free(&a);
    sb_buf_free(&b);
}

/* Read the table at path (a CSV file, or a sheet read as a form: its
 * title above the table), each data row below each header row. */
static int read_table(struct listed *l, const char *path,
                      struct sb_error *err)
{
    struct sb_csvin_opts opts = {0};
    struct sb_csvin *in = NULL;
    struct sb_record *rec;
    int *col = sb_xcalloc((size_t)l->r->n_cols, sizeof *col);
    int in_table = 0, rc;

    opts.form = 1;
    rc = sb_csvin_open(&in, path, &opts, l->fs, err);
    while (rc == SB_OK && (rc = sb_csvin_next(in, &rec, err)) == SB_OK &&
           rec != NULL) {
        if (header_row(l, rec, col)) {
            in_table = col[1] >= 0;
            l->headers += in_table;
        } else if (in_table) {
            data_row(l, path, rec, col);
        }
    }
    sb_csvin_close(in);
    free(col);
    return rc;
}

/* Each sheet of the workbook at path, or the CSV file. */
static int read_tables(struct listed *l, const char *path,
                       struct sb_error *err)
{
    struct sb_book_sheet *sheets = NULL;
    int n = 0, rc;

    if (sb_book_kind(path, NULL, NULL) == SB_BOOK_NONE)
        return read_table(l, path, err);
    rc = sb_book_sheets(path, &sheets, &n, err);
    for (int i = 0; rc == SB_OK && i < n; i++) {
        char *sheet = sb_xasprintf("%s#%s", path, sheets[i].name);

        rc = read_table(l, sheet, err);
        free(sheet);
    }
    sb_book_sheets_free(sheets, n);
    return rc;
}

int sb_recommend_reconcile(const struct sb_recommend *r, const char *path,
                           struct sb_findings *fs, struct sb_error *err)
{
    struct listed l = {r, fs, sb_xcalloc((size_t)r->n + 1, 1), 0};
    int rc = read_tables(&l, path, err);

    if (rc == SB_OK && l.headers == 0) {
        struct sb_pos pos = {path, 1, 1, 1};
        char *msg = sb_xasprintf("汇总表中没有以“序号”开头、含“%s”列的表头，"
                                 "无法与申报书核对",
                                 r->columns[1]);

        add(&l, &pos, NULL, "batch.summary-header", r->columns[1], "（无）",
            msg);
        free(msg);
    }
    for (int i = 0; rc == SB_OK && l.headers > 0 && i < r->n; i++) {
        const struct sb_recommend_entry *e = &r->entries[i];
        struct sb_pos pos = e->name_pos;
        char *msg;

        if (l.matched[i])
            continue;
        if (pos.path == NULL)
            pos.path = e->form_path;
        msg = sb_xasprintf("“%s”有申报书，但不在推荐单位的汇总表（%s）中",
                           e->cells[1] ? e->cells[1] : e->dir, path);
        add(&l, &pos, r->columns[1], "batch.not-listed", "列入汇总表",
            "（未列入）", msg);
        free(msg);
    }
    free(l.matched);
    return rc;
}
