/* html.c: the findings report as one HTML page (see html.h). The page's
 * style and script are html_assets.c's; this file writes the content. */
#include "html/html.h"

#include <stdlib.h>
#include <string.h>

#include "base/keyset.h"
#include "base/markup.h"
#include "base/numfmt.h"
#include "base/outfile.h"
#include "check/checklist.h"
#include "check/decl.h"
#include "findings/fingerprint.h"
#include "html/html_assets.h"
#include "xlsx/xlsx_book.h"

#define N_SEV 3

static const char *const sev_key[N_SEV] = {"error", "warning", "info"};
static const char *const sev_label[N_SEV] = {"错误", "警告", "提示"};

/* What the findings of one rule (finding code) or one file add up to. */
struct tally {
    const char *key;    /* the code, or the file relative to the
                           declaration ("" for none) */
    const char *annex;  /* files: the annex code, or NULL */
    long n[N_SEV];      /* stored findings not accepted, per severity */
    long accepted;      /* stored findings accepted by a baseline */
    long omitted;       /* counted but not stored (--max-findings) */
    const char *name;   /* rules: the check's title, or NULL when no
                           check of that code was registered */
    const char *source; /* rules: the check's source, or NULL */
    int skipped;        /* rules: the check could not be run */
};

struct tallies {
    struct tally *t;
    long n;
};

static void put(struct sb_buf *b, const char *s)
{
    sb_buf_put_markup(b, s);
}

/* s as a component of the page's address (#findings?rule=…): bytes
 * other than letters, digits and -_.~ percent-encoded, as JavaScript's
 * encodeURIComponent does, so decodeURIComponent gives s back. */
static void put_url_part(struct sb_buf *b, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
            (*p >= '0' && *p <= '9') || strchr("-_.~", *p) != NULL)
            sb_buf_putc(b, *p);
        else
            sb_buf_printf(b, "%%%02X", *p);
    }
}

/* A link to the findings filtered by what (sev, rule, file) = value. */
static void open_filter_link(struct sb_buf *b, const char *what,
                             const char *value)
{
    sb_buf_printf(b, "<a href=\"#findings?%s=", what);
    put_url_part(b, value);
    sb_buf_puts(b, "\">");
}

/* Open a section: its heading (h2, with id) names it. */
static void open_section(struct sb_buf *b, const char *id, const char *title)
{
    sb_buf_printf(b,
                  "<section aria-labelledby=\"%s\">\n<h2 id=\"%s\">%s</h2>\n",
                  id, id, title);
}

/* Open a table of section id in a box that scrolls sideways (focusable,
 * so the keyboard scrolls it too). */
static void open_table(struct sb_buf *b, const char *id, const char *attrs)
{
    sb_buf_printf(b,
                  "<div class=\"scroll\" tabindex=\"0\" "
                  "aria-labelledby=\"%s\">\n<table%s>\n",
                  id, attrs);
}

static const char *rel_path(const struct sb_decl *d, const char *path)
{
    const char *rel = sb_path_relative(path, d->dir);

    return rel != NULL ? rel : "";
}

static struct tally *tally_of(struct tallies *ts, const char *key)
{
    for (long i = 0; i < ts->n; i++) {
        if (strcmp(ts->t[i].key, key) == 0)
            return &ts->t[i];
    }
    ts->t = sb_xrealloc(ts->t, (size_t)(ts->n + 1) * sizeof *ts->t);
    memset(&ts->t[ts->n], 0, sizeof *ts->t);
    ts->t[ts->n].key = key;
    return &ts->t[ts->n++];
}

static int by_key(const void *a, const void *b)
{
    return strcmp(((const struct tally *)a)->key,
                  ((const struct tally *)b)->key);
}

/* The tallies per rule (every registered check, and every code with a
 * finding) and per file, each sorted by key. */
static void count(struct sb_decl *d, const struct sb_finding *f, long n,
                  struct tallies *rules, struct tallies *files)
{
    struct sb_findings *fs = d->findings;
    long n_checks = sb_findings_checks(fs, -1, NULL, NULL, NULL);
    struct sb_keyset *seen = sb_keyset_new();
    struct sb_buf pair = {0};

