/* finding_out.c: the three writers of a findings list: text for people,
 * JSON for scripts, JUnit XML for CI dashboards (see finding.h). */
#define _DEFAULT_SOURCE /* realpath */
#include <stdlib.h>
#include <string.h>

#include "findings/finding.h"
#include "findings/fingerprint.h"
#include "base/bookpath.h"
#include "base/json.h"

static const char *sev_word(enum sb_severity sev)
{
    switch (sev) {
    case SB_SEV_ERROR:
        return "error";
    case SB_SEV_WARNING:
        return "warning";
    case SB_SEV_INFO:
        return "info";
    }
    return "?";
}

/* The SGR colour of a severity when colour is on: red, yellow, cyan. */
static const char *sev_color(enum sb_severity sev)
{
    switch (sev) {
    case SB_SEV_ERROR:
        return "\033[1;31m";
    case SB_SEV_WARNING:
        return "\033[1;33m";
    case SB_SEV_INFO:
        return "\033[36m";
    }
    return "";
}

static const char *sev_title(enum sb_severity sev)
{
    switch (sev) {
    case SB_SEV_ERROR:
        return "错误 errors";
    case SB_SEV_WARNING:
        return "警告 warnings";
    case SB_SEV_INFO:
        return "提示 info";
    }
    return "?";
}

static int same(const char *a, const char *b)
{
    if (a == NULL || b == NULL)
        return a == b;
    return strcmp(a, b) == 0;
}

/* The name a run gives the declaration directory dir in its outputs: its
 * last component ("inputs/sample/" and "/tmp/copy/sample" are both
 * "sample"), so that two copies of a declaration give the same report.
 * Into buf; returns buf. */
static const char *decl_name(const char *dir, char *buf, size_t size)
{
    char *real = NULL;
    size_t len = dir != NULL ? strlen(dir) : 0;
    const char *base;

    while (len > 1 && dir[len - 1] == '/')
        len--;
    snprintf(buf, size, "%.*s", (int)len, dir != NULL ? dir : "");
    base = sb_path_base(buf);
    if (base[0] == '\0' || strcmp(base, ".") == 0 || strcmp(base, "..") == 0) {
        real = realpath(buf[0] != '\0' ? buf : ".", NULL);
        base = real != NULL ? sb_path_base(real) : base;
    }
    memmove(buf, base, strlen(base) + 1);
    free(real);
    return buf;
}

static void put_pos(FILE *out, const struct sb_pos *p, const char *root)
{
    struct sb_buf cell = {0};
    size_t file_len;

    if (p->path == NULL)
        return;
    if (sb_book_cell_name(&cell, p->path, p->row, p->col)) {
        /* a workbook's cell as Excel names it: 清单.xlsx:附件1!C1234 */
        const char *rel = sb_path_relative(p->path, root);

        sb_book_kind(rel, &file_len, NULL);
        fprintf(out, "%.*s:%s", (int)file_len, rel, cell.data);
        sb_buf_free(&cell);
    } else {
        fputs(sb_path_relative(p->path, root), out);
    }
    if (p->row > 0)
        fprintf(out, ":%ld", p->row);
    if (p->row > 0 && p->col > 0)
        fprintf(out, ":%d", p->col);
    fputs(": ", out);
}

/* How many findings of (code, path) were printed so far. */
struct printed {
    const char *code;
    const char *path;
    long n;
};

