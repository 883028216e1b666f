/* sheetin_xlsx.c: .xlsx sheets (ECMA-376 SpreadsheetML) streamed: libzip
 * inflates a part as it is read and expat parses it as SAX events. The
 * sheet's parser is suspended at the end of every row (XML_StopParser,
 * resumable) and resumed for the next, so one row is held at a time. The
 * workbook part gives the sheets (name, state, relationship), its
 * relationships the part of each, the styles which cell formats are
 * dates or percents, and the shared strings their table, the only thing
 * held that grows with the workbook. */
#include <expat.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "read/sheetin_int.h"

#define CHUNK ((size_t)1 << 16) /* bytes inflated per read */

struct xlsx {
    zip_t *zip;
    zip_file_t *zf; /* the sheet's part */
    long long usize, uread; /* its inflated size, and bytes read */
    XML_Parser p;
    char *buf;
    int suspended, fed_final;
    char *sheet;    /* the sheet's name */

    /* shared strings: each NUL-terminated in sst at sst_off[i] */
    struct sb_buf sst;
    uint32_t *sst_off;
    long n_sst, cap_sst;

    unsigned char *xf_fmt; /* per cell format (s="i"): enum num_fmt */
    int n_xf;

    /* parse state */
    struct sb_sheetin *s;
    struct sb_buf cur; /* text of the <v> or <t> being read */
    int in_text, in_rph;
    int col, style, has_v, has_f;
    char type[12];
    long next_row;
};

/* The local name of an element or attribute ("x:c" -> "c"). */
static const char *local(const char *name)
{
    const char *c = strrchr(name, ':');

    return c != NULL ? c + 1 : name;
}

static const char *attr(const char **a, const char *name)
{
    for (; a[0] != NULL; a += 2) {
        if (strcmp(local(a[0]), name) == 0)
            return a[1];
    }
    return NULL;
}

static int is_true(const char *v)
{
    return v != NULL && (strcmp(v, "1") == 0 || strcmp(v, "true") == 0);
}

static int open_zip(zip_t **out, const char *file, struct sb_error *err)
{
    int ze = 0;

    *out = zip_open(file, ZIP_RDONLY, &ze);
    if (*out == NULL) {
        zip_error_t e;
        int rc = ze == ZIP_ER_OPEN || ze == ZIP_ER_READ || ze == ZIP_ER_NOENT
                     ? SB_EIO
                     : SB_EFORMAT;

        zip_error_init_with_code(&e, ze);
        sb_error_set(err, rc, NULL, "cannot open %s as an .xlsx workbook: %s",
                     file, zip_error_strerror(&e));
        zip_error_fini(&e);
        return rc;
    }
    return SB_OK;
}

/* Parse part `name` of zip through handlers with user data ud. A missing
 * part is SB_OK when !required. */
static int parse_part(zip_t *zip, const char *file, const char *name,
                      XML_StartElementHandler start, XML_EndElementHandler end,
                      XML_CharacterDataHandler text, void *ud, int required,
                      struct sb_error *err)
{
    zip_file_t *zf = zip_fopen(zip, name, 0);
    XML_Parser p;
    char *buf;
    int rc = SB_OK;

    if (zf == NULL)
        return required ? sb_error_set(err, SB_EFORMAT, NULL,
                                       "%s: not an .xlsx workbook (no %s)",
                                       file, name)
                        : SB_OK;
    p = XML_ParserCreate("UTF-8");
    buf = sb_xmalloc(CHUNK);
    XML_SetUserData(p, ud);
    XML_SetElementHandler(p, start, end);
    XML_SetCharacterDataHandler(p, text);
    for (;;) {
        zip_int64_t n = zip_fread(zf, buf, CHUNK);

        if (n < 0 || XML_Parse(p, buf, (int)(n < 0 ? 0 : n), n <= 0) ==
                         XML_STATUS_ERROR) {
            rc = sb_error_set(err, SB_EFORMAT, NULL,
                              "%s: %s line %lu: %s", file, name,
                              (unsigned long)XML_GetCurrentLineNumber(p),
                              n < 0 ? zip_strerror(zip)
                                    : XML_ErrorString(XML_GetErrorCode(p)));
            break;
        }
        if (n == 0)
            break;
    }
    free(buf);
    XML_ParserFree(p);
    zip_fclose(zf);
    return rc;
}

