/* narrative.c: declaration.md into sections, word counts and limits (see
 * narrative.h). */
#include "report/narrative.h"

#include <errno.h>
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"

#define ZWSP "\xE2\x80\x8B" /* U+200B, see cjk_emphasis */

/* Append s without the zero-width spaces cjk_emphasis added. */
static void put_visible(struct sb_buf *out, const char *s)
{
    for (const char *z; (z = strstr(s, ZWSP)) != NULL; s = z + 3)
        sb_buf_put(out, s, (size_t)(z - s));
    sb_buf_puts(out, s);
}

/* Append the visible text of node's subtree (see sb_narrative_text);
 * joined: a soft break joins the lines of a paragraph and an item ends a
 * line (sb_narrative_lines). */
static void plain(cmark_node *node, struct sb_buf *out, int joined)
{
    cmark_iter *it = cmark_iter_new(node);
    cmark_event_type ev;
    int image = 0;

    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);
        cmark_node_type t = cmark_node_get_type(n);

        if (t == CMARK_NODE_IMAGE) {
            image += ev == CMARK_EVENT_ENTER ? 1 : -1;
            continue;
        }
        if (image > 0)
            continue;
        if (ev == CMARK_EVENT_EXIT) {
            if ((t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING) &&
                !(joined && out->len > 0 && out->data[out->len - 1] == '\n'))
                sb_buf_putc(out, '\n');
            continue;
        }
        switch (t) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
        case CMARK_NODE_CODE_BLOCK:
            put_visible(out, cmark_node_get_literal(n));
            if (t == CMARK_NODE_CODE_BLOCK)
                sb_buf_putc(out, '\n');
            break;
        case CMARK_NODE_SOFTBREAK:
            if (!joined) {
                sb_buf_putc(out, '\n');
            } else if (out->len > 0 &&
                       (unsigned char)out->data[out->len - 1] < 0x80) {
                sb_buf_putc(out, ' '); /* "OPC\nUA": a space; 中文 joins */
            }
            break;
        case CMARK_NODE_LINEBREAK:
            sb_buf_putc(out, '\n');
            break;
        default:
            break;
        }
    }
    cmark_iter_free(it);
}

void sb_narrative_text(cmark_node *first, cmark_node *end,
                       struct sb_buf *out)
{
    for (cmark_node *n = first; n != NULL && n != end;
         n = cmark_node_next(n))
        plain(n, out, 0);
}

void sb_narrative_lines(cmark_node *first, cmark_node *end,
                        struct sb_buf *out)
{
    for (cmark_node *n = first; n != NULL && n != end;
         n = cmark_node_next(n))
        plain(n, out, 1);
}

/* Chinese punctuation (Unicode P* outside ASCII): 。，、“”（）： … */
static int cjk_punct(int32_t cp)
{
    GUnicodeType t;

    if (cp < 0x80)
        return 0;
    t = g_unichar_type((gunichar)cp);
    return t == G_UNICODE_CONNECT_PUNCTUATION ||
           t == G_UNICODE_DASH_PUNCTUATION ||
           t == G_UNICODE_CLOSE_PUNCTUATION ||
           t == G_UNICODE_FINAL_PUNCTUATION ||
           t == G_UNICODE_INITIAL_PUNCTUATION ||
           t == G_UNICODE_OTHER_PUNCTUATION ||
           t == G_UNICODE_OPEN_PUNCTUATION;
}

/* A character that neither is punctuation nor a space (nor absent). */
static int solid(int32_t cp)
{
    return cp > 0x20 && !(cp < 0x80 && g_ascii_ispunct((gchar)cp)) &&
           !cjk_punct(cp) && !g_unichar_isspace((gunichar)cp);
}

/* CommonMark's flanking rules leave "**一、业务框架。**平台" and
 * "平台**“工业大脑”**是" unparsed: a delimiter run between Chinese
 * punctuation and a character can neither open nor close. Writers of
 * Chinese expect bold there (markdown-it-cjk-friendly does it), so a
 * U+200B (invisible, neither space nor punctuation for cmark) goes
 * between the punctuation and the run before parsing; it is dropped
 * from every text shenbao extracts and not drawn. */
static void cjk_emphasis(const char *s, size_t len, struct sb_buf *out)
{
    int32_t prev = -1;

    for (size_t i = 0; i < len;) {
        size_t j = i;
        int32_t cp, next = -1;

        if (s[i] != '*' && s[i] != '_') {
            int k = sb_utf8_decode(s + i, len - i, &cp);

            sb_buf_put(out, s + i, (size_t)k);
            prev = cp;
            i += (size_t)k;
            continue;
        }
        while (j < len && s[j] == s[i])
            j++;
        if (j < len)
            sb_utf8_decode(s + j, len - j, &next);
        if (cjk_punct(prev) && solid(next))
            sb_buf_puts(out, ZWSP);
        sb_buf_put(out, s + i, j - i);
        if (cjk_punct(next) && solid(prev))
            sb_buf_puts(out, ZWSP);
        prev = s[i];
        i = j;
    }
}