int sb_findings_write_text(struct sb_findings *fs, FILE *out,
                           long max_print, int color, const char *root)
{
    long n_all, n = 0, n_printed = 0;
    const struct sb_finding *all = sb_findings_sorted(fs, &n_all);
    struct sb_finding *f = sb_xmalloc(((size_t)n_all + 1) * sizeof *f);
    struct printed *pr = sb_xcalloc((size_t)n_all + 1, sizeof *pr);
    long n_pr = 0;
    const char *off = color ? "\033[0m" : "";
    long n_acc = sb_findings_accepted(fs, SB_SEV_ERROR) +
                 sb_findings_accepted(fs, SB_SEV_WARNING) +
                 sb_findings_accepted(fs, SB_SEV_INFO);

    /* the accepted ones are only counted */
    for (long i = 0; i < n_all; i++) {
        if (all[i].accepted == NULL)
            f[n++] = all[i];
    }
    for (long i = 0; i < n; i++) {
        const struct sb_finding *g = &f[i];
        struct printed *p = NULL;

        if (i == 0 || g->sev != f[i - 1].sev)
            fprintf(out, "%s== %s: %ld ==%s\n",
                    color ? sev_color(g->sev) : "", sev_title(g->sev),
                    sb_findings_count(fs, g->sev), off);
        if (i == 0 || g->sev != f[i - 1].sev ||
            !same(g->pos.path, f[i - 1].pos.path)) {
            fprintf(out, "-- %s", g->pos.path
                                      ? sb_path_relative(g->pos.path, root)
                                      : "(申报书)");
            if (g->annex != NULL)
                fprintf(out, " (%s)", g->annex);
            fputs(" --\n", out);
        }
        for (long j = 0; j < n_pr; j++) {
            if (same(pr[j].code, g->code) && same(pr[j].path, g->pos.path))
                p = &pr[j];
        }
        if (p == NULL) {
            p = &pr[n_pr++];
            p->code = g->code;
            p->path = g->pos.path;
        }
        if (max_print > 0 && p->n >= max_print)
            continue;
        p->n++;
        n_printed++;
        put_pos(out, &g->pos, root);
        fprintf(out, "%s%s%s: ", color ? sev_color(g->sev) : "",
                sev_word(g->sev), off);
        if (g->column != NULL)
            fprintf(out, "%s：", g->column);
        fprintf(out, "%s [%s]\n", g->message ? g->message : "",
                g->code ? g->code : "");
        /* the position is said once, file:row:col above (the column by
         * name before the message) */
        if (g->expected != NULL || g->found != NULL ||
            g->source != NULL ||
            (g->pos.line > 0 && g->pos.line != g->pos.row)) {
            const char *sep = "";

            fputs("    ", out);
            if (g->expected != NULL) {
                fprintf(out, "应为 expected: %s", g->expected);
                sep = " | ";
            }
            if (g->found != NULL) {
                fprintf(out, "%s实为 found: %s", sep, g->found);
                sep = " | ";
            }
            if (g->pos.line > 0 && g->pos.line != g->pos.row) {
                fprintf(out, "%s行 line %ld", sep, g->pos.line);
                sep = " | ";
            }
            if (g->source != NULL)
                fprintf(out, "%s依据 source: %s", sep, g->source);
            fputc('\n', out);
        }
    }
    free(pr);
    free(f);
    {
        long total = sb_findings_count(fs, SB_SEV_ERROR) +
                     sb_findings_count(fs, SB_SEV_WARNING) +
                     sb_findings_count(fs, SB_SEV_INFO);

        const char *ed_title, *ed = sb_findings_edition(fs, &ed_title);

        if (ed != NULL)
            fprintf(out, "表单版本 edition: %s（%s）\n", ed,
                    ed_title != NULL ? ed_title : "");
        fprintf(out, "%ld errors, %ld warnings, %ld info",
                sb_findings_count(fs, SB_SEV_ERROR),
                sb_findings_count(fs, SB_SEV_WARNING),
                sb_findings_count(fs, SB_SEV_INFO));
        if (n_acc > 0)
            fprintf(out, ", %ld accepted (baseline)", n_acc);
        if (total > n_printed)
            fprintf(out, " (%ld not shown: see --max-print, "
                         "--format json)",
                    total - n_printed);
        fputc('\n', out);
    }
    return ferror(out) ? SB_EIO : SB_OK;
}