    for (long i = 0; i < n_checks; i++) {
        const char *code, *name, *source;
        struct tally *t;

        sb_findings_checks(fs, i, &code, &name, &source);
        t = tally_of(rules, code);
        t->name = name;
        t->source = source;
        t->skipped = sb_findings_check_skipped(fs, i);
    }
    for (long i = 0; i < n; i++) {
        const char *code = f[i].code != NULL ? f[i].code : "";
        struct tally *r = tally_of(rules, code);
        struct tally *p = tally_of(files, rel_path(d, f[i].pos.path));
        long om = 0;

        /* the omitted count of (code, file), once */
        sb_buf_clear(&pair);
        sb_buf_printf(&pair, "%s\x1f%s", code,
                      f[i].pos.path != NULL ? f[i].pos.path : "");
        if (sb_keyset_add(seen, pair.data, pair.len, 1) == 0)
            om = sb_findings_omitted(fs, f[i].code, f[i].pos.path);
        if (f[i].annex != NULL)
            p->annex = f[i].annex;
        if (f[i].accepted != NULL) {
            r->accepted++;
            p->accepted++;
        } else {
            r->n[f[i].sev]++;
            p->n[f[i].sev]++;
        }
        r->omitted += om;
        p->omitted += om;
    }
    sb_keyset_free(seen);
    sb_buf_free(&pair);
    if (rules->n > 0)
        qsort(rules->t, (size_t)rules->n, sizeof *rules->t, by_key);
    if (files->n > 0)
        qsort(files->t, (size_t)files->n, sizeof *files->t, by_key);
}

static void head(struct sb_decl *d, struct sb_buf *b)
{
    const char *name = sb_decl_role_text(d, "platform");
    const char *ed_title, *ed = sb_findings_edition(d->findings, &ed_title);

    sb_buf_puts(b, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n"
                   "<meta charset=\"utf-8\">\n"
                   "<meta name=\"viewport\" content=\"width=device-width, "
                   "initial-scale=1\">\n"
                   "<meta http-equiv=\"Content-Security-Policy\" "
                   "content=\"default-src 'none'; style-src 'unsafe-inline'; "
                   "script-src 'unsafe-inline'; base-uri 'none'; "
                   "form-action 'none'\">\n"
                   "<meta name=\"generator\" content=\"shenbao " SB_VERSION
                   "\">\n<title>核对报告 · ");
    put(b, name != NULL ? name : d->dir);
    sb_buf_puts(b, "</title>\n<style>\n");
    for (int i = 0; sb_html_style[i] != NULL; i++)
        sb_buf_puts(b, sb_html_style[i]);
    sb_buf_puts(b, "</style>\n</head>\n<body>\n"
                   "<a class=\"skip\" href=\"#findings\">跳到发现</a>\n"
                   "<header>\n<h1>核对报告");
    if (name != NULL) {
        sb_buf_puts(b, "：");
        put(b, name);
    }
    sb_buf_puts(b, "</h1>\n<p class=\"meta\">申报材料 <code>");
    put(b, d->dir);
    sb_buf_puts(b, "</code>");
    if (ed != NULL) {
        sb_buf_puts(b, " · 表单版本 ");
        put(b, ed_title != NULL && ed_title[0] != '\0' ? ed_title : ed);
        sb_buf_puts(b, "（<code>");
        put(b, ed);
        sb_buf_puts(b, "</code>）");
    }
    sb_buf_puts(b, "</p>\n<nav aria-label=\"目录\"><ul>"
                   "<li><a href=\"#summary\">概况</a></li>"
                   "<li><a href=\"#findings\">发现</a></li>"
                   "<li><a href=\"#checklist\">核对表</a></li>"
                   "<li><a href=\"#rules\">按规则</a></li>"
                   "<li><a href=\"#files\">按文件</a></li>"
                   "</ul></nav>\n</header>\n<main>\n");
}

static void summary(struct sb_decl *d, const struct tallies *rules,
                    struct sb_buf *b)
{
    struct sb_findings *fs = d->findings;
    long errors = sb_findings_count(fs, SB_SEV_ERROR), accepted = 0,
         omitted = 0;