static int is_h1(cmark_node *n)
{
    return cmark_node_get_type(n) == CMARK_NODE_HEADING &&
           cmark_node_get_heading_level(n) == 1;
}

static int same_key(const char *a, const char *b)
{
    struct sb_buf ka = {0}, kb = {0};
    int same;

    sb_norm_key(a, strlen(a), &ka);
    sb_norm_key(b, strlen(b), &kb);
    same = ka.len > 0 && strcmp(ka.data, kb.data) == 0;
    sb_buf_free(&ka);
    sb_buf_free(&kb);
    return same;
}

/* The section a heading names, or -1. */
static int match(const struct sb_sections *s, const char *title)
{
    size_t tok = strcspn(title, " \t");
    const char *ideo = strstr(title, "\u3000");

    if (ideo != NULL && (size_t)(ideo - title) < tok)
        tok = (size_t)(ideo - title);
    for (int i = 0; i < s->n; i++)
        if (same_key(title, s->v[i].heading) || same_key(title, s->v[i].key))
            return i;
    for (int i = 0; i < s->n; i++)
        if (strlen(s->v[i].key) == tok &&
            strncmp(title, s->v[i].key, tok) == 0)
            return i;
    return -1;
}

struct ctx {
    struct sb_narrative *n;
    const struct sb_sections *secs;
    struct sb_findings *fs;
};

void sb_narrative_finding(const struct sb_narrative *n,
                          struct sb_findings *fs, enum sb_severity sev,
                          const char *code, long line, const char *source,
                          const char *expected, const char *found,
                          const char *msg)
{
    struct sb_finding f = {0};

    if (fs == NULL)
        return;
    f.code = code;
    f.sev = sev;
    f.pos.path = n->path;
    f.pos.row = line;
    f.pos.line = line;
    f.expected = expected;
    f.found = found;
    f.message = msg;
    f.source = source;
    sb_findings_add(fs, &f);
}

static void finding(struct ctx *c, enum sb_severity sev, const char *code,
                    long line, int sec, const char *expected,
                    const char *found, const char *msg)
{
    sb_narrative_finding(c->n, c->fs, sev, code, line,
                         sec >= 0 ? c->secs->v[sec].source : "sections.csv",
                         expected, found, msg);
}

static void add_part(struct sb_narrative *n, cmark_node *h)
{
    struct sb_narrative_part *p;
    struct sb_buf title = {0};

    n->parts = sb_xrealloc(n->parts,
                           (size_t)(n->n_parts + 1) * sizeof *n->parts);
    p = &n->parts[n->n_parts++];
    memset(p, 0, sizeof *p);
    plain(h, &title, 0);
    while (title.len > 0 && title.data[title.len - 1] == '\n')
        title.data[--title.len] = '\0';
    p->title = sb_buf_take(&title);
    p->line = cmark_node_get_start_line(h);
    p->first = cmark_node_next(h);
    p->section = -1;
}

/* Sub-headings (cases) and images of blocks [first, end). */
static void count_cases(cmark_node *first, cmark_node *end, int *cases,
                        int *images)
{
    *cases = *images = 0;
    for (cmark_node *b = first; b != NULL && b != end;
         b = cmark_node_next(b)) {
        cmark_iter *it = cmark_iter_new(b);
        cmark_event_type ev;

        if (cmark_node_get_type(b) == CMARK_NODE_HEADING &&
            cmark_node_get_heading_level(b) == 2)
            (*cases)++;
        while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE)
            if (ev == CMARK_EVENT_ENTER &&
                cmark_node_get_type(cmark_iter_get_node(it)) ==
                    CMARK_NODE_IMAGE)
                (*images)++;
        cmark_iter_free(it);
    }
}

/* The cases and figures section s asks for, against what its part
 * holds (cases sub-headings, images; line of the heading, 0: no part). */
