/* test_typeset.c: Chinese line breaking (避头尾) and justification, grid
 * maths, heading numbers, and the document API end to end (pages,
 * findings, errors, no half-written file). */
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "typeset/justify.h"
#include "typeset/linebreak.h"
#include "test.h"
#include "typeset/typeset.h"
#include "base/utf8.h"

static struct sb_fonts *fonts;

/* ---- line breaking on synthetic widths ---------------------------- */

/* Lines of s set like body text: full-width characters 16 pt, others
 * 8 pt, a first line of first 字 and then of 28 字 at the grid's
 * tracking. Returns the lines joined by '|' (static buffer). */
static const char *set(const char *s, int first)
{
    static char out[4096];
    double track = (156 * 72 / 25.4 - 28 * 16.0) / 27, cell = 16 + track;
    int32_t cps[512] = {0};
    size_t offs[513];
    struct sb_lb_item it[512];
    int n = 0, start = 0, len = 0;
    size_t slen = strlen(s);

    for (size_t i = 0; i < slen && n < 512;) {
        int k = sb_utf8_decode(s + i, slen - i, &cps[n]);
        enum sb_lb_class c = sb_lb_class_of(cps[n]);

        offs[n] = i;
        it[n].adv = c == SB_LB_ZW || c == SB_LB_BK ? 0
                    : (c == SB_LB_ID || cps[n] >= 0x2000) ? 16
                                                          : 8;
        it[n].flags = it[n].adv > 0 ? SB_LB_TRACK : 0;
        n++;
        i += (size_t)k;
    }
    offs[n] = slen;
    sb_lb_analyse(cps, n, it);
    while (start < n) {
        int next, forced;
        double avail = (start == 0 ? first : 28) * cell - track;
        int end = sb_lb_fit(it, n, start, avail + 0.001, track, &next,
                            &forced);

        if (len > 0)
            out[len++] = '|';
        memcpy(out + len, s + offs[start], offs[end] - offs[start]);
        len += (int)(offs[end] - offs[start]);
        start = next;
    }
    out[len] = '\0';
    return out;
}

/* The first n (<= 27) characters of a filler, then tail. */
static char *with(int n, const char *tail)
{
    static char buf[1024];
    const char *f = "平台面向装备制造电子信息原材料消费品等重点行业提供服务";

    memcpy(buf, f, (size_t)n * 3); /* 3 bytes per character */
    snprintf(buf + n * 3, sizeof buf - (size_t)n * 3, "%s", tail);
    return buf;
}

static void classes(void)
{
    CHECK_INT(sb_lb_class_of(0x4E2D), SB_LB_ID); /* 中 */
    CHECK_INT(sb_lb_class_of(0xFF0C), SB_LB_CL); /* ， */
    CHECK_INT(sb_lb_class_of(0x3002), SB_LB_CL); /* 。 */
    CHECK_INT(sb_lb_class_of(0x201D), SB_LB_CL); /* ” */
    CHECK_INT(sb_lb_class_of(0x2026), SB_LB_CL); /* … */
    CHECK_INT(sb_lb_class_of('%'), SB_LB_CL);
    CHECK_INT(sb_lb_class_of(0xFF08), SB_LB_OP); /* （ */
    CHECK_INT(sb_lb_class_of(0x201C), SB_LB_OP); /* “ */
    CHECK_INT(sb_lb_class_of(0x300A), SB_LB_OP); /* 《 */
    CHECK_INT(sb_lb_class_of(0x2014), SB_LB_DASH);
    CHECK_INT(sb_lb_class_of('/'), SB_LB_SL);
    CHECK_INT(sb_lb_class_of('A'), SB_LB_AL);
    CHECK_INT(sb_lb_class_of('7'), SB_LB_AL);
    CHECK_INT(sb_lb_class_of(' '), SB_LB_SP);
    CHECK_INT(sb_lb_class_of('\n'), SB_LB_BK);
    CHECK_INT(sb_lb_class_of(0x200B), SB_LB_ZW);
    CHECK_INT(sb_lb_class_of(0x0301), SB_LB_CM);
}

