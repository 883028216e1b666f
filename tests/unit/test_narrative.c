/* test_narrative.c: declaration.md cut into the sections of
 * sections.csv: how headings name sections, Word-style counts on the
 * text (not the syntax, not comments), the limits and the other
 * findings; sections.csv's own validation. */
#include <unistd.h>

#include "form/form.h"
#include "report/narrative.h"
#include "test.h"

static struct sb_form *form;
static struct sb_sections *secs;
static struct sb_findings *fs;

static struct sb_narrative *parse(const char *md)
{
    sb_findings_free(fs);
    fs = sb_findings_new(0);
    return sb_narrative_parse(md, md != NULL ? strlen(md) : 0,
                              "d/declaration.md", secs, fs);
}

static long words_of(const struct sb_narrative *n, const char *key)
{
    const struct sb_narrative_part *p =
        sb_narrative_part(n, sb_sections_find(secs, key));

    return p != NULL ? p->words : -1;
}

/* "code@line" of the findings, in order, joined by spaces. */
static const char *codes(void)
{
    static char out[1024];
    long n;
    const struct sb_finding *f = sb_findings_sorted(fs, &n);
    size_t len = 0;

    out[0] = '\0';
    for (long i = 0; i < n; i++)
        len += (size_t)snprintf(out + len, sizeof out - len, "%s%s@%ld",
                                i ? " " : "", f[i].code, f[i].pos.line);
    return out;
}

static void sections_csv(void)
{
    int i = sb_sections_find(secs, "intro");

    CHECK(secs->n >= 20);
    CHECK(i >= 0);
    if (i >= 0) {
        CHECK_STR(secs->v[i].heading, "企业简介");
        CHECK_INT(secs->v[i].limit, 1000);
        CHECK_INT(secs->v[i].required, 1);
    }
    i = sb_sections_find(secs, "architecture");
    CHECK(i >= 0 && secs->v[i].limit == 2500);
    i = sb_sections_find(secs, "plan");
    CHECK(i >= 0 && secs->v[i].limit == 1000);
    CHECK_INT(sb_sections_find(secs, "nothing"), -1);
}

static void bad_sections_csv(void)
{
    static const struct {
        const char *csv, *msg;
    } cases[] = {
        {"key,heading,required,limit,source,hint\na,甲,1,十,s,h\n",
         "positive number"},
        {"key,heading,required,limit,source,hint\na,甲,2,,s,h\n", "0 or 1"},
        {"key,heading,required,limit,source,hint\na,甲,1,,s,h\na,乙,0,,s,h\n",
         "duplicate key"},
        {"key,heading,required,source,hint\na,甲,1,s,h\n", "limit"},
    };
    char dir[] = "/tmp/sb_sections_XXXXXX";
    struct sb_form f = {0};
    struct sb_sections *s = NULL;
    struct sb_error err = {0};
    char path[128];

    CHECK(mkdtemp(dir) != NULL);
    f.dir = dir;
    /* no sections.csv: no sections */
    CHECK_INT(sb_sections_load(&s, &f, &err), SB_OK);
    CHECK(s != NULL && s->n == 0);
    sb_sections_free(s);
    snprintf(path, sizeof path, "%s/sections.csv", dir);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        FILE *fp = fopen(path, "w");

        fputs(cases[i].csv, fp);
        fclose(fp);
        memset(&err, 0, sizeof err);
        CHECK_INT(sb_sections_load(&s, &f, &err), SB_EFORMAT);
        CHECK(s == NULL);
        CHECK(strstr(err.msg, cases[i].msg) != NULL);
    }
    unlink(path);
    rmdir(dir);
}

static void counts(void)
{
    struct sb_narrative *n;

    /* 平台 2, 支持 2, OPC 1, UA 1, 和 1, 5G 1, 。1: the ** not counted */
    n = parse("# 企业简介\n\n**平台**支持 OPC UA 和 5G。\n");
    CHECK_INT(words_of(n, "intro"), 9);
    sb_narrative_free(n);
    /* list markers, comments, the image and link syntax not counted;
     * code and link text are */
    n = parse("# 企业简介\n\n- 一\n- 二\n\n<!-- 三四五 -->\n\n`code` "
              "[链接](http://example.com) ![图片](a.png)\n\n1. 三\n");
    CHECK_INT(words_of(n, "intro"), 6);
    sb_narrative_free(n);
    /* 12.6 and 3,412 are one word each; a soft break splits Latin */
    n = parse("# 企业简介\n\n共12.6万台，3,412家\nAPP\nweb\n");
    CHECK_INT(words_of(n, "intro"), 9);
    sb_narrative_free(n);
}

