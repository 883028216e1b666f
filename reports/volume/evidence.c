/* evidence.c: the evidence volume (证明材料, the materials a notice asks
 * for after the 申报书), see volume.h.
 *
 * Which files, in which order:
 * - without DIR/evidence/index.csv: every PDF, PNG and JPEG file
 *   directly in DIR/evidence/, in name order with numbers compared as
 *   numbers ("2-…" before "10-…"), each titled by its name without the
 *   extension and without a leading number ("01-软件著作权登记证书.pdf"
 *   → 软件著作权登记证书);
 * - with index.csv (columns 标题 and 文件, any encoding csvin reads):
 *   its rows in order, 文件 relative to DIR/evidence/ (subfolders
 *   allowed), 标题 as written (empty: from the name). A file of the
 *   folder the index does not name is a warning "evidence.unlisted" and
 *   follows the listed ones in name order, so nothing is dropped in
 *   silence; a named file that does not exist is an error
 *   "evidence.missing", one named twice a warning "evidence.duplicate".
 * Other files are a warning "evidence.unsupported"; hidden files are
 * ignored. A file that cannot be read as what its extension says is an
 * error "evidence.unreadable" and is left out; the items are numbered
 * 证明材料1, 2, … in the order placed.
 *
 * Each item starts a page under its heading; its pages are scaled by
 * one factor (at most 1: never enlarged) so that each fits the 版心
 * below the heading, and framed by a thin grey rule. */
#include "typeset/typeset.h"
#include "volume/volume_int.h"
#include "base/inside.h"

#include <ctype.h>
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "read/csvin.h"
#include "volume/evidence_file.h"
#include "base/utf8.h"

struct item {
    char *name;  /* path under DIR/evidence/ */
    char *title; /* as printed after "证明材料N " */
    char *indicators; /* index.csv 指标 as written, or NULL */
    int annex;   /* index.csv 附件 number, 0: by the title's words */
    const struct sb_material *material; /* filed under, or NULL */
    long row;    /* row in index.csv, 0 when not listed */
    int kind;    /* enum sb_ev_kind */
    struct sb_ev_file file;
    int heading; /* heading id */
};

struct page {
    struct ev *ev;
    struct item *it;
    int page; /* 0-based page of it->file */
};

struct ev {
    struct sb_findings *fs;
    const struct sb_vol_evidence_cite *cite;
    char *dir;   /* DIR/evidence */
    char *index; /* DIR/evidence/index.csv */
    struct item *items;
    int n, cap;
};