/* Where breaks are allowed: '|' marks each allowed break in the result */
static const char *marks(const char *s)
{
    static char out[1024];
    int32_t cps[256] = {0};
    size_t offs[257], slen = strlen(s);
    struct sb_lb_item it[256] = {{0}};
    int n = 0, len = 0;

    for (size_t i = 0; i < slen && n < 256; n++) {
        offs[n] = i;
        i += (size_t)sb_utf8_decode(s + i, slen - i, &cps[n]);
    }
    offs[n] = slen;
    sb_lb_analyse(cps, n, it);
    for (int i = 0; i < n; i++) {
        if (it[i].brk != SB_LB_NEVER)
            out[len++] = '|';
        memcpy(out + len, s + offs[i], offs[i + 1] - offs[i]);
        len += (int)(offs[i + 1] - offs[i]);
    }
    out[len] = '\0';
    return out;
}

static void break_opportunities(void)
{
    /* quotes bind to their inside only (Pango 1.50 forbids all four) */
    CHECK_STR(marks("说“平台”的"), "说|“平|台”|的");
    /* closing punctuation never starts, opening never ends a line */
    CHECK_STR(marks("设备（台）。"), "设|备|（台）。");
    /* —— and …… stay whole; a line may start with —— */
    CHECK_STR(marks("包括——运行……等"), "包|括|——|运|行……|等");
    /* no break around the solidus of 台/套; none inside 12.6 or APP */
    CHECK_STR(marks("12.6万台/套APP"), "12.6|万|台/套|APP");
    /* % and 。 do not start a line; after a space a break is allowed */
    CHECK_STR(marks("增长25%。工业 APP 数量"), "增|长|25%。|工|业 |APP |数|量");
    /* English apostrophe and numbers with separators */
    CHECK_STR(marks("don’t 1,000"), "don’t |1,000");
    /* '\n' forces a break, a zero-width space allows one */
    CHECK_STR(marks("甲\n乙\u200B丙"), "甲\n|乙\u200B|丙");
}

static void tempting_lines(void)
{
    /* 28 字 fill a line exactly at the grid's tracking */
    CHECK_STR(set(with(26, "平台连接"), 28),
              "平台面向装备制造电子信息原材料消费品等重点行业提供服平台|连接");
    /* ， at 27: the 26th character goes down with it (first line 26 字) */
    CHECK_STR(set(with(25, "台，平台"), 26),
              "平台面向装备制造电子信息原材料消费品等重点行业提供|台，平台");
    /* （ would end the line: it goes down */
    CHECK_STR(set(with(25, "（含）"), 26),
              "平台面向装备制造电子信息原材料消费品等重点行业提供|（含）");
    /* “ at 26 goes down; ” at 27 takes 台 along */
    CHECK_STR(set(with(25, "“大脑”"), 26),
              "平台面向装备制造电子信息原材料消费品等重点行业提供|“大脑”");
    CHECK_STR(set(with(24, "“平台”是"), 26),
              "平台面向装备制造电子信息原材料消费品等重点行业提“平|台”是");
    /* —— across the edge moves whole; …… takes the character before */
    CHECK_STR(set(with(25, "——包括"), 26),
              "平台面向装备制造电子信息原材料消费品等重点行业提供|——包括");
    CHECK_STR(set(with(25, "……等"), 26),
              "平台面向装备制造电子信息原材料消费品等重点行业提|供……等");
    /* 台/套 is not split; 25% is not split */
    CHECK_STR(set(with(23, "12台/套设备"), 26),
              "平台面向装备制造电子信息原材料消费品等重点行业12|台/套设备");
    CHECK_STR(set(with(25, "25%的"), 26),
              "平台面向装备制造电子信息原材料消费品等重点行业提供|25%的");
    /* spaces at a break are dropped, a line feed is honoured */
    CHECK_STR(set(with(26, " APP 平台"), 26),
              "平台面向装备制造电子信息原材料消费品等重点行业提供服|APP 平台");
    CHECK_STR(set("甲乙\n丙", 26), "甲乙|丙");
    /* an unbreakable run wider than the line (56 characters of 8 pt at
     * the grid's tracking fill 28 字) breaks as an address does, before
     * . / - _ @ (CMOS 7.42), else where it overflows */
    CHECK_STR(set("https://example.com/a/very/long/path/that/never/breaks/"
                  "anywhere/at/all",
                  28),
              "https://example.com/a/very/long/path/that/never/breaks|"
              "/anywhere/at/all");
    CHECK_STR(set("shenjiayi@chengyue-soft.example.cn", 8),
              "shenjiayi|@chengyue-soft.example.cn");
    CHECK_STR(set("shenjiayi@chengyue-soft.example.cn", 12),
              "shenjiayi@chengyue-soft|.example.cn");
    CHECK_STR(set("shenjiayi@chengyue-soft.example.cn", 10),
              "shenjiayi@chengyue|-soft.example.cn");
    CHECK_STR(set("www.chengyue-soft.example.cn", 10),
              "www.chengyue-soft|.example.cn");
    CHECK_STR(set("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
                  "bbbb",
                  28),
              "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa|"
              "aaaabbbb");
    /* not a break otherwise: an address that fits is never cut */
    CHECK_STR(marks("a@b.cn"), "a@b.cn");
}