/* ---- the workbook: sheets, their parts, the date system ------------- */

struct book {
    struct sb_book_sheet *sheets;
    char **rids;
    int n;
    int date1904;
    /* relationships */
    char **rel_id, **rel_target;
    int n_rel;
    char *sst_part, *styles_part;
};

static void book_start(void *ud, const char *name, const char **a)
{
    struct book *b = ud;
    const char *el = local(name);

    if (strcmp(el, "sheet") == 0 && attr(a, "name") != NULL) {
        const char *state = attr(a, "state");
        const char *rid = attr(a, "id");

        b->sheets = sb_xrealloc(b->sheets, (size_t)(b->n + 1) * sizeof *b->sheets);
        b->rids = sb_xrealloc(b->rids, (size_t)(b->n + 1) * sizeof *b->rids);
        b->sheets[b->n].name = sb_xstrdup(attr(a, "name"));
        b->sheets[b->n].hidden = state != NULL && strcmp(state, "visible") != 0;
        b->rids[b->n] = sb_xstrdup(rid != NULL ? rid : "");
        b->n++;
    } else if (strcmp(el, "workbookPr") == 0) {
        b->date1904 = is_true(attr(a, "date1904"));
    }
}

static void no_end(void *ud, const char *name)
{
    (void)ud;
    (void)name;
}

/* A relationship's target as a part name: relative to xl/, or absolute. */
static char *part_name(const char *target)
{
    return target[0] == '/' ? sb_xstrdup(target + 1)
                            : sb_xasprintf("xl/%s", target);
}

static int ends(const char *s, const char *tail)
{
    size_t n = strlen(s), m = strlen(tail);

    return n >= m && strcmp(s + n - m, tail) == 0;
}

static void rels_start(void *ud, const char *name, const char **a)
{
    struct book *b = ud;
    const char *id = attr(a, "Id"), *target = attr(a, "Target");
    const char *type = attr(a, "Type");

    if (strcmp(local(name), "Relationship") != 0 || id == NULL ||
        target == NULL)
        return;
    if (type != NULL && ends(type, "/sharedStrings") && b->sst_part == NULL)
        b->sst_part = part_name(target);
    if (type != NULL && ends(type, "/styles") && b->styles_part == NULL)
        b->styles_part = part_name(target);
    b->rel_id = sb_xrealloc(b->rel_id, (size_t)(b->n_rel + 1) * sizeof(char *));
    b->rel_target =
        sb_xrealloc(b->rel_target, (size_t)(b->n_rel + 1) * sizeof(char *));
    b->rel_id[b->n_rel] = sb_xstrdup(id);
    b->rel_target[b->n_rel] = part_name(target);
    b->n_rel++;
}

static void book_free(struct book *b, int keep_sheets)
{
    for (int i = 0; i < b->n; i++)
        free(b->rids[i]);
    free(b->rids);
    if (!keep_sheets)
        sb_book_sheets_free(b->sheets, b->n);
    for (int i = 0; i < b->n_rel; i++) {
        free(b->rel_id[i]);
        free(b->rel_target[i]);
    }
    free(b->rel_id);
    free(b->rel_target);
    free(b->sst_part);
    free(b->styles_part);
}

static int read_book(zip_t *zip, const char *file, struct book *b,
                     struct sb_error *err)
{
    int rc;

    memset(b, 0, sizeof *b);
    rc = parse_part(zip, file, "xl/workbook.xml", book_start, no_end, NULL, b,
                    1, err);
    if (rc == SB_OK)
        rc = parse_part(zip, file, "xl/_rels/workbook.xml.rels", rels_start,
                        no_end, NULL, b, 1, err);
    if (rc == SB_OK && b->n == 0)
        rc = sb_error_set(err, SB_EFORMAT, NULL, "%s: the workbook has no sheet",
                          file);
    return rc;
}

