/* test_fill.c: declared figures as the 申报书 prints them, the choice
 * boxes, placeholders and their template errors, and the blank findings
 * of missing figures. The declaration is built by hand on the real
 * platform-2023 edition. */
#include "check/decl.h"
#include "rules/open.h"
#include "report/fill.h"
#include "test.h"

static struct sb_form *form;
static struct sb_decl decl;
static char dir[] = "d", form_path[] = "d/form.csv";
static struct sb_findings *fs;

static struct sb_figure *fig(const char *code, enum sb_fig_state state,
                             double value, int scale, double tol)
{
    int i = sb_form_field_index(form, code);
    struct sb_figure *g = &decl.figs[i];

    g->state = state;
    g->value = value;
    g->scale = scale;
    g->tol = tol;
    return g;
}

static const char *value(const char *code)
{
    static struct sb_buf b;
    struct sb_fill f = {&decl, fs, "测试"};

    sb_buf_clear(&b);
    sb_buf_puts(&b, "");
    sb_fill_value(&f, sb_form_field_index(form, code), &b);
    return b.data;
}

static const char *choice(const char *code)
{
    static struct sb_buf b;
    struct sb_fill f = {&decl, fs, "测试"};

    sb_buf_clear(&b);
    sb_buf_puts(&b, "");
    sb_fill_choice(&f, sb_form_field_index(form, code), &b);
    return b.data;
}

static void reset(void)
{
    for (int i = 0; i < form->n_fields; i++) {
        free(decl.figs[i].raw);
        memset(&decl.figs[i], 0, sizeof decl.figs[i]);
    }
    sb_findings_free(fs);
    fs = sb_findings_new(0);
}

static void numbers(void)
{
    reset();
    fig("devices.total", SB_FIG_OK, 20000, 0, 0.5);
    CHECK_STR(value("devices.total"), "20,000");
    fig("devices.operating", SB_FIG_OK, 7533, 0, 0.5);
    CHECK_STR(value("devices.operating"), "7,533");
    /* 386420.55 万元, stored in 元; the declared 2 decimals kept */
    fig("company.total_assets", SB_FIG_OK, 3864205500.0, 2, 50);
    CHECK_STR(value("company.total_assets"), "386,420.55");
    fig("platform.investment", SB_FIG_OK, 685000000.0, 2, 50);
    CHECK_STR(value("platform.investment"), "68,500.00");
    /* 12345 元 written for a 万元 field: every digit kept */
    fig("sme.contract_amount", SB_FIG_OK, 12345, 0, 0.5);
    CHECK_STR(value("sme.contract_amount"), "1.2345");
    fig("sme.contract_amount", SB_FIG_OK, 12345000, 1, 500);
    CHECK_STR(value("sme.contract_amount"), "1,234.5");
    fig("company.debt_ratio", SB_FIG_OK, 41.6, 1, 0.05);
    CHECK_STR(value("company.debt_ratio"), "41.6%");
    fig("rnd.share_2022", SB_FIG_OK, 13.9, 2, 0.005);
    CHECK_STR(value("rnd.share_2022"), "13.90%");
    CHECK_INT(sb_findings_count(fs, SB_SEV_WARNING), 0);
}

static void dates(void)
{
    static const struct {
        int32_t days;
        const char *text;
    } d[] = {{19518, "2023年6月10日"}, {14321, "2009年3月18日"},
             {-1, "1969年12月31日"},  {11016, "2000年2月29日"},
             {-25508, "1900年3月1日"}};
    struct sb_buf b = {0};

    for (size_t i = 0; i < sizeof d / sizeof d[0]; i++) {
        sb_buf_clear(&b);
        sb_fill_date(d[i].days, &b);
        CHECK_STR(b.data, d[i].text);
    }
    sb_buf_free(&b);
    reset();
    fig("company.founded", SB_FIG_OK, 0, 0, 0)->date = 14321;
    CHECK_STR(value("company.founded"), "2009年3月18日");
}