static void justification(void)
{
    /* 5 items: 中 中 space A B, slack 8 pt spread over gaps that take it:
     * 中|中 and 中|space (wide neighbours), space|A (break), not A|B */
    int32_t cps[] = {0x4E2D, 0x4E2D, ' ', 'A', 'B'};
    struct sb_lb_item it[5];
    double x[5], w;

    for (int i = 0; i < 5; i++) {
        it[i].adv = cps[i] > 0x2000 ? 16 : 8;
        it[i].flags = SB_LB_TRACK;
    }
    sb_lb_analyse(cps, 5, it);
    w = sb_lb_width(it, 0, 5, -0.5);
    CHECK_DBL(w, 56 - 2, 1e-9);
    sb_lb_place(it, 0, 5, -0.5, 9, x);
    CHECK_DBL(x[0], 0, 1e-9);
    CHECK_DBL(x[1], 16 - 0.5 + 3, 1e-9);
    CHECK_DBL(x[2], 32 - 1 + 6, 1e-9);
    CHECK_DBL(x[3], 40 - 1.5 + 9, 1e-9);
    CHECK_DBL(x[4], 48 - 2 + 9, 1e-9); /* no slack inside "AB" */
    CHECK_DBL(x[4] + it[4].adv, w + 9, 1e-9);
}

/* Items of s at 16 pt (full-width) and 8 pt (others), analysed. */
static int items(const char *s, struct sb_lb_item *it, int max)
{
    int32_t cps[64];
    int n = 0;

    for (size_t i = 0, len = strlen(s); i < len && n < max && n < 64;) {
        i += (size_t)sb_utf8_decode(s + i, len - i, &cps[n]);
        it[n].adv = cps[n] >= 0x2000 ? 16 : 8;
        it[n].flags = SB_LB_TRACK;
        n++;
    }
    sb_lb_analyse(cps, n, it);
    return n;
}

/* clreq order: punctuation squeezed when a line is set tight, Han–Latin
 * boundaries widened before characters are spread apart. */