int xlsx_sheets(const char *file, struct sb_book_sheet **out, int *n,
                struct sb_error *err)
{
    zip_t *zip;
    struct book b;
    int rc = open_zip(&zip, file, err);

    *out = NULL;
    *n = 0;
    if (rc != SB_OK)
        return rc;
    rc = read_book(zip, file, &b, err);
    if (rc == SB_OK) {
        *out = b.sheets;
        *n = b.n;
    }
    book_free(&b, rc == SB_OK);
    zip_discard(zip);
    return rc;
}

/* ---- shared strings and styles ---------------------------------------- */

static void sst_start(void *ud, const char *name, const char **a)
{
    struct xlsx *x = ud;
    const char *el = local(name);

    (void)a;
    if (strcmp(el, "si") == 0) {
        if (x->n_sst == x->cap_sst) {
            x->cap_sst = x->cap_sst ? 2 * x->cap_sst : 1024;
            x->sst_off = sb_xrealloc(x->sst_off,
                                     (size_t)x->cap_sst * sizeof *x->sst_off);
        }
        x->sst_off[x->n_sst++] = (uint32_t)x->sst.len;
    } else if (strcmp(el, "rPh") == 0) {
        x->in_rph = 1; /* phonetic guide: not the cell's text */
    } else if (strcmp(el, "t") == 0 && !x->in_rph) {
        x->in_text = 1;
    }
}

static void sst_end(void *ud, const char *name)
{
    struct xlsx *x = ud;
    const char *el = local(name);

    if (strcmp(el, "si") == 0)
        sb_buf_putc(&x->sst, '\0');
    else if (strcmp(el, "rPh") == 0)
        x->in_rph = 0;
    else if (strcmp(el, "t") == 0)
        x->in_text = 0;
}

static void sst_text(void *ud, const char *s, int len)
{
    struct xlsx *x = ud;

    if (x->in_text)
        sb_buf_put(&x->sst, s, (size_t)len);
}

/* Styles: <numFmts> maps custom ids to codes; <cellXfs> lists the cell
 * formats a cell's s="i" points at, each with its numFmtId. */
struct styles {
    struct xlsx *x;
    int *ids;
    char **codes;
    int n_codes;
    int in_xfs;
};

static void styles_start(void *ud, const char *name, const char **a)
{
    struct styles *st = ud;
    struct xlsx *x = st->x;
    const char *el = local(name);

    if (strcmp(el, "numFmt") == 0 && attr(a, "numFmtId") != NULL &&
        attr(a, "formatCode") != NULL) {
        st->ids = sb_xrealloc(st->ids, (size_t)(st->n_codes + 1) * sizeof(int));
        st->codes = sb_xrealloc(st->codes,
                                (size_t)(st->n_codes + 1) * sizeof(char *));
        st->ids[st->n_codes] = atoi(attr(a, "numFmtId"));
        st->codes[st->n_codes++] = sb_xstrdup(attr(a, "formatCode"));
    } else if (strcmp(el, "cellXfs") == 0) {
        st->in_xfs = 1;
    } else if (strcmp(el, "xf") == 0 && st->in_xfs) {
        const char *v = attr(a, "numFmtId");
        int id = v != NULL ? atoi(v) : 0;
        enum num_fmt f = sheet_format_id(id);

        for (int i = 0; i < st->n_codes; i++) {
            if (st->ids[i] == id)
                f = sheet_format_code(st->codes[i]);
        }
        x->xf_fmt = sb_xrealloc(x->xf_fmt, (size_t)x->n_xf + 1);
        x->xf_fmt[x->n_xf++] = (unsigned char)f;
    }
}

static void styles_end(void *ud, const char *name)
{
    struct styles *st = ud;

    if (strcmp(local(name), "cellXfs") == 0)
        st->in_xfs = 0;
}