static void check_asks(struct ctx *c, int s, long line, int cases,
                       int images)
{
    const struct sb_section *sec = &c->secs->v[s];
    struct sb_buf msg = {0}, exp = {0}, got = {0};

    if (sec->min_cases > 0 &&
        (cases < sec->min_cases || cases > sec->max_cases)) {
        if (sec->min_cases == sec->max_cases)
            sb_buf_printf(&exp, "%d个案例", sec->min_cases);
        else
            sb_buf_printf(&exp, "%d–%d个案例", sec->min_cases,
                          sec->max_cases);
        sb_buf_printf(&got, "%d个", cases);
        sb_buf_printf(&msg,
                      "“%s”应详细介绍%s（每个案例一个二级标题“## ”），"
                      "实有%d个",
                      sec->heading, exp.data, cases);
        finding(c, SB_SEV_WARNING, "report.cases", line, s, exp.data,
                got.data, msg.data);
        sb_buf_clear(&msg);
        sb_buf_clear(&exp);
        sb_buf_clear(&got);
    }
    if (sec->figures > 0 && images < sec->figures) {
        sb_buf_printf(&exp, "%d幅图", sec->figures);
        sb_buf_printf(&got, "%d幅", images);
        sb_buf_printf(&msg, "“%s”应附图（如架构图）%d幅，实有%d幅",
                      sec->heading, sec->figures, images);
        finding(c, SB_SEV_WARNING, "report.figure-missing", line, s,
                exp.data, got.data, msg.data);
    }
    sb_buf_free(&msg);
    sb_buf_free(&exp);
    sb_buf_free(&got);
}

/* Check one part against its section: known, not a duplicate, within
 * its word limit, with the cases and figures it asks for. */
static void check_part(struct ctx *c, int i)
{
    struct sb_narrative *n = c->n;
    struct sb_narrative_part *p = &n->parts[i];
    const struct sb_section *sec;
    struct sb_buf msg = {0}, exp = {0}, got = {0};

    if (p->section < 0) {
        sb_buf_printf(&msg,
                      "标题“%s”不对应申报书的任何部分，其下内容未排入申报书；"
                      "请使用 sections.csv 中的标题",
                      p->title);
        finding(c, SB_SEV_WARNING, "report.section-unknown", p->line, -1,
                NULL, p->title, msg.data);
        goto done;
    }
    sec = &c->secs->v[p->section];
    if (n->of_section[p->section] != i) {
        sb_buf_printf(&msg, "“%s”重复出现（第%ld行已有），此处内容未排入申报书",
                      sec->heading, n->parts[n->of_section[p->section]].line);
        finding(c, SB_SEV_WARNING, "report.section-duplicate", p->line,
                p->section, NULL, p->title, msg.data);
        goto done;
    }
    if (sec->limit > 0 && p->words > sec->limit) {
        sb_buf_printf(&exp, "≤ %ld字", sec->limit);
        sb_buf_printf(&got, "%ld字", p->words);
        sb_buf_printf(&msg, "“%s”共%ld字，超过限制%ld字（多%ld字）",
                      sec->heading, p->words, sec->limit,
                      p->words - sec->limit);
        finding(c, SB_SEV_ERROR, "report.word-limit", p->line, p->section,
                exp.data, got.data, msg.data);
    }
    if (sec->required && p->words == 0) {
        sb_buf_printf(&msg, "必填部分“%s”没有内容", sec->heading);
        finding(c, SB_SEV_ERROR, "report.section-empty", p->line,
                p->section, "正文", "（空）", msg.data);
    }
    if (p->words > 0) { /* an empty part is said once, above */
        int cases, images;

        count_cases(p->first, p->end, &cases, &images);
        check_asks(c, p->section, p->line, cases, images);
    }
done:
    sb_buf_free(&msg);
    sb_buf_free(&exp);
    sb_buf_free(&got);
}

static void check_outside(struct ctx *c, cmark_node *first_h1)
{
    struct sb_buf t = {0};
    cmark_node *first = cmark_node_first_child(c->n->doc);
    long words;

    sb_narrative_text(first, first_h1, &t);
    words = sb_word_count(t.data ? t.data : "", t.len);
    if (words > 0)
        finding(c, SB_SEV_WARNING, "report.text-outside",
                cmark_node_get_start_line(first), -1, "一级标题（# ）下的正文",
                NULL, "第一个一级标题之前的文字不属于任何部分，未排入申报书");
    sb_buf_free(&t);
}

static void check_missing(struct ctx *c)
{
    for (int s = 0; s < c->secs->n; s++) {
        const struct sb_section *sec = &c->secs->v[s];
        struct sb_buf msg = {0}, exp = {0};

        if (c->n->of_section[s] >= 0)
            continue;
        if (!sec->required) { /* a missing required part is said once */
            check_asks(c, s, 0, 0, 0);
            continue;
        }
        sb_buf_printf(&exp, "# %s", sec->heading);
        sb_buf_printf(&msg, "缺少必填部分“%s”：请加上一级标题“# %s”并写正文",
                      sec->heading, sec->heading);
        finding(c, SB_SEV_ERROR, "report.section-missing", 0, s, exp.data,
                NULL, msg.data);
        sb_buf_free(&msg);
        sb_buf_free(&exp);
    }
}