static void squeeze_and_spread(void)
{
    struct sb_lb_item it[16];
    double x[16], hl, extra;
    int n, next[16], k;

    /* 中，中（中）中: the inner ，（） give half an em each, the first
     * and last items nothing; ，and ） lose their end, （ its start */
    n = items("中，中（中）中", it, 16);
    CHECK_DBL(sb_lb_squeeze(it, 0, n), 24, 1e-9);
    sb_lb_place(it, 0, n, 0, -12, x);
    CHECK_DBL(x[1], 16, 1e-9);
    CHECK_DBL(x[2], 32 - 4, 1e-9);  /* ， gave 4 of its 8 */
    CHECK_DBL(x[3], 48 - 4 - 4, 1e-9); /* （ drawn 4 to the left */
    CHECK_DBL(x[4], 64 - 8, 1e-9);
    CHECK_DBL(x[6] + 16, 7 * 16 - 12, 1e-9);

    /* 中AB中: 10 pt of slack go to the two Han–Latin boundaries (half
     * an em each, 16 in all) before any gap between characters */
    n = items("中AB中", it, 16);
    extra = sb_lb_spread(it, 0, n, 10, &hl);
    CHECK_DBL(extra, 0, 1e-9);
    CHECK_DBL(hl, 10.0 / 16, 1e-9);
    sb_lb_place(it, 0, n, 0, 10, x);
    CHECK_DBL(x[1], 16 + 5, 1e-9);
    CHECK_DBL(x[2], 24 + 5, 1e-9); /* nothing inside "AB" */
    CHECK_DBL(x[3], 32 + 10, 1e-9);
    /* 22 pt: 16 at the boundaries, 6 over the three gaps next to 中 */
    extra = sb_lb_spread(it, 0, n, 22, &hl);
    CHECK_DBL(hl, 1, 1e-9);
    CHECK_DBL(extra, 3, 1e-9);

    /* seven 字 and 。 on lines of six: greedy leaves "中。" alone on the
     * last line; the total fit moves a 字 down (GB/T 9704 practice) */
    n = items("中中中中中中中。", it, 16);
    k = sb_js_breaks(it, n, 96, 96, 0, next);
    CHECK_INT(k, 2);
    CHECK_INT(next[0], 5);
    CHECK_INT(next[1], 8);
}

/* ---- grid and numbers --------------------------------------------- */

static void grid_maths(void)
{
    struct sb_page_style ps;
    struct sb_grid g;

    sb_page_style_gbt9704(&ps);
    sb_page_grid(&ps, &g);
    CHECK_DBL(g.paper_w, 595.2756, 1e-3);
    CHECK_DBL(g.paper_h, 841.8898, 1e-3);
    CHECK_DBL(g.text_w, 442.2047, 1e-3);
    CHECK_DBL(g.left_odd, 79.3701, 1e-3);   /* 28 mm */
    CHECK_DBL(g.left_even, 73.7008, 1e-3);  /* 26 mm, mirrored */
    CHECK_DBL(g.top, 104.8819, 1e-3);       /* 37 mm */
    CHECK_DBL(g.bottom, 742.6772, 1e-3);    /* 262 mm */
    CHECK_DBL(g.pitch, 29.6093, 1e-3);      /* (225 mm - 16 pt) / 21 */
    CHECK_DBL(g.track, -0.21464, 1e-4);     /* 28 字 fill 156 mm */
    CHECK_DBL(28 * 16 + 27 * g.track, g.text_w, 1e-9);
    CHECK_DBL(sb_grid_baseline(&g, 0, 16), g.top + 14.08, 1e-9);
    CHECK_DBL(sb_grid_baseline(&g, 21, 16) + 1.92, g.bottom, 1e-9);
    CHECK_DBL(sb_grid_left(&g, 1), g.left_odd, 1e-9);
    CHECK_DBL(sb_grid_left(&g, 2), g.left_even, 1e-9);
    sb_page_style_landscape(&ps);
    sb_page_grid(&ps, &g);
    CHECK_DBL(g.paper_w, 841.8898, 1e-3);
    CHECK_DBL(sb_grid_left(&g, 2), g.left_odd, 1e-9); /* not mirrored */
}