    for (int s = 0; s < N_SEV; s++)
        accepted += sb_findings_accepted(fs, (enum sb_severity)s);
    for (long i = 0; i < rules->n; i++)
        omitted += rules->t[i].omitted;
    open_section(b, "summary", "概况");
    if (errors > 0)
        sb_buf_printf(b,
                      "<p class=\"verdict bad\">未通过：%ld 项错误，"
                      "申报材料会被退回。</p>\n",
                      errors);
    else
        sb_buf_puts(b, "<p class=\"verdict ok\">通过：没有错误。</p>\n");
    sb_buf_puts(b, "<ul class=\"counts\" aria-label=\"各级发现数\">\n");
    for (int s = 0; s < N_SEV; s++) {
        sb_buf_printf(b,
                      "<li class=\"sev-%s\"><a href=\"#findings?sev=%s\">"
                      "<span class=\"n\" data-count=\"%s\">%ld</span> "
                      "%s</a></li>\n",
                      sev_key[s], sev_key[s], sev_key[s],
                      sb_findings_count(fs, (enum sb_severity)s), sev_label[s]);
    }
    sb_buf_printf(b,
                  "<li class=\"accepted\"><span class=\"n\" "
                  "data-count=\"accepted\">%ld</span> 已接受（基线）</li>\n"
                  "</ul>\n",
                  accepted);
    if (omitted > 0)
        sb_buf_printf(b,
                      "<p>另有 %ld 条发现已计数但未列出（每类每文件的上限，"
                      "见 <code>--max-findings</code>）。</p>\n",
                      omitted);
    sb_buf_puts(b, "</section>\n");
}

/* A value of a 核对表 row in its unit's form: grouped, with the row's
 * decimals, percentages as percentages. */
static void put_value(struct sb_buf *b, const struct sb_checklist_row *c,
                      double v)
{
    char num[SB_NUMFMT_SIZE];
    int pct = c->field->type == SB_TYPE_PERCENT;

    put(b, sb_numfmt_group(pct ? v * 100 : v, c->decimals, num, sizeof num));
    if (pct)
        sb_buf_putc(b, '%');
}

static const char *status_class(enum sb_checklist_status s)
{
    switch (s) {
    case SB_CHECKLIST_AGREES:
        return "agrees";
    case SB_CHECKLIST_WITHIN:
        return "within";
    case SB_CHECKLIST_DIFFERS:
        return "differs";
    case SB_CHECKLIST_UNCHECKED:
        return "unchecked";
    case SB_CHECKLIST_NO_LIST:
        return "nolist";
    }
    return "";
}

static void checklist(struct sb_decl *d, struct sb_buf *b)
{
    struct sb_buf rule = {0}, basis = {0};
    int rows = 0;

    open_section(b, "checklist", "核对表");
    sb_buf_puts(b, "<p>申报书中的每个数值指标与清单计算值的核对："
                   "一致、符合（在指标所定的界限内）、不一致、未核对"
                   "（缺少指标或清单）、无清单核对。</p>\n");
    open_table(b, "checklist", " class=\"checklist\"");
    sb_buf_puts(b, "<thead><tr>"
                   "<th scope=\"col\">章节</th><th scope=\"col\">项目</th>"
                   "<th scope=\"col\">代码</th><th scope=\"col\">单位</th>"
                   "<th scope=\"col\" class=\"num\">申报值</th>"
                   "<th scope=\"col\" class=\"num\">清单计算值</th>"
                   "<th scope=\"col\" class=\"num\">差额</th>"
                   "<th scope=\"col\">状态</th><th scope=\"col\">核对规则</th>"
                   "<th scope=\"col\">依据</th></tr></thead>\n<tbody>\n");
    for (int i = 0; i < d->form->n_fields; i++) {
        struct sb_checklist_row c;
        const char *cls;

        if (!sb_checklist_has(d, i))
            continue;
        rows++;
        sb_checklist_row(d, i, &c);
        cls = status_class(c.status);
        sb_buf_printf(b, "<tr class=\"st-%s\" data-status=\"%s\"><td>", cls,
                      cls);
        put(b, c.field->section);
        sb_buf_puts(b, "</td><td>");
        put(b, c.field->label);
        sb_buf_puts(b, "</td><td><code>");
        put(b, c.field->code);
        sb_buf_puts(b, "</code></td><td class=\"unit\">");
        put(b, c.field->unit);
        sb_buf_puts(b, "</td><td class=\"num\">");
        if (c.has_declared)
            put_value(b, &c, c.declared);
        else
            put(b, c.fig->raw); /* 无, or not a number */
        sb_buf_puts(b, "</td><td class=\"num\">");
        if (c.has_computed)
            put_value(b, &c, c.computed);
        sb_buf_puts(b, "</td><td class=\"num\">");
        if (c.has_computed && c.has_declared)
            put_value(b, &c, c.diff);
        sb_buf_printf(b, "</td><td class=\"st\"><span class=\"badge st-%s\">",
                      cls);
        put(b, sb_checklist_status_text(c.status));
        sb_buf_puts(b, "</span></td><td>");
        sb_xlsx_rests_on(d, c.field, c.result, &rule, &basis);
        if (c.status == SB_CHECKLIST_DIFFERS ||
            c.status == SB_CHECKLIST_UNCHECKED) {
            char *code = sb_xasprintf("rule.%s", c.result->rule->id);

            open_filter_link(b, "rule", code);
            put(b, rule.data);
            sb_buf_puts(b, "</a>");
            free(code);
        } else {
            put(b, rule.data);
        }
        sb_buf_puts(b, "</td><td>");
        put(b, basis.data);
        sb_buf_puts(b, "</td></tr>\n");
    }
    if (rows == 0)
        sb_buf_puts(b,
                    "<tr><td colspan=\"10\">本表单没有数值指标。</td></tr>\n");
    sb_buf_puts(b, "</tbody>\n</table>\n</div>\n</section>\n");
    sb_buf_free(&rule);
    sb_buf_free(&basis);
}