static void values_and_choices(void)
{
    reset();
    fig("security.data", SB_FIG_OK, 1, 0, 0);
    CHECK_STR(value("security.data"), "是");
    CHECK_STR(choice("security.data"), "■是\u3000□否");
    fig("security.data", SB_FIG_OK, 0, 0, 0);
    CHECK_STR(choice("security.data"), "□是\u3000■否");
    fig("platform.build_mode", SB_FIG_OK, 0, 0, 0)->enum_idx = 1;
    CHECK_STR(value("platform.build_mode"), "合作共建");
    CHECK_STR(choice("platform.build_mode"), "□自建\u3000■合作共建");
    fig("solutions.technologies", SB_FIG_OK, 0, 0, 0)->mask = 0x5;
    CHECK_STR(value("solutions.technologies"), "5G、人工智能");
    CHECK_STR(choice("solutions.technologies"),
              "■5G\u3000□大数据\u3000■人工智能\u3000□数字孪生\u3000□区块链"
              "\u3000□工业AR/VR");
    fig("company.name", SB_FIG_OK, 0, 0, 0)->raw = sb_xstrdup("澜川公司");
    CHECK_STR(value("company.name"), "澜川公司");
    CHECK_INT(sb_findings_count(fs, SB_SEV_WARNING), 0);
}

static void none_missing_invalid(void)
{
    long n;
    const struct sb_finding *f;

    reset();
    fig("growth.cities", SB_FIG_NONE, 0, 0, 0);
    CHECK_STR(value("growth.cities"), "无");
    fig("devices.total", SB_FIG_INVALID, 0, 0, 0)->raw = sb_xstrdup("很多");
    CHECK_STR(value("devices.total"), "很多");
    /* optional, 无 allowed: 无; required: a blank and a finding */
    CHECK_STR(value("platform.partner"), "无");
    CHECK_INT(sb_findings_count(fs, SB_SEV_WARNING), 0);
    decl.figs[sb_form_field_index(form, "devices.mobile")].pos.row = 37;
    CHECK_STR(value("devices.mobile"), "____");
    f = sb_findings_sorted(fs, &n);
    CHECK_INT(n, 1);
    if (n == 1) {
        CHECK_STR(f[0].code, "report.blank");
        CHECK_STR(f[0].pos.path, "d/form.csv");
        CHECK_INT(f[0].pos.row, 37);
        CHECK_STR(f[0].column, "行走设备");
        CHECK_STR(f[0].source, "002 附件2 1.1 工业设备数量");
        CHECK(strstr(f[0].message, "“测试”") != NULL);
        CHECK(strstr(f[0].message, "devices.mobile") != NULL);
    }
    /* a missing choice: empty boxes and a finding */
    CHECK_STR(choice("security.code"), "□是\u3000□否");
    CHECK_INT(sb_findings_count(fs, SB_SEV_WARNING), 2);
}

static void placeholders(void)
{
    struct sb_fill f = {&decl, NULL, "测试"};
    struct sb_buf b = {0};
    struct sb_error err = {0};

    reset();
    fig("devices.total", SB_FIG_OK, 1234567, 0, 0.5);
    fig("security.access", SB_FIG_OK, 1, 0, 0);
    CHECK_INT(sb_fill_text(&f, "共{{devices.total}}台/套；{{choice:security."
                               "access}}。{没有} }}",
                           &b, &err),
              SB_OK);
    CHECK_STR(b.data, "共1,234,567台/套；■是\u3000□否。{没有} }}");
    sb_buf_clear(&b);
    CHECK_INT(sb_fill_text(&f, "{{devices.nothing}}", &b, &err),
              SB_EFORMAT);
    CHECK(strstr(err.msg, "devices.nothing") != NULL);
    CHECK_INT(sb_fill_text(&f, "{{choice:devices.total}}", &b, &err),
              SB_EFORMAT);
    CHECK_INT(sb_fill_text(&f, "数量{{devices.total", &b, &err),
              SB_EFORMAT);
    sb_buf_free(&b);
}

int main(void)
{
    struct sb_error err = {0};
    int rc;

    if (sb_form_open(&form, "platform-2023", &err) != SB_OK) {
        sb_error_print(&err);
        return 1;
    }
    decl.form = form;
    decl.dir = dir;
    decl.form_path = form_path;
    decl.figs = sb_xcalloc((size_t)form->n_fields, sizeof *decl.figs);
    RUN(numbers);
    RUN(dates);
    RUN(values_and_choices);
    RUN(none_missing_invalid);
    RUN(placeholders);
    rc = TEST_REPORT();
    reset();
    sb_findings_free(fs);
    free(decl.figs);
    sb_form_free(form);
    return rc;
}