static int check_failed(const struct sb_finding *f, long n, const char *code)
{
    for (long i = 0; i < n; i++) {
        if (f[i].sev == SB_SEV_ERROR && f[i].accepted == NULL &&
            same(f[i].code, code))
            return 1;
    }
    return 0;
}

/* "fail", "skipped" or "pass": the status of registered check i. */
static const char *check_status(struct sb_findings *fs,
                                const struct sb_finding *f, long n, long i)
{
    const char *code, *name, *source;

    sb_findings_checks(fs, i, &code, &name, &source);
    if (check_failed(f, n, code))
        return "fail";
    return sb_findings_check_skipped(fs, i) ? "skipped" : "pass";
}

int sb_findings_write_json(struct sb_findings *fs, FILE *out,
                           const char *title)
{
    long n;
    const struct sb_finding *f = sb_findings_sorted(fs, &n);
    long n_checks = sb_findings_checks(fs, -1, NULL, NULL, NULL);
    char *fps = sb_fingerprints(f, n, title);
    int first = 1;
    struct sb_buf cell = {0};

    char dname[4096];
    const char *ed_title, *ed = sb_findings_edition(fs, &ed_title);

    fprintf(out, "{\"schema_version\": %d, \"title\": ",
            SB_FINDINGS_SCHEMA_VERSION);
    sb_json_cstr(out, decl_name(title, dname, sizeof dname));
    if (ed != NULL) {
        fputs(", \"edition\": {\"code\": ", out);
        sb_json_cstr(out, ed);
        fputs(", \"title\": ", out);
        sb_json_cstr(out, ed_title != NULL ? ed_title : "");
        fputc('}', out);
    }
    fprintf(out, ", \"valid\": %s, \"counts\": {\"error\": %ld, "
                 "\"warning\": %ld, \"info\": %ld, \"accepted\": %ld},"
                 "\n \"findings\": [",
            sb_findings_count(fs, SB_SEV_ERROR) ? "false" : "true",
            sb_findings_count(fs, SB_SEV_ERROR),
            sb_findings_count(fs, SB_SEV_WARNING),
            sb_findings_count(fs, SB_SEV_INFO),
            sb_findings_accepted(fs, SB_SEV_ERROR) +
                sb_findings_accepted(fs, SB_SEV_WARNING) +
                sb_findings_accepted(fs, SB_SEV_INFO));
    for (long i = 0; i < n; i++) {
        const struct sb_finding *g = &f[i];

        fputs(i ? ",\n  {" : "\n  {", out);
        fputs("\"code\": ", out);
        sb_json_cstr(out, g->code);
        fprintf(out, ", \"severity\": \"%s\", \"file\": ", sev_word(g->sev));
        sb_json_cstr(out, sb_path_relative(g->pos.path, title));
        fprintf(out, ", \"row\": %ld, \"col\": %d, \"line\": %ld",
                g->pos.row, g->pos.col, g->pos.line);
        if (sb_book_cell_name(&cell, g->pos.path, g->pos.row, g->pos.col)) {
            fputs(", \"cell\": ", out);
            sb_json_cstr(out, cell.data);
            sb_buf_clear(&cell);
        }
        fputs(", \"annex\": ", out);
        sb_json_cstr(out, g->annex);
        fputs(", \"column\": ", out);
        sb_json_cstr(out, g->column);
        fputs(", \"expected\": ", out);
        sb_json_cstr(out, g->expected);
        fputs(", \"found\": ", out);
        sb_json_cstr(out, g->found);
        fputs(", \"message\": ", out);
        sb_json_cstr(out, g->message);
        fputs(", \"source\": ", out);
        sb_json_cstr(out, g->source);
        fputs(", \"fingerprint\": ", out);
        sb_json_cstr(out, fps + (size_t)i * (SB_FINGERPRINT_LEN + 1));
        fputs(", \"accepted\": ", out);
        if (g->accepted != NULL) {
            fputs("{\"reason\": ", out);
            sb_json_cstr(out, g->accepted);
            fputs(", \"by\": ", out);
            sb_json_cstr(out, g->accepted_by);
            fputc('}', out);
        } else {
            fputs("null", out);
        }
        fputc('}', out);
    }
    free(fps);
    sb_buf_free(&cell);
    fputs(n ? "\n ],\n \"omitted\": [" : "],\n \"omitted\": [", out);
    for (long i = 0; i < n; i++) {
        long om;

        if (i > 0 && same(f[i].code, f[i - 1].code) &&
            same(f[i].pos.path, f[i - 1].pos.path))
            continue;
        om = sb_findings_omitted(fs, f[i].code, f[i].pos.path);
        if (om <= 0)
            continue;
        /* Sorting may separate one kind into several runs; print each
         * kind once by checking it did not appear before. */
        {
            int seen = 0;

            for (long j = 0; j < i && !seen; j++)
                seen = same(f[j].code, f[i].code) &&
                       same(f[j].pos.path, f[i].pos.path);
            if (seen)
                continue;
        }
        fputs(first ? "\n  {\"code\": " : ",\n  {\"code\": ", out);
        first = 0;
        sb_json_cstr(out, f[i].code);
        fputs(", \"file\": ", out);
        sb_json_cstr(out, sb_path_relative(f[i].pos.path, title));
        fprintf(out, ", \"count\": %ld}", om);
    }
    fputs(first ? "],\n \"checks\": [" : "\n ],\n \"checks\": [", out);
    for (long i = 0; i < n_checks; i++) {
        const char *code, *name, *source;

        sb_findings_checks(fs, i, &code, &name, &source);
        fputs(i ? ",\n  {\"code\": " : "\n  {\"code\": ", out);
        sb_json_cstr(out, code);
        fputs(", \"name\": ", out);
        sb_json_cstr(out, name);
        fputs(", \"source\": ", out);
        sb_json_cstr(out, source);
        fprintf(out, ", \"status\": \"%s\"}", check_status(fs, f, n, i));
    }
    fputs(n_checks ? "\n ]}\n" : "]}\n", out);
    return ferror(out) ? SB_EIO : SB_OK;
}