static void headings(void)
{
    struct sb_narrative *n;

    /* by heading (spaces and width ignored), by key, by first word */
    n = parse("# 企业 简介\n\n甲\n\n# architecture\n\n乙乙\n\n"
              "# 1.1 设备接入情况\n\n丙丙丙\n\n# （４）工业互联网平台下一步发展计划\n\n"
              "丁丁丁丁\n");
    CHECK_INT(words_of(n, "intro"), 1);
    CHECK_INT(words_of(n, "architecture"), 2);
    CHECK_INT(words_of(n, "1.1"), 3);
    CHECK_INT(words_of(n, "plan"), 4);
    /* only what sections.csv asks for beyond words: the cases of 3.1–3.3
     * (not written) and the diagram of (3) (at its heading, line 5) */
    CHECK_STR(codes(), "report.cases@0 report.cases@0 report.cases@0 "
                       "report.figure-missing@5");
    sb_narrative_free(n);
}

static void findings(void)
{
    struct sb_narrative *n;
    struct sb_buf md = {0};
    long count;
    const struct sb_finding *f;

    /* 1001 字: one over */
    sb_buf_puts(&md, "前言\n\n# 企业简介\n\n");
    for (int i = 0; i < 1001; i++)
        sb_buf_puts(&md, "字");
    sb_buf_puts(&md, "\n\n# 企业简介\n\n重复\n\n# 别的\n\n文字\n\n"
                     "# （4）工业互联网平台下一步发展计划\n\n<!-- 只有注释 -->\n");
    n = parse(md.data);
    /* (3) missing is said once: section-missing, not also figure-missing */
    CHECK_STR(codes(), "report.section-missing@0 report.word-limit@3 "
                       "report.section-empty@15 report.cases@0 report.cases@0 "
                       "report.cases@0 "
                       "report.text-outside@1 report.section-duplicate@7 "
                       "report.section-unknown@11");
    f = sb_findings_sorted(fs, &count);
    if (count > 1) {
        CHECK_STR(f[1].code, "report.word-limit");
        CHECK_STR(f[1].expected, "≤ 1000字");
        CHECK_STR(f[1].found, "1001字");
        CHECK_STR(f[1].pos.path, "d/declaration.md");
        CHECK_INT(f[1].pos.row, 3);
        CHECK_STR(f[1].source, "002 附件2 一、企业基本信息（限1000字）");
    }
    /* the first of two is the one printed */
    CHECK_INT(words_of(n, "intro"), 1001);
    sb_narrative_free(n);
    sb_buf_free(&md);
    /* no declaration.md: one finding naming the required sections */
    n = parse(NULL);
    CHECK_STR(codes(), "report.no-narrative@0");
    f = sb_findings_sorted(fs, &count);
    CHECK(count == 1 && strstr(f[0].message, "企业简介、") != NULL);
    sb_narrative_free(n);
    /* not UTF-8 */
    n = parse("# \xC6\xF3\xD2\xB5\xBC\xF2\xBD\xE9\n");
    CHECK(strstr(codes(), "report.encoding@0") != NULL);
    sb_narrative_free(n);
}

static void cjk_emphasis(void)
{
    struct sb_narrative *n;
    const struct sb_narrative_part *p;
    cmark_node *para;
    struct sb_buf t = {0};

    /* CommonMark alone leaves these ** as text next to 。 and “ */
    n = parse("\xEF\xBB\xBF# 企业简介\n\n**一、业务框架。**平台面向"
              "**“工业大脑”**是\n");
    p = sb_narrative_part(n, sb_sections_find(secs, "intro"));
    CHECK(p != NULL);
    if (p == NULL)
        return;
    para = p->first;
    CHECK_INT(cmark_node_get_type(cmark_node_first_child(para)),
              CMARK_NODE_STRONG);
    CHECK_INT(cmark_node_get_type(cmark_node_last_child(para)),
              CMARK_NODE_TEXT);
    CHECK_INT(cmark_node_get_type(cmark_node_previous(
                  cmark_node_last_child(para))),
              CMARK_NODE_STRONG);
    /* the U+200B added is neither extracted nor counted */
    sb_narrative_text(p->first, p->end, &t);
    CHECK_STR(t.data, "一、业务框架。平台面向“工业大脑”是\n");
    CHECK_INT(p->words, 18);
    sb_buf_free(&t);
    sb_narrative_free(n);
}

int main(void)
{
    struct sb_error err = {0};
    int rc;

    if (sb_form_load_edition(&form, "platform-2023", &err) != SB_OK ||
        sb_sections_load(&secs, form, &err) != SB_OK) {
        sb_error_print(&err);
        return 1;
    }
    RUN(sections_csv);
    RUN(bad_sections_csv);
    RUN(counts);
    RUN(headings);
    RUN(findings);
    RUN(cjk_emphasis);
    rc = TEST_REPORT();
    sb_findings_free(fs);
    sb_sections_free(secs);
    sb_form_free(form);
    return rc;
}