/* The filters of the findings table: one per severity, rule, file,
 * text, the grouping. */
static void filters(const struct tallies *rules, const struct tallies *files,
                    const long *per_sev, long n_accepted, struct sb_buf *b)
{
    sb_buf_puts(b, "<form id=\"filters\" class=\"filters\" role=\"search\" "
                   "aria-label=\"筛选发现\">\n"
                   "<fieldset><legend>严重程度</legend>\n");
    for (int s = 0; s < N_SEV; s++)
        sb_buf_printf(b,
                      "<label><input type=\"checkbox\" name=\"sev\" "
                      "value=\"%s\" checked> <span class=\"badge sev-%s\" "
                      "data-label>%s</span> (%ld)</label>\n",
                      sev_key[s], sev_key[s], sev_label[s], per_sev[s]);
    sb_buf_printf(b,
                  "<label><input type=\"checkbox\" name=\"accepted\" "
                  "value=\"1\" checked> 已接受 (%ld)</label>\n"
                  "</fieldset>\n",
                  n_accepted);
    sb_buf_puts(b, "<label>规则 <select name=\"rule\">"
                   "<option value=\"\">全部规则</option>");
    for (long i = 0; i < rules->n; i++) {
        const struct tally *t = &rules->t[i];
        long n = t->n[0] + t->n[1] + t->n[2] + t->accepted;

        if (n == 0)
            continue;
        sb_buf_puts(b, "\n<option value=\"");
        put(b, t->key);
        sb_buf_puts(b, "\">");
        put(b, t->key);
        if (t->name != NULL) {
            sb_buf_puts(b, " ");
            put(b, t->name);
        }
        sb_buf_printf(b, " (%ld)</option>", n);
    }
    sb_buf_puts(b, "</select></label>\n<label>文件 <select name=\"file\">"
                   "<option value=\"\">全部文件</option>");
    for (long i = 0; i < files->n; i++) {
        const struct tally *t = &files->t[i];

        sb_buf_puts(b, "\n<option value=\"");
        put(b, t->key);
        sb_buf_puts(b, "\">");
        put(b, t->key[0] != '\0' ? t->key : "（申报书）");
        sb_buf_printf(b, " (%ld)</option>",
                      t->n[0] + t->n[1] + t->n[2] + t->accepted);
    }
    sb_buf_puts(b, "</select></label>\n"
                   "<label>包含文字 <input type=\"search\" name=\"q\" "
                   "autocomplete=\"off\"></label>\n"
                   "<label>分组 <select name=\"group\">"
                   "<option value=\"sev\">按严重程度</option>"
                   "<option value=\"rule\">按规则</option>"
                   "<option value=\"file\">按文件</option>"
                   "<option value=\"\">不分组</option></select></label>\n"
                   "<button type=\"reset\">全部显示</button>\n</form>\n");
}

/* One column head: a button that sorts by key. */
static void sort_head(struct sb_buf *b, const char *key, const char *title)
{
    sb_buf_printf(b,
                  "<th scope=\"col\"><button type=\"button\" "
                  "data-sort=\"%s\">%s<span class=\"arrow\" "
                  "aria-hidden=\"true\"></span></button></th>",
                  key, title);
}

static void finding_row(struct sb_decl *d, const struct sb_finding *g, long i,
                        struct sb_buf *b)
{
    const char *file = rel_path(d, g->pos.path);