/* ---- the sheet ---------------------------------------------------------- */

/* Column of a cell reference "AB12" (0-based), or -1. */
static int ref_col(const char *r)
{
    int c = 0, n = 0;

    for (; *r >= 'A' && *r <= 'Z' && n < 4; r++, n++)
        c = c * 26 + (*r - 'A' + 1);
    return n > 0 && n < 4 ? c - 1 : -1;
}

static void cell_end(struct xlsx *x)
{
    struct sb_sheetin *s = x->s;
    const char *t = x->type;
    const char *v = x->cur.data != NULL ? x->cur.data : "";

    if (x->has_v && x->cur.len == 0 && strcmp(t, "inlineStr") != 0 &&
        strcmp(t, "str") != 0)
        x->has_v = 0; /* <v></v>: no value */
    if (!x->has_v) {
        if (x->has_f)
            sheet_finding(s, "xlsx.formula-no-value", SB_SEV_ERROR, s->row,
                          x->col, "公式的计算结果", "（无缓存值）",
                          "公式没有计算结果（文件未经 Excel 计算保存），"
                          "按空单元格核对：请在 Excel 中打开并保存");
        return;
    }
    if (strcmp(t, "s") == 0) {
        char *end;
        long i = strtol(v, &end, 10);

        if (end == v || i < 0 || i >= x->n_sst) {
            sheet_finding(s, "xlsx.bad-string", SB_SEV_ERROR, s->row, x->col,
                          "共享字符串表中的序号", v,
                          "单元格指向不存在的共享字符串，按空单元格核对");
            return;
        }
        sheet_cell(s, x->col, x->sst.data + x->sst_off[i],
                   strlen(x->sst.data + x->sst_off[i]), SB_FIELD_TEXT);
    } else if (strcmp(t, "inlineStr") == 0 || strcmp(t, "str") == 0) {
        sheet_cell(s, x->col, v, x->cur.len, SB_FIELD_TEXT);
    } else if (strcmp(t, "b") == 0) {
        sheet_cell(s, x->col, v[0] == '1' ? "TRUE" : "FALSE",
                   v[0] == '1' ? 4 : 5, SB_FIELD_BOOL);
    } else if (strcmp(t, "e") == 0) {
        sheet_finding(s, "xlsx.error-value", SB_SEV_ERROR, s->row, x->col,
                      "数值或文本", v,
                      "单元格是 Excel 错误值，按空单元格核对");
    } else if (strcmp(t, "d") == 0) { /* ISO 8601 date */
        size_t n = x->cur.len;

        if (n > 10 && strcmp(v + 10, "T00:00:00") == 0)
            n = 10;
        sheet_cell(s, x->col, v, n, SB_FIELD_DATE);
    } else {
        char *end;
        double d = strtod(v, &end);
        enum num_fmt f = x->style >= 0 && x->style < x->n_xf
                             ? (enum num_fmt)x->xf_fmt[x->style]
                             : FMT_PLAIN;

        if (end == v) /* not a number after all: keep what is written */
            sheet_cell(s, x->col, v, x->cur.len, SB_FIELD_TEXT);
        else
            sheet_number(s, x->col, d, f);
    }
}

/* A merged range "A1:C1": only its top-left cell holds a value. */
static void merge_finding(struct xlsx *x, const char *ref)
{
    struct sb_sheetin *s = x->s;
    const char *p = ref;
    int col = ref_col(p);
    long row;
    struct sb_buf msg = {0};

    while (*p >= 'A' && *p <= 'Z')
        p++;
    row = strtol(p, NULL, 10);
    if (col < 0 || row <= 0 || s->ragged)
        return;
    if (s->width > 0 && row <= s->header_row) {
        sb_buf_printf(&msg, "表头有合并单元格 %s：合并区域只有左上角一格有"
                            "表头，其余各列按无表头处理", ref);
        sheet_finding(s, "xlsx.merged-header", SB_SEV_ERROR, row, col,
                      "每列一个表头单元格", ref, msg.data);
    } else {
        sb_buf_printf(&msg, "合并单元格 %s 只有左上角一格有值，其余单元格"
                            "按空值核对", ref);
        sheet_finding(s, "xlsx.merged-cells", SB_SEV_WARNING, row, col,
                      "每个单元格各自填写", ref, msg.data);
    }
    sb_buf_free(&msg);
}