static void finding(struct ev *ev, const char *code, enum sb_severity sev,
                    const char *path, long row, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

static void finding(struct ev *ev, const char *code, enum sb_severity sev,
                    const char *path, long row, const char *fmt, ...)
{
    struct sb_finding f = {0};
    struct sb_buf msg = {0}, shown = {0}, where = {0};
    va_list ap;

    va_start(ap, fmt);
    sb_buf_vprintf(&msg, fmt, ap);
    va_end(ap);
    /* file names need not be UTF-8: their other bytes shown as \xFF */
    sb_utf8_escape(msg.data, msg.len, &shown);
    sb_utf8_escape(path, strlen(path), &where);
    f.code = code;
    f.sev = sev;
    f.pos.path = where.data;
    f.pos.row = row;
    f.annex = "证明材料";
    f.source = ev->cite->list;
    f.message = shown.data;
    sb_findings_add(ev->fs, &f);
    sb_buf_free(&msg);
    sb_buf_free(&shown);
    sb_buf_free(&where);
}

static struct item *add_item(struct ev *ev, const char *name, long row)
{
    struct item *it;

    if (ev->n == ev->cap) {
        ev->cap = ev->cap ? ev->cap * 2 : 16;
        ev->items = sb_xrealloc(ev->items, (size_t)ev->cap * sizeof *it);
    }
    it = &ev->items[ev->n++];
    memset(it, 0, sizeof *it);
    it->name = sb_xstrdup(name);
    it->row = row;
    it->kind = sb_ev_kind_of(name);
    return it;
}

/* Compare names with runs of ASCII digits compared as numbers. */
static int natural_cmp(const char *a, const char *b)
{
    while (*a && *b) {
        if (isdigit((unsigned char)*a) && isdigit((unsigned char)*b)) {
            const char *ea, *eb;
            size_t la, lb;
            int c;

            while (*a == '0' && isdigit((unsigned char)a[1]))
                a++;
            while (*b == '0' && isdigit((unsigned char)b[1]))
                b++;
            for (ea = a; isdigit((unsigned char)*ea); ea++)
                ;
            for (eb = b; isdigit((unsigned char)*eb); eb++)
                ;
            la = (size_t)(ea - a);
            lb = (size_t)(eb - b);
            if (la != lb)
                return la < lb ? -1 : 1;
            c = strncmp(a, b, la);
            if (c != 0)
                return c;
            a = ea;
            b = eb;
            continue;
        }
        if (*a != *b)
            return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
        a++;
        b++;
    }
    return *a ? 1 : *b ? -1 : 0;
}

static int cmp_names(const void *x, const void *y)
{
    int c = natural_cmp(*(char *const *)x, *(char *const *)y);

    return c != 0 ? c : strcmp(*(char *const *)x, *(char *const *)y);
}

/* The title a file name gives: no folder, no extension, no leading
 * number with its separator ("01-", "3.", "2、", "(1)"); bytes of the
 * name that are not UTF-8 shown as \xFF (sb_utf8_escape). */
static char *title_of(const char *name)
{
    const char *base = sb_path_base(name), *dot, *p;
    struct sb_buf t = {0};
    size_t n;

    dot = strrchr(base, '.');
    n = dot != NULL && dot > base ? (size_t)(dot - base) : strlen(base);
    p = base;
    if (*p == '(')
        p++;
    if (isdigit((unsigned char)*p)) {
        while (isdigit((unsigned char)*p))
            p++;
        if (*p == '-' || *p == '_' || *p == '.' || *p == ' ' || *p == ')')
            p++;
        else if (strncmp(p, "、", 3) == 0 || strncmp(p, "）", 3) == 0)
            p += 3;
        else
            p = base;
        while (*p == ' ')
            p++;
        if (p - base >= (long)n)
            p = base;
    } else {
        p = base;
    }
    sb_utf8_escape(p, n - (size_t)(p - base), &t);
    return t.data != NULL ? t.data : sb_xstrdup("");
}

/* Sorted names of the folder's regular files (not hidden, not the
 * index); folders are reported. */
static char **list_dir(struct ev *ev, int *count)
{
    DIR *dir = opendir(ev->dir);
    struct dirent *de;
    char **v = NULL;
    int n = 0;

    *count = 0;
    if (dir == NULL)
        return NULL;
    while ((de = readdir(dir)) != NULL) {
        char *path;
        enum sb_inside r;

        if (de->d_name[0] == '.' || strcasecmp(de->d_name, "index.csv") == 0)
            continue;
        path = sb_xasprintf("%s/%s", ev->dir, de->d_name);
        r = sb_inside(ev->cite->root, path, ev->cite->links_out, NULL);
        if (r == SB_INSIDE_OK) {
            v = sb_xrealloc(v, (size_t)(n + 1) * sizeof *v);
            v[n++] = sb_xstrdup(de->d_name);
        } else if (r == SB_INSIDE_LINK_OUT || r == SB_INSIDE_OUTSIDE) {
            finding(ev, "input.link-outside", SB_SEV_ERROR, path, 0,
                    "证明材料“%s”%s", de->d_name, sb_inside_reason(r));
        } else {
            finding(ev, "evidence.unsupported", SB_SEV_WARNING, path, 0,
                    "证明材料目录中的“%s”不是文件，未放入证明材料卷",
                    de->d_name);
        }
        free(path);
    }
    closedir(dir);
    if (n > 0)
        qsort(v, (size_t)n, sizeof *v, cmp_names);
    *count = n;
    return v;
}

/* Field index of the header whose key is one of keys, or -1. */
static int header_field(const struct sb_record *rec, const char *const *keys)
{
    struct sb_buf k = {0};
    int found = -1;

    for (int f = 0; f < rec->n_fields && found < 0; f++) {
        sb_norm_key(rec->fields[f], rec->lens[f], &k);
        for (int i = 0; keys[i] != NULL; i++)
            if (strcmp(k.data, keys[i]) == 0)
                found = f;
    }
    sb_buf_free(&k);
    return found;
}

/* A field trimmed, as a new string. */
static char *trimmed(const struct sb_record *rec, int f)
{
    const char *s;
    size_t n;

    if (f < 0 || f >= rec->n_fields)
        return sb_xstrdup("");
    n = sb_trim(rec->fields[f], rec->lens[f], &s);
    return sb_xstrndup(s, n);
}

static int listed(const struct ev *ev, const char *name)
{
    for (int i = 0; i < ev->n; i++)
        if (strcmp(ev->items[i].name, name) == 0)
            return 1;
    return 0;
}

/* The items index.csv lists; returns 0 when it could not be used. */
static int read_index(struct ev *ev)
{
    static const char *const title_keys[] = {"标题", "名称", "材料名称",
                                             "证明材料", NULL};
    static const char *const file_keys[] = {"文件", "文件名", "文件路径", NULL};
    static const char *const ind_keys[] = {"指标", "证明指标", "对应指标", NULL};
    static const char *const annex_keys[] = {"附件", "所属附件", NULL};
    struct sb_csvin *in = NULL;
    struct sb_record *rec;
    struct sb_error e = {0};
    int ft, ff, fi = -1, fa = -1;

    if (sb_csvin_open(&in, ev->index, NULL, ev->fs, &e) != SB_OK) {
        finding(ev, "evidence.index", SB_SEV_ERROR, ev->index, 0,
                "证明材料清单无法读取（%s），按文件名排序", e.msg);
        return 0;
    }
    ft = ff = -1;
    if (sb_csvin_next(in, &rec, &e) == SB_OK && rec != NULL) {
        ft = header_field(rec, title_keys);
        ff = header_field(rec, file_keys);
        fi = header_field(rec, ind_keys);
        fa = header_field(rec, annex_keys);
    }
    if (ft < 0 || ff < 0) {
        finding(ev, "evidence.index", SB_SEV_ERROR, ev->index, 1,
                "证明材料清单应有“标题”和“文件”两列，按文件名排序");
        sb_csvin_close(in);
        return 0;
    }
    while (sb_csvin_next(in, &rec, &e) == SB_OK && rec != NULL) {
        char *file = trimmed(rec, ff), *title = trimmed(rec, ft);
        char *path = sb_xasprintf("%s/%s", ev->dir, file);
        enum sb_inside r = sb_inside(ev->cite->root, path,
                                     ev->cite->links_out, NULL);
        struct item *it;

        if (file[0] == '\0' && title[0] == '\0') {
            /* an empty row */
        } else if (r != SB_INSIDE_OK && r != SB_INSIDE_MISSING) {
            finding(ev, r == SB_INSIDE_NOT_REGULAR ? "input.not-regular"
                                                   : "input.link-outside",
                    SB_SEV_ERROR, ev->index, rec->row,
                    "证明材料清单所列“%s”%s", file, sb_inside_reason(r));
        } else if (r == SB_INSIDE_MISSING) {
            struct sb_finding f = {0};

            f.code = "evidence.missing";
            f.sev = SB_SEV_ERROR;
            f.pos.path = ev->index;
            f.pos.row = rec->row;
            f.annex = "证明材料";
            f.found = file;
            f.source = ev->cite->missing;
            sb_findings_addf(ev->fs, &f,
                             "证明材料清单所列文件“%s”在 evidence 目录中不存在",
                             file);
        } else if (listed(ev, file)) {
            finding(ev, "evidence.duplicate", SB_SEV_WARNING, ev->index,
                    rec->row, "证明材料清单再次列出“%s”，只放入一次", file);
        } else {
            char *ind = trimmed(rec, fi), *annex = trimmed(rec, fa);

            it = add_item(ev, file, rec->row);
            it->title = title[0] ? sb_xstrdup(title) : title_of(file);
            it->indicators = ind[0] != '\0' ? ind : NULL;
            if (ind[0] == '\0')
                free(ind);
            it->annex = atoi(annex + strcspn(annex, "0123456789"));
            if (annex[0] != '\0' && ev->cite->materials != NULL &&
                sb_materials_file(ev->cite->materials, "", it->annex) ==
                    NULL) {
                finding(ev, "evidence.index", SB_SEV_WARNING, ev->index,
                        rec->row,
                        "证明材料清单的附件“%s”不是材料清单所列附件，按标题归档",
                        annex);
                it->annex = 0;
            }
            free(annex);
        }
        free(file);
        free(title);
        free(path);
    }
    sb_csvin_close(in);
    return 1;
}

/* The items in order (see the top of this file). */
static void collect(struct ev *ev)
{
    struct stat st;
    int n_names, indexed = 0;
    char **names = list_dir(ev, &n_names);

    if (stat(ev->index, &st) == 0)
        indexed = read_index(ev);
    for (int i = 0; i < n_names; i++) {
        char *path = sb_xasprintf("%s/%s", ev->dir, names[i]);

        if (indexed && listed(ev, names[i])) {
            /* placed where the index puts it */
        } else if (sb_ev_kind_of(names[i]) < 0) {
            finding(ev, "evidence.unsupported", SB_SEV_WARNING, path, 0,
                    "“%s”不是 PDF、PNG 或 JPEG 文件，未放入证明材料卷",
                    names[i]);
        } else {
            if (indexed)
                finding(ev, "evidence.unlisted", SB_SEV_WARNING, path, 0,
                        "“%s”未列入证明材料清单 index.csv，排在所列材料之后",
                        names[i]);
            add_item(ev, names[i], 0)->title = title_of(names[i]);
        }
        free(path);
        free(names[i]);
    }
    free(names);
}

/* Probe every item; the unreadable ones are reported and dropped. */
static void probe_all(struct ev *ev)
{
    int k = 0;

    for (int i = 0; i < ev->n; i++) {
        struct item *it = &ev->items[i];
        char *path = sb_xasprintf("%s/%s", ev->dir, it->name);
        struct sb_error e = {0};

        if (it->kind < 0) {
            finding(ev, "evidence.unsupported", SB_SEV_WARNING, path, 0,
                    "“%s”不是 PDF、PNG 或 JPEG 文件，未放入证明材料卷",
                    it->name);
        } else if (sb_ev_file_probe(&it->file, path, (enum sb_ev_kind)it->kind,
                                    &e) != SB_OK) {
            finding(ev, "evidence.unreadable", SB_SEV_ERROR, path, 0,
                    "证明材料文件无法读取，未放入证明材料卷：%s", e.msg);
        } else {
            free(path);
            ev->items[k++] = *it;
            continue;
        }
        free(path);
        free(it->name);
        free(it->title);
        free(it->indicators);
    }
    ev->n = k;
}

static int material_number(const struct item *it)
{
    return it->material != NULL ? it->material->number : 0;
}

/* File each item under its material (materials.h) and put them in the
 * order of the materials, keeping the order within each (a stable
 * insertion sort: the lists are short). */
static void file_all(struct ev *ev)
{
    for (int i = 0; i < ev->n; i++)
        ev->items[i].material = sb_materials_file(
            ev->cite->materials, ev->items[i].title, ev->items[i].annex);
    for (int i = 1; i < ev->n; i++) {
        struct item x = ev->items[i];
        int j = i;

        for (; j > 0 && material_number(&ev->items[j - 1]) >
                            material_number(&x);
             j--)
            ev->items[j] = ev->items[j - 1];
        ev->items[j] = x;
    }
}

static void draw_page(cairo_t *cr, double w, double h, void *user)
{
    struct page *pg = user;
    struct item *it = pg->it;
    struct sb_error e = {0};

    if (sb_ev_file_draw(&it->file, pg->page, cr, w, h, &e) != SB_OK)
        finding(pg->ev, "evidence.unreadable", SB_SEV_ERROR, it->file.path, 0,
                "证明材料文件在排版时无法读取：%s", e.msg);
    if (pg->page == it->file.n_pages - 1)
        sb_ev_file_close(&it->file);
    /* the edge of the placed page, also of a white one */
    cairo_save(cr);
    cairo_rectangle(cr, 0.25, 0.25, w - 0.5, h - 0.5);
    cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
    cairo_set_line_width(cr, 0.5);
    cairo_stroke(cr);
    cairo_restore(cr);
}

/* Add the contents page and the items to doc; pages[] (one per placed
 * page, allocated here) are the drawings' user data. */
static struct page *add_items(struct ev *ev, struct sb_doc *doc,
                              const struct sb_grid *g, const char *company)
{
    struct sb_para_style st;
    struct page *pages;
    int n = 0, k = 0;
    /* the 版心 below an annex heading of two lines and an item heading,
       leaving a line after the box */
    double max_w = g->text_w;
    double max_h = (g->lines - 4) * g->pitch - (g->pitch - g->body);

    sb_para_style_body(&st);
    st.role = SB_FONT_HEI;
    st.size_pt = 22;
    st.align = SB_ALIGN_CENTER;
    st.indent = 0;
    st.lines_after = company != NULL ? 0 : 1;
    sb_para_add_text(sb_doc_add_para(doc, &st), "证明材料目录", 0);
    if (company != NULL) {
        sb_para_style_body(&st);
        st.align = SB_ALIGN_CENTER;
        st.indent = 0;
        st.lines_after = 1;
        sb_para_add_text(sb_doc_add_para(doc, &st), company, 0);
    }
    sb_doc_add_toc(doc, 2, 0);
    for (int i = 0; i < ev->n; i++)
        n += ev->items[i].file.n_pages;
    pages = sb_xcalloc((size_t)n, sizeof *pages);
    for (int i = 0; i < ev->n; i++) {
        struct item *it = &ev->items[i];
        double s = 1;
        char num[48];

        for (int p = 0; p < it->file.n_pages; p++) {
            s = s < max_w / it->file.w[p] ? s : max_w / it->file.w[p];
            s = s < max_h / it->file.h[p] ? s : max_h / it->file.h[p];
        }
        snprintf(num, sizeof num, "证明材料%d ", i + 1);
        if (it->material != NULL &&
            (i == 0 || ev->items[i - 1].material != it->material)) {
            /* the annex of the 材料清单 the items are filed under */
            char annex[32];

            snprintf(annex, sizeof annex, "附件%d ", it->material->number);
            sb_doc_add_heading(doc, 1, annex, it->material->title,
                               SB_HEADING_NEW_PAGE);
            it->heading = sb_doc_add_heading(doc, 2, num, it->title, 0);
        } else {
            it->heading = sb_doc_add_heading(doc, it->material ? 2 : 1, num,
                                             it->title, SB_HEADING_NEW_PAGE);
        }
        for (int p = 0; p < it->file.n_pages; p++, k++) {
            pages[k].ev = ev;
            pages[k].it = it;
            pages[k].page = p;
            sb_doc_add_drawing(doc, it->file.w[p] * s / SB_PT_PER_MM,
                               it->file.h[p] * s / SB_PT_PER_MM, draw_page,
                               &pages[k]);
        }
    }
    return pages;
}

static void ev_free(struct ev *ev)
{
    for (int i = 0; i < ev->n; i++) {
        free(ev->items[i].name);
        free(ev->items[i].title);
        free(ev->items[i].indicators);
        sb_ev_file_fini(&ev->items[i].file);
    }
    free(ev->items);
    free(ev->dir);
    free(ev->index);
}

/* info->items from the items (pages left 0). */
static void items_info(const struct ev *ev, struct sb_volume_info *info)
{
    info->n_items = ev->n;
    info->items = sb_xcalloc((size_t)ev->n + 1, sizeof *info->items);
    for (int i = 0; i < ev->n; i++) {
        const struct item *it = &ev->items[i];

        info->items[i].title =
            sb_xasprintf("证明材料%d %s", i + 1, it->title);
        info->items[i].indicators =
            it->indicators != NULL ? sb_xstrdup(it->indicators) : NULL;
        info->items[i].annex = material_number(it);
    }
}

static void plan_info(const struct ev *ev, struct sb_volume_info *info)
{
    if (info == NULL || ev->n == 0)
        return;
    info->title = sb_xstrdup("证明材料");
    info->rows = ev->n;
    items_info(ev, info);
}

int sb_vol_evidence_write(const char *dir,
                          const struct sb_vol_evidence_cite *cite,
                          struct sb_findings *fs, const char *path,
                          struct sb_fonts *fonts, struct sb_volume_info *info,
                          struct sb_error *err)
{
    struct ev ev = {0};
    struct sb_page_style ps;
    struct sb_grid g;
    struct sb_doc *doc;
    struct page *pages;
    char *header;
    int rc;

    if (info != NULL)
        memset(info, 0, sizeof *info);
    ev.fs = fs;
    ev.cite = cite;
    ev.dir = sb_xstrdup(dir);
    ev.index = sb_xasprintf("%s/index.csv", dir);
    collect(&ev);
    if (path == NULL) {
        /* only the plan: what would be placed, in order, unprobed */
        file_all(&ev);
        plan_info(&ev, info);
        ev_free(&ev);
        return SB_OK;
    }
    probe_all(&ev);
    file_all(&ev);
    if (ev.n == 0) {
        ev_free(&ev);
        return SB_OK;
    }
    header = cite->company ? sb_xasprintf("证明材料 · %s", cite->company)
                     : sb_xstrdup("证明材料");
    sb_page_style_gbt9704(&ps);
    ps.number = SB_PAGE_NUMBER_OF_TOTAL;
    ps.number_pt = 10.5;
    ps.header = header;
    sb_page_grid(&ps, &g);
    doc = sb_doc_new(fonts, &ps);
    sb_doc_set_info(doc, "证明材料", cite->company);
    sb_doc_set_findings(doc, fs, cite->fonts);
    sb_doc_set_progress(doc, "证明材料");
    pages = add_items(&ev, doc, &g, cite->company);
    rc = sb_doc_write_pdf(doc, path, err);
    if (rc == SB_OK && info != NULL) {
        info->title = sb_xstrdup("证明材料");
        info->path = sb_xstrdup(path);
        info->pages = sb_doc_page_count(doc);
        info->rows = ev.n;
        info->n_items = ev.n;
        items_info(&ev, info);
        for (int i = 0; i < ev.n; i++)
            info->items[i].page =
                (int)sb_doc_heading_page(doc, ev.items[i].heading);
    }
    sb_doc_free(doc);
    free(pages);
    free(header);
    ev_free(&ev);
    return rc;
}