    sb_buf_printf(b, "<tr data-i=\"%ld\" data-sev=\"%s\" data-rule=\"", i,
                  sev_key[g->sev]);
    put(b, g->code);
    sb_buf_puts(b, "\" data-file=\"");
    put(b, file);
    sb_buf_printf(b, "\" data-row=\"%ld\" data-col=\"%d\"%s>", g->pos.row,
                  g->pos.col, g->accepted != NULL ? " data-accepted" : "");
    sb_buf_printf(b, "<td><span class=\"badge sev-%s\">%s</span>",
                  sev_key[g->sev], sev_label[g->sev]);
    if (g->accepted != NULL)
        sb_buf_puts(b, " <span class=\"badge acc\">已接受</span>");
    sb_buf_puts(b, "</td><td><code>");
    put(b, g->code);
    sb_buf_puts(b, "</code></td><td class=\"pos\">");
    put(b, file[0] != '\0' ? file : "（申报书）");
    if (g->pos.row > 0)
        sb_buf_printf(b, ":%ld", g->pos.row);
    if (g->pos.row > 0 && g->pos.col > 0)
        sb_buf_printf(b, ":%d", g->pos.col);
    if (g->pos.line > 0 && g->pos.line != g->pos.row)
        sb_buf_printf(b, " <span class=\"line\">（第 %ld 行）</span>",
                      g->pos.line);
    sb_buf_puts(b, "</td><td>");
    put(b, g->column);
    sb_buf_puts(b, "</td><td>");
    put(b, g->message);
    if (g->accepted != NULL) {
        sb_buf_puts(b, "<br><span class=\"why\">已接受：");
        put(b, g->accepted[0] != '\0' ? g->accepted : "（未写理由）");
        if (g->accepted_by != NULL && g->accepted_by[0] != '\0') {
            sb_buf_puts(b, " — ");
            put(b, g->accepted_by);
        }
        sb_buf_puts(b, "</span>");
    }
    sb_buf_puts(b, "</td><td>");
    put(b, g->expected);
    sb_buf_puts(b, "</td><td>");
    put(b, g->found);
    sb_buf_puts(b, "</td><td>");
    put(b, g->source);
    sb_buf_puts(b, "</td></tr>\n");
}

static void findings(struct sb_decl *d, const struct sb_finding *f, long n,
                     const struct tallies *rules, const struct tallies *files,
                     struct sb_buf *b)
{
    long per_sev[N_SEV] = {0}, n_accepted = 0;

    for (long i = 0; i < n; i++) {
        per_sev[f[i].sev]++;
        n_accepted += f[i].accepted != NULL;
    }
    open_section(b, "findings", "发现");
    filters(rules, files, per_sev, n_accepted, b);
    sb_buf_printf(b, "<p id=\"shown\" role=\"status\">共 %ld 条发现</p>\n", n);
    open_table(b, "findings", " id=\"findings-table\" class=\"findings\"");
    sb_buf_puts(b, "<thead><tr>");
    sort_head(b, "sev", "严重程度");
    sort_head(b, "rule", "规则");
    sort_head(b, "pos", "位置（文件:行:列）");
    sort_head(b, "column", "列");
    sort_head(b, "message", "说明");
    sort_head(b, "expected", "应为");
    sort_head(b, "found", "实为");
    sort_head(b, "source", "依据");
    sb_buf_puts(b, "</tr></thead>\n");
    for (long i = 0; i < n; i++) {
        if (i == 0 || f[i].sev != f[i - 1].sev)
            sb_buf_printf(b,
                          "%s<tbody><tr class=\"group\"><th colspan=\"8\" "
                          "scope=\"rowgroup\">%s (%ld)</th></tr>\n",
                          i > 0 ? "</tbody>\n" : "", sev_label[f[i].sev],
                          per_sev[f[i].sev]);
        finding_row(d, &f[i], i, b);
    }
    if (n == 0)
        sb_buf_puts(b, "<tbody><tr><td colspan=\"8\">没有发现。</td></tr>\n");
    sb_buf_puts(b, "</tbody>\n</table>\n</div>\n</section>\n");
}

/* The heads of count_cells' columns, closing the head row. */
static void count_heads(struct sb_buf *b)
{
    static const char *const heads[] = {"错误", "警告", "提示", "已接受",
                                        "未列出"};

    for (size_t i = 0; i < sizeof heads / sizeof heads[0]; i++)
        sb_buf_printf(b, "<th scope=\"col\" class=\"num\">%s</th>", heads[i]);
    sb_buf_puts(b, "</tr></thead>\n<tbody>\n");
}