static void sheet_start(void *ud, const char *name, const char **a)
{
    struct xlsx *x = ud;
    const char *el = local(name);

    if (strcmp(el, "c") == 0) {
        const char *r = attr(a, "r"), *t = attr(a, "t"), *st = attr(a, "s");
        int c = r != NULL ? ref_col(r) : -1;

        x->col = c >= 0 ? c : x->col + 1;
        snprintf(x->type, sizeof x->type, "%s", t != NULL ? t : "n");
        x->style = st != NULL ? atoi(st) : 0;
        x->has_v = x->has_f = 0;
        sb_buf_clear(&x->cur);
    } else if (strcmp(el, "v") == 0) {
        x->in_text = 1;
        sb_buf_clear(&x->cur);
    } else if (strcmp(el, "f") == 0) {
        x->has_f = 1;
    } else if (strcmp(el, "is") == 0) {
        sb_buf_clear(&x->cur);
    } else if (strcmp(el, "rPh") == 0) {
        x->in_rph = 1;
    } else if (strcmp(el, "t") == 0 && !x->in_rph) {
        x->in_text = 1;
    } else if (strcmp(el, "row") == 0) {
        const char *r = attr(a, "r");
        long row = r != NULL ? strtol(r, NULL, 10) : x->next_row;

        sheet_row_begin(x->s, row, is_true(attr(a, "hidden")));
        x->next_row = row + 1;
        x->col = -1;
    } else if (strcmp(el, "mergeCell") == 0 && attr(a, "ref") != NULL) {
        merge_finding(x, attr(a, "ref"));
    }
}

static void sheet_end(void *ud, const char *name)
{
    struct xlsx *x = ud;
    const char *el = local(name);

    if (strcmp(el, "v") == 0) {
        x->in_text = 0;
        x->has_v = 1;
    } else if (strcmp(el, "t") == 0) {
        x->in_text = 0;
    } else if (strcmp(el, "rPh") == 0) {
        x->in_rph = 0;
    } else if (strcmp(el, "is") == 0) {
        x->has_v = 1;
    } else if (strcmp(el, "c") == 0) {
        cell_end(x);
    } else if (strcmp(el, "row") == 0) {
        sheet_row_end(x->s);
        if (x->s->ready)
            XML_StopParser(x->p, XML_TRUE);
    }
}

static void sheet_text(void *ud, const char *s, int len)
{
    struct xlsx *x = ud;

    if (x->in_text)
        sb_buf_put(&x->cur, s, (size_t)len);
}