static void numbers(void)
{
    static const struct {
        long n;
        const char *s;
    } cn[] = {{1, "一"},        {9, "九"},        {10, "十"},
              {11, "十一"},     {20, "二十"},     {21, "二十一"},
              {99, "九十九"},   {100, "一百"},    {105, "一百零五"},
              {110, "一百一十"}, {1010, "一千零一十"}, {10000, "10000"}};
    char buf[64];

    for (size_t i = 0; i < sizeof cn / sizeof cn[0]; i++)
        CHECK_STR(sb_cn_numeral(cn[i].n, buf, sizeof buf), cn[i].s);
    CHECK_STR(sb_heading_number(1, 3, buf, sizeof buf), "三、");
    CHECK_STR(sb_heading_number(2, 12, buf, sizeof buf), "（十二）");
    CHECK_STR(sb_heading_number(3, 4, buf, sizeof buf), "4.");
    CHECK_STR(sb_heading_number(4, 2, buf, sizeof buf), "（2）");
}

/* ---- the document API --------------------------------------------- */

static char dir[64];

static char *path_in(const char *name)
{
    static char buf[128];

    snprintf(buf, sizeof buf, "%s/%s", dir, name);
    return buf;
}

static void pages_and_findings(void)
{
    struct sb_page_style ps;
    struct sb_findings *fs = sb_findings_new(0);
    struct sb_error err = {0};
    struct sb_doc *doc;
    const struct sb_finding *f;
    struct stat st;
    long n;

    sb_page_style_gbt9704(&ps);
    doc = sb_doc_new(fonts, &ps);
    sb_doc_set_findings(doc, fs, NULL);
    sb_doc_add_heading(doc, 1, NULL, "平台概况", 0);
    /* 44 lines of 28 字: two full pages after the heading line */
    for (int i = 0; i < 22; i++)
        sb_doc_add_text(doc, "工业互联网平台连接设备数量持续增长服务企业不断增加"
                             "生态伙伴持续壮大工业互联网平台连接设备数量持续增"
                             "长服务企业");
    sb_doc_add_heading(doc, 2, NULL, "负责人", 0);
    sb_doc_add_text(doc, "朱镕基、朱镕基、𠮷，A∙B");
    CHECK_INT(sb_doc_write_pdf(doc, path_in("a.pdf"), &err), SB_OK);
    CHECK_INT(sb_doc_page_count(doc), 3);
    CHECK(stat(path_in("a.pdf"), &st) == 0 && st.st_size > 1000);
    /* 镕 twice in one section: one finding, located by its heading; the
     * shipped fallback face draws it (a warning). 𠮷 (Ext. B) is in no
     * face: an error, printed as a box. ∙ (U+2219) names the 间隔号 ·
     * it usually stands for (pipeline/forms/substitutes.csv). */
    f = sb_findings_sorted(fs, &n);
    CHECK_INT(n, 3);
    for (long i = 0; i < n; i++) {
        CHECK_STR(f[i].code, "font.missing-glyph");
        CHECK(strstr(f[i].message, "（一）负责人") != NULL);
        CHECK((strstr(f[i].message, "通常应为“·”(U+00B7，间隔号") != NULL) ==
              (strcmp(f[i].found, "∙") == 0));
        CHECK_STR(f[i].expected, "仿宋（FandolFang）"); /* the face */
        if (strcmp(f[i].found, "∙") == 0)
            continue;
        if (strcmp(f[i].found, "镕") == 0) {
            CHECK_INT(f[i].sev, SB_SEV_WARNING);
            CHECK(strstr(f[i].message, "U+9555") != NULL);
            CHECK(strstr(f[i].message, "WenQuanYi Micro Hei") != NULL);
        } else {
            CHECK_STR(f[i].found, "𠮷");
            CHECK_INT(f[i].sev, SB_SEV_ERROR);
            CHECK(strstr(f[i].message, "U+20BB7") != NULL);
        }
    }
    sb_doc_free(doc);
    sb_findings_free(fs);
}