/* The counts cells of a tally, each a link to its findings when there
 * are some. */
static void count_cells(const struct tally *t, const char *what,
                        struct sb_buf *b)
{
    for (int s = 0; s < N_SEV; s++) {
        sb_buf_puts(b, "<td class=\"num\">");
        if (t->n[s] > 0) {
            open_filter_link(b, what, t->key);
            sb_buf_printf(b, "%ld</a>", t->n[s]);
        } else {
            sb_buf_puts(b, "0");
        }
        sb_buf_puts(b, "</td>");
    }
    sb_buf_printf(b, "<td class=\"num\">%ld</td><td class=\"num\">%ld</td>",
                  t->accepted, t->omitted);
}

static void by_rule(const struct tallies *rules, struct sb_buf *b)
{
    open_section(b, "rules", "按规则");
    open_table(b, "rules", "");
    sb_buf_puts(b, "<thead><tr><th scope=\"col\">规则</th>"
                   "<th scope=\"col\">名称</th><th scope=\"col\">依据</th>"
                   "<th scope=\"col\">结果</th>");
    count_heads(b);
    for (long i = 0; i < rules->n; i++) {
        const struct tally *t = &rules->t[i];
        const char *result = "—", *cls = "nolist";

        if (t->n[SB_SEV_ERROR] > 0) {
            result = "未通过";
            cls = "differs";
        } else if (t->skipped) {
            result = "未核对";
            cls = "unchecked";
        } else if (t->name != NULL) {
            result = "通过";
            cls = "agrees";
        }
        sb_buf_puts(b, "<tr><th scope=\"row\"><code>");
        put(b, t->key);
        sb_buf_puts(b, "</code></th><td>");
        put(b, t->name);
        sb_buf_puts(b, "</td><td>");
        put(b, t->source);
        sb_buf_printf(b, "</td><td><span class=\"badge st-%s\">%s</span></td>",
                      cls, result);
        count_cells(t, "rule", b);
        sb_buf_puts(b, "</tr>\n");
    }
    sb_buf_puts(b, "</tbody>\n</table>\n</div>\n</section>\n");
}

static void by_file(const struct tallies *files, struct sb_buf *b)
{
    open_section(b, "files", "按文件");
    open_table(b, "files", "");
    sb_buf_puts(b, "<thead><tr><th scope=\"col\">文件</th>"
                   "<th scope=\"col\">附件</th>");
    count_heads(b);
    for (long i = 0; i < files->n; i++) {
        const struct tally *t = &files->t[i];

        sb_buf_puts(b, "<tr><th scope=\"row\">");
        put(b, t->key[0] != '\0' ? t->key : "（申报书）");
        sb_buf_puts(b, "</th><td>");
        put(b, t->annex);
        sb_buf_puts(b, "</td>");
        count_cells(t, "file", b);
        sb_buf_puts(b, "</tr>\n");
    }
    if (files->n == 0)
        sb_buf_puts(b, "<tr><td colspan=\"7\">没有发现。</td></tr>\n");
    sb_buf_puts(b, "</tbody>\n</table>\n</div>\n</section>\n");
}

void sb_html_report(struct sb_decl *d, struct sb_buf *b)
{
    long n;
    const struct sb_finding *f = sb_findings_sorted(d->findings, &n);
    struct tallies rules = {0}, files = {0};

    count(d, f, n, &rules, &files);
    head(d, b);
    summary(d, &rules, b);
    findings(d, f, n, &rules, &files, b);
    checklist(d, b);
    by_rule(&rules, b);
    by_file(&files, b);
    sb_buf_puts(b, "</main>\n<footer><p>shenbao " SB_VERSION
                   " · 同一输入得到同一份报告</p></footer>\n<script>\n");
    for (int i = 0; sb_html_script[i] != NULL; i++)
        sb_buf_puts(b, sb_html_script[i]);
    sb_buf_puts(b, "</script>\n</body>\n</html>\n");
    free(rules.t);
    free(files.t);
}

int sb_html_write(struct sb_decl *d, const char *path, struct sb_error *err)
{
    struct sb_buf b = {0};
    int rc;

    sb_html_report(d, &b);
    rc = sb_outfile_write(path, b.data, b.len, err);
    sb_buf_free(&b);
    return rc;
}