int xlsx_open(struct sb_sheetin *s, const char *file, const char *sheet,
              const char **resolved, struct sb_error *err)
{
    struct xlsx *x = sb_xcalloc(1, sizeof *x);
    struct book b;
    const char *part = NULL;
    int idx = -1, rc;
    zip_stat_t zs;

    s->x = x;
    x->s = s;
    x->next_row = 1;
    rc = open_zip(&x->zip, file, err);
    if (rc != SB_OK)
        return rc;
    rc = read_book(x->zip, file, &b, err);
    if (rc != SB_OK) {
        book_free(&b, 0);
        return rc;
    }
    for (int i = 0; i < b.n && idx < 0; i++) {
        if (sheet == NULL || strcmp(b.sheets[i].name, sheet) == 0)
            idx = i;
    }
    if (idx < 0) {
        rc = sb_error_set(err, SB_EFORMAT, NULL, "%s: no sheet named \"%s\"",
                          file, sheet);
        book_free(&b, 0);
        return rc;
    }
    for (int i = 0; i < b.n_rel; i++) {
        if (strcmp(b.rel_id[i], b.rids[idx]) == 0)
            part = b.rel_target[i];
    }
    s->date1904 = b.date1904;
    x->sheet = sb_xstrdup(b.sheets[idx].name);
    *resolved = x->sheet;
    s->path = sb_xasprintf("%s#%s", file, x->sheet);
    if (b.sheets[idx].hidden)
        sheet_finding(s, "xlsx.hidden-sheet", SB_SEV_WARNING, 0, 0, NULL,
                      x->sheet, "工作表在 Excel 中被隐藏，仍按清单核对");
    if (part == NULL)
        rc = sb_error_set(err, SB_EFORMAT, NULL,
                          "%s: sheet \"%s\" has no part", file, x->sheet);
    if (rc == SB_OK)
        rc = parse_part(x->zip, file,
                        b.sst_part ? b.sst_part : "xl/sharedStrings.xml",
                        sst_start, sst_end, sst_text, x, 0, err);
    if (rc == SB_OK) {
        struct styles st = {.x = x};

        rc = parse_part(x->zip, file,
                        b.styles_part ? b.styles_part : "xl/styles.xml",
                        styles_start, styles_end, NULL, &st, 0, err);
        for (int i = 0; i < st.n_codes; i++)
            free(st.codes[i]);
        free(st.codes);
        free(st.ids);
    }
    if (rc == SB_OK) {
        x->zf = zip_fopen(x->zip, part, 0);
        if (x->zf == NULL)
            rc = sb_error_set(err, SB_EFORMAT, NULL, "%s: no part %s", file,
                              part);
    }
    if (rc == SB_OK && zip_stat(x->zip, part, 0, &zs) == 0 &&
        (zs.valid & ZIP_STAT_SIZE))
        x->usize = (long long)zs.size;
    book_free(&b, 0);
    if (rc != SB_OK)
        return rc;
    x->in_text = x->in_rph = 0;
    x->p = XML_ParserCreate("UTF-8");
    x->buf = sb_xmalloc(CHUNK);
    XML_SetUserData(x->p, x);
    XML_SetElementHandler(x->p, sheet_start, sheet_end);
    XML_SetCharacterDataHandler(x->p, sheet_text);
    return SB_OK;
}

int xlsx_next(struct sb_sheetin *s, struct sb_error *err)
{
    struct xlsx *x = s->x;

    while (!s->ready && !s->done) {
        enum XML_Status st;

        if (x->suspended) {
            st = XML_ResumeParser(x->p);
        } else {
            zip_int64_t n = zip_fread(x->zf, x->buf, CHUNK);

            if (n < 0)
                return sb_error_set(err, SB_EFORMAT, NULL, "%s: %s", s->path,
                                    zip_file_strerror(x->zf));
            x->uread += n;
            x->fed_final = n == 0;
            st = XML_Parse(x->p, x->buf, (int)n, n == 0);
        }
        x->suspended = st == XML_STATUS_SUSPENDED;
        if (st == XML_STATUS_ERROR)
            return sb_error_set(err, SB_EFORMAT, NULL,
                                "%s: the sheet's XML, line %lu: %s", s->path,
                                (unsigned long)XML_GetCurrentLineNumber(x->p),
                                XML_ErrorString(XML_GetErrorCode(x->p)));
        if (st == XML_STATUS_OK && x->fed_final)
            s->done = 1;
    }
    s->share = x->usize > 0 ? (double)x->uread / (double)x->usize : 0;
    return SB_OK;
}

void xlsx_close(struct xlsx *x)
{
    if (x == NULL)
        return;
    if (x->p != NULL)
        XML_ParserFree(x->p);
    if (x->zf != NULL)
        zip_fclose(x->zf);
    if (x->zip != NULL)
        zip_discard(x->zip);
    free(x->buf);
    free(x->sheet);
    sb_buf_free(&x->sst);
    sb_buf_free(&x->cur);
    free(x->sst_off);
    free(x->xf_fmt);
    free(x);
}