/* XML text with the five predefined entities escaped; control
 * characters other than tab and newline are not allowed in XML 1.0 and
 * are dropped. */
static void xml_str(FILE *out, const char *s)
{
    if (s == NULL)
        return;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '<':
            fputs("&lt;", out);
            break;
        case '>':
            fputs("&gt;", out);
            break;
        case '&':
            fputs("&amp;", out);
            break;
        case '"':
            fputs("&quot;", out);
            break;
        case '\'':
            fputs("&apos;", out);
            break;
        default:
            if (*p >= 0x20 || *p == '\n' || *p == '\t')
                fputc(*p, out);
        }
    }
}

/* When s is not NULL: before (as is), then s escaped. */
static void xml_part(FILE *out, const char *before, const char *s)
{
    if (s != NULL) {
        fputs(before, out);
        xml_str(out, s);
    }
}

/* What a failure says of finding g: "file:row:col: message expected: …
 * found: …" and a newline, file relative to root. */
static void junit_finding_line(FILE *out, const struct sb_finding *g,
                               const char *root)
{
    if (g->pos.path != NULL) {
        xml_str(out, sb_path_relative(g->pos.path, root));
        fprintf(out, ":%ld:%d: ", g->pos.row, g->pos.col);
    }
    xml_str(out, g->message);
    xml_part(out, " expected: ", g->expected);
    xml_part(out, " found: ", g->found);
    fputc('\n', out);
}

/* The test case of finding g (an error or a warning), named by what
 * stays the same from one night to the next: classname
 * "shenbao.finding.CODE", name "FINGERPRINT FILE KEY COLUMN" (no row:
 * sorting the list keeps it), so that a CI dashboard keeps its history.
 * An error not accepted fails; an accepted one is skipped with the
 * reason; a warning passes with its text in system-out. */