static void no_file(struct ctx *c)
{
    struct sb_buf names = {0}, msg = {0};

    for (int s = 0; s < c->secs->n; s++) {
        if (!c->secs->v[s].required)
            continue;
        if (names.len > 0)
            sb_buf_puts(&names, "、");
        sb_buf_puts(&names, c->secs->v[s].heading);
    }
    if (names.len > 0) {
        sb_buf_printf(&msg,
                      "没有 declaration.md：申报书的必填叙述部分（%s）为空；"
                      "shenbao init 可生成带各部分标题的模板",
                      names.data);
        finding(c, SB_SEV_ERROR, "report.no-narrative", 0, -1,
                "declaration.md", NULL, msg.data);
    }
    sb_buf_free(&names);
    sb_buf_free(&msg);
}

struct sb_narrative *sb_narrative_parse(const char *text, size_t len,
                                        const char *path,
                                        const struct sb_sections *secs,
                                        struct sb_findings *fs)
{
    struct sb_narrative *n = sb_xcalloc(1, sizeof *n);
    struct ctx c = {n, secs, fs};
    cmark_node *first_h1 = NULL;

    n->path = sb_xstrdup(path != NULL ? path : "declaration.md");
    n->n_sections = secs->n;
    n->of_section = sb_xmalloc(((size_t)secs->n + 1) * sizeof(int));
    for (int s = 0; s < secs->n; s++)
        n->of_section[s] = -1;
    if (text == NULL) {
        n->doc = cmark_node_new(CMARK_NODE_DOCUMENT);
        no_file(&c);
        return n;
    }
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        text += 3;
        len -= 3;
    }
    if (sb_utf8_valid_prefix(text, len) < len)
        finding(&c, SB_SEV_ERROR, "report.encoding", 0, -1, "UTF-8",
                NULL, "declaration.md 不是 UTF-8 编码，无法识别的字节排为“\uFFFD”；"
                      "请另存为 UTF-8");
    {
        struct sb_buf src = {0};

        cjk_emphasis(text, len, &src);
        n->doc = cmark_parse_document(src.data ? src.data : "", src.len,
                                      CMARK_OPT_VALIDATE_UTF8);
        sb_buf_free(&src);
    }
    for (cmark_node *b = cmark_node_first_child(n->doc); b != NULL;
         b = cmark_node_next(b)) {
        if (!is_h1(b))
            continue;
        if (first_h1 == NULL)
            first_h1 = b;
        if (n->n_parts > 0)
            n->parts[n->n_parts - 1].end = b;
        add_part(n, b);
    }
    check_outside(&c, first_h1);
    for (int i = 0; i < n->n_parts; i++) {
        struct sb_narrative_part *p = &n->parts[i];
        struct sb_buf t = {0};

        p->section = match(secs, p->title);
        if (p->section >= 0 && n->of_section[p->section] < 0)
            n->of_section[p->section] = i;
        sb_narrative_text(p->first, p->end, &t);
        p->words = sb_word_count(t.data ? t.data : "", t.len);
        sb_buf_free(&t);
        check_part(&c, i);
    }
    check_missing(&c);
    return n;
}

int sb_narrative_read(struct sb_narrative **out, const char *path,
                      const struct sb_sections *secs,
                      struct sb_findings *fs, struct sb_error *err)
{
    FILE *fp = path != NULL ? fopen(path, "rb") : NULL;
    struct sb_buf b = {0};
    char chunk[65536];
    size_t k;

    *out = NULL;
    if (fp == NULL && path != NULL && errno != ENOENT)
        return sb_error_set(err, SB_EIO, NULL, "cannot read %s: %s", path,
                            strerror(errno));
    if (fp == NULL) {
        *out = sb_narrative_parse(NULL, 0, path, secs, fs);
        return SB_OK;
    }
    while ((k = fread(chunk, 1, sizeof chunk, fp)) > 0)
        sb_buf_put(&b, chunk, k);
    if (ferror(fp)) {
        fclose(fp);
        sb_buf_free(&b);
        return sb_error_set(err, SB_EIO, NULL, "cannot read %s: %s", path,
                            strerror(errno));
    }
    fclose(fp);
    *out = sb_narrative_parse(b.data ? b.data : "", b.len, path, secs, fs);
    sb_buf_free(&b);
    return SB_OK;
}

void sb_narrative_free(struct sb_narrative *n)
{
    if (n == NULL)
        return;
    for (int i = 0; i < n->n_parts; i++)
        free(n->parts[i].title);
    free(n->parts);
    free(n->of_section);
    if (n->doc != NULL)
        cmark_node_free(n->doc);
    free(n->path);
    free(n);
}

const struct sb_narrative_part *
sb_narrative_part(const struct sb_narrative *n, int sec)
{
    if (sec < 0 || sec >= n->n_sections || n->of_section[sec] < 0)
        return NULL;
    return &n->parts[n->of_section[sec]];
}