struct failing {
    long i;
};

static int fail_rewind(void *user, struct sb_error *err)
{
    (void)err;
    ((struct failing *)user)->i = 0;
    return SB_OK;
}

static int fail_next(void *user, struct sb_row *row, struct sb_error *err)
{
    static const char *const cells[] = {"1", "数控机床"};
    struct failing *f = user;

    if (f->i++ == 500) {
        sb_error_set(err, SB_EFORMAT, NULL, "devices.csv: bad row");
        return -1;
    }
    row->cells = cells;
    return 1;
}

static void errors_leave_no_file(void)
{
    static const struct sb_column cols[] = {{"序号", 20, SB_ALIGN_RIGHT},
                                            {"名称", 0, SB_ALIGN_LEFT}};
    struct failing src = {0};
    struct sb_rows rows = {fail_rewind, fail_next, &src, NULL};
    struct sb_page_style ps;
    struct sb_error err = {0};
    struct sb_doc *doc;
    struct stat st;

    sb_page_style_landscape(&ps);
    doc = sb_doc_new(fonts, &ps);
    sb_doc_add_table_rows(doc, cols, 2, NULL, &rows);
    /* the measuring pass meets the bad row before any file is made */
    CHECK_INT(sb_doc_write_pdf(doc, path_in("b.pdf"), &err), SB_EFORMAT);
    CHECK(strstr(err.msg, "bad row") != NULL);
    CHECK(stat(path_in("b.pdf"), &st) != 0);
    sb_doc_free(doc);
    doc = sb_doc_new(fonts, &ps);
    sb_doc_add_text(doc, "平台");
    memset(&err, 0, sizeof err);
    /* a folder that cannot be made: a file is in the way */
    CHECK_INT(sb_doc_write_pdf(doc, path_in("a.pdf/c.pdf"), &err), SB_EIO);
    CHECK(strstr(err.msg, "a.pdf") != NULL);
    CHECK(stat(path_in("a.pdf"), &st) == 0 && S_ISREG(st.st_mode));
    sb_doc_free(doc);
}

/* A streamed table that notes what the typesetter tells it. */
struct told {
    long n;                  /* rows in the table */
    long given;              /* rows next gave since the last rewind */
    long drawn;              /* drawn calls */
    long out_of_turn;        /* drawn not for the row given last, or twice */
    char tall[3 * 1800 + 1]; /* a cell taller than a page */
};

static int told_rewind(void *user, struct sb_error *err)
{
    (void)err;
    ((struct told *)user)->given = 0;
    return SB_OK;
}

static int told_next(void *user, struct sb_row *row, struct sb_error *err)
{
    static const char *const cells[] = {"1", "数控机床"};
    static const char *tall_row[2];
    struct told *t = user;

    (void)err;
    if (t->given == t->n)
        return 0;
    t->given++;
    row->cells = cells;
    if (t->given == t->n / 2 && t->tall[0] != '\0') {
        tall_row[0] = "2";
        tall_row[1] = t->tall;
        row->cells = tall_row;
    }
    return 1;
}

static void told_drawn(void *user)
{
    struct told *t = user;

    if (t->given != t->drawn + 1)
        t->out_of_turn++;
    t->drawn++;
}

/* Pages of a table of t's rows (the tall row when t->tall is set). */
static int told_pages(struct told *t, const char *path)
{
    static const struct sb_column cols[] = {{"序号", 20, SB_ALIGN_RIGHT},
                                            {"名称", 40, SB_ALIGN_LEFT}};
    struct sb_rows rows = {told_rewind, told_next, t, told_drawn};
    struct sb_page_style ps;
    struct sb_error err = {0};
    struct sb_doc *doc;
    int pages;

    sb_page_style_landscape(&ps);
    doc = sb_doc_new(fonts, &ps);
    sb_doc_add_table_rows(doc, cols, 2, NULL, &rows);
    CHECK_INT(sb_doc_layout(doc, &err), SB_OK);
    CHECK_INT(t->drawn, 0); /* measured, not drawn */
    CHECK_INT(sb_doc_write_pdf(doc, path, &err), SB_OK);
    pages = sb_doc_page_count(doc);
    sb_doc_free(doc);
    remove(path);
    return pages;
}