static void junit_finding_case(FILE *out, const struct sb_finding *g,
                               const char *fp, const char *root)
{
    fputs("  <testcase classname=\"shenbao.finding.", out);
    xml_str(out, g->code);
    fprintf(out, "\" name=\"%s", fp);
    xml_part(out, " ", sb_path_relative(g->pos.path, root));
    xml_part(out, " ", g->key);
    xml_part(out, " ", g->column);
    fputs("\">", out);
    if (g->accepted != NULL) {
        fputs("\n    <skipped message=\"accepted: ", out);
        xml_str(out, g->accepted);
        fputs("\"/>\n  ", out);
    } else if (g->sev == SB_SEV_ERROR) {
        fprintf(out, "\n    <failure type=\"%s\" message=\"", g->code);
        xml_str(out, g->message);
        fputs("\">", out);
        junit_finding_line(out, g, root);
        fputs("</failure>\n  ", out);
    } else {
        fputs("\n    <system-out>", out);
        junit_finding_line(out, g, root);
        fputs("</system-out>\n  ", out);
    }
    fputs("</testcase>\n", out);
}

/* One test case; skipped: the check could not be run, and the info
 * finding of its code says why. */
static void junit_case(FILE *out, const struct sb_finding *f, long n,
                       struct sb_findings *fs, const char *code,
                       const char *name, const char *source, int skipped,
                       const char *root)
{
    long n_err = 0;

    for (long i = 0; i < n; i++) {
        if (f[i].sev == SB_SEV_ERROR && f[i].accepted == NULL &&
            same(f[i].code, code))
            n_err++;
    }
    fputs("  <testcase classname=\"shenbao.", out);
    xml_str(out, code);
    fputs("\" name=\"", out);
    xml_str(out, name);
    if (source != NULL) {
        fputs(" (", out);
        xml_str(out, source);
        fputc(')', out);
    }
    fputs("\">", out);
    if (n_err > 0) {
        long total = n_err;

        for (long i = 0; i < n; i++) {
            if (f[i].sev == SB_SEV_ERROR && same(f[i].code, code))
                total += sb_findings_omitted(fs, code, f[i].pos.path) *
                         (i == 0 || !same(f[i].pos.path, f[i - 1].pos.path));
        }
        fprintf(out, "\n    <failure type=\"%s\" message=\"%ld ", code,
                total);
        fputs("error(s)\">", out);
        for (long i = 0; i < n; i++) {
            const struct sb_finding *g = &f[i];

            if (g->sev != SB_SEV_ERROR || g->accepted != NULL ||
                !same(g->code, code))
                continue;
            junit_finding_line(out, g, root);
        }
        fputs("</failure>\n  ", out);
    } else if (skipped) {
        const char *why = NULL;

        for (long i = 0; i < n && why == NULL; i++) {
            if (same(f[i].code, code))
                why = f[i].message;
        }
        fputs("\n    <skipped message=\"", out);
        xml_str(out, why != NULL ? why : "未核对");
        fputs("\"/>\n  ", out);
    }
    fputs("</testcase>\n", out);
}

/* The JUnit counts of fs: its test cases and failures (*cases,
 * *fails), its skipped ones (*skips), and the error codes no registered
 * check owns, each a case of its own (*extra, n_extra; freed by the
 * caller). */
struct junit_counts {
    long cases, fails, skips, n_extra;
    const char **extra;
};

static void junit_count(struct sb_findings *fs, struct junit_counts *c)
{
    long n;
    const struct sb_finding *f = sb_findings_sorted(fs, &n);
    long n_checks = sb_findings_checks(fs, -1, NULL, NULL, NULL);

    c->cases = n_checks;
    c->fails = c->skips = c->n_extra = 0;
    c->extra = sb_xcalloc((size_t)n + 1, sizeof *c->extra);
    /* Error codes that no registered check owns get a case of their own. */
    for (long i = 0; i < n; i++) {
        int known = 0;

        if (f[i].sev != SB_SEV_ERROR || f[i].accepted != NULL)
            continue;
        for (long j = 0; j < n_checks && !known; j++) {
            const char *code, *name, *source;

            sb_findings_checks(fs, j, &code, &name, &source);
            known = same(code, f[i].code);
        }
        for (long j = 0; j < c->n_extra && !known; j++)
            known = same(c->extra[j], f[i].code);
        if (!known)
            c->extra[c->n_extra++] = f[i].code;
    }
    c->cases += c->n_extra;
    for (long j = 0; j < n_checks; j++) {
        const char *code, *name, *source;

        sb_findings_checks(fs, j, &code, &name, &source);
        c->fails += check_failed(f, n, code);
        c->skips += !check_failed(f, n, code) &&
                    sb_findings_check_skipped(fs, j);
    }
    c->fails += c->n_extra;
    for (long i = 0; i < n; i++) {
        if (f[i].sev == SB_SEV_INFO)
            continue;
        c->cases++;
        c->fails += f[i].sev == SB_SEV_ERROR && f[i].accepted == NULL;
        c->skips += f[i].accepted != NULL;
    }
}

/* The <testsuite> of fs, named by title, counted c. */
static void junit_suite(struct sb_findings *fs, FILE *out, const char *title,
                        const struct junit_counts *c)
{
    long n;
    const struct sb_finding *f = sb_findings_sorted(fs, &n);
    long n_checks = sb_findings_checks(fs, -1, NULL, NULL, NULL);
    char *fps = sb_fingerprints(f, n, title);
    char dname[4096];

    fputs(" <testsuite name=\"", out);
    xml_str(out, decl_name(title, dname, sizeof dname));
    fprintf(out, "\" tests=\"%ld\" failures=\"%ld\" errors=\"0\" "
                 "skipped=\"%ld\">\n",
            c->cases, c->fails, c->skips);
    if (sb_findings_edition(fs, NULL) != NULL) {
        fputs("  <properties><property name=\"edition\" value=\"", out);
        xml_str(out, sb_findings_edition(fs, NULL));
        fputs("\"/></properties>\n", out);
    }
    for (long j = 0; j < n_checks; j++) {
        const char *code, *name, *source;

        sb_findings_checks(fs, j, &code, &name, &source);
        junit_case(out, f, n, fs, code, name, source,
                   sb_findings_check_skipped(fs, j), title);
    }
    for (long j = 0; j < c->n_extra; j++)
        junit_case(out, f, n, fs, c->extra[j], c->extra[j], NULL, 0, title);
    for (long i = 0; i < n; i++)
        if (f[i].sev != SB_SEV_INFO)
            junit_finding_case(out, &f[i],
                               fps + (size_t)i * (SB_FINGERPRINT_LEN + 1),
                               title);
    fputs(" </testsuite>\n", out);
    free(fps);
}

int sb_findings_write_junit_suites(struct sb_findings *const *fs,
                                   const char *const *titles, int n,
                                   FILE *out)
{
    struct junit_counts *c = sb_xcalloc((size_t)n + 1, sizeof *c);
    long cases = 0, fails = 0;

    for (int i = 0; i < n; i++) {
        junit_count(fs[i], &c[i]);
        cases += c[i].cases;
        fails += c[i].fails;
    }
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", out);
    fprintf(out, "<testsuites tests=\"%ld\" failures=\"%ld\">\n", cases,
            fails);
    for (int i = 0; i < n; i++) {
        junit_suite(fs[i], out, titles[i], &c[i]);
        free(c[i].extra);
    }
    fputs("</testsuites>\n", out);
    free(c);
    return ferror(out) ? SB_EIO : SB_OK;
}

int sb_findings_write_junit(struct sb_findings *fs, FILE *out,
                            const char *title)
{
    return sb_findings_write_junit_suites(&fs, &title, 1, out);
}