/* The typesetter tells a streamed table's source each row it draws,
 * once, in the drawing pass only: 500 rows on many pages, one of them
 * split over three pages or more, are 500 rows drawn, though each pass
 * reads them. */
static void rows_drawn(void)
{
    static struct told t;
    int plain, split;

    t.n = 500;
    plain = told_pages(&t, path_in("r.pdf"));
    CHECK_INT(t.drawn, 500);
    CHECK_INT(t.out_of_turn, 0);
    for (int i = 0; i < 1800; i++)
        memcpy(t.tall + 3 * i, "设", 3);
    t.drawn = 0;
    split = told_pages(&t, path_in("r.pdf"));
    CHECK(plain >= 10);
    CHECK(split >= plain + 2); /* the tall row's parts */
    CHECK_INT(t.drawn, 500);
    CHECK_INT(t.out_of_turn, 0);
}

/* Count occurrences of needle in the file at path (the PDF's outline
 * entries are uncompressed objects). */
static int count_in_file(const char *path, const char *needle)
{
    FILE *f = fopen(path, "rb");
    struct sb_buf b = {0};
    char chunk[4096];
    size_t n, k = strlen(needle);
    int count = 0;

    if (f == NULL)
        return -1;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        sb_buf_put(&b, chunk, n);
    fclose(f);
    for (size_t i = 0; i + k <= b.len; i++)
        count += memcmp(b.data + i, needle, k) == 0;
    sb_buf_free(&b);
    return count;
}

/* "##" alone in declaration.md is a heading with no number and no title:
 * it typesets (the fuzzer found cairo copying its NULL title into the
 * outline) and is left out of the bookmarks the others make. */
static void empty_heading(void)
{
    struct sb_page_style ps;
    struct sb_error err = {0};
    struct sb_doc *doc;

    sb_page_style_gbt9704(&ps);
    doc = sb_doc_new(fonts, &ps);
    sb_doc_add_heading(doc, 1, "", "平台概况", 0);
    sb_doc_add_heading(doc, 2, "", "", 0);
    sb_doc_add_text(doc, "平台");
    sb_doc_add_heading(doc, 2, "", "负责人", 0);
    CHECK_INT(sb_doc_write_pdf(doc, path_in("e.pdf"), &err), SB_OK);
    CHECK_INT(count_in_file(path_in("e.pdf"), "/Title"), 2);
    sb_doc_free(doc);
    remove(path_in("e.pdf"));
}

int main(void)
{
    struct sb_error err = {0};

    if (sb_fonts_new(&fonts, NULL, &err) != SB_OK) {
        printf("sb_fonts_new: %s\n0 passed, 1 failed\n", err.msg);
        return 1;
    }
    snprintf(dir, sizeof dir, "/tmp/test_typeset.XXXXXX");
    if (mkdtemp(dir) == NULL) {
        printf("mkdtemp failed\n0 passed, 1 failed\n");
        return 1;
    }
    RUN(classes);
    RUN(break_opportunities);
    RUN(tempting_lines);
    RUN(justification);
    RUN(squeeze_and_spread);
    RUN(grid_maths);
    RUN(numbers);
    RUN(pages_and_findings);
    RUN(errors_leave_no_file);
    RUN(empty_heading);
    RUN(rows_drawn);
    remove(path_in("a.pdf"));
    rmdir(dir);
    sb_fonts_free(fonts);
    return TEST_REPORT();
}
