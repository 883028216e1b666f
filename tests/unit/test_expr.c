/* test_expr.c: the rule language parser (expr.h). */
#include "form/expr.h"
#include "test.h"

/* Parse text and print it back; NULL on a syntax error. */
static char *roundtrip(const char *text)
{
    struct sb_expr *e;
    struct sb_buf b = {0};

    struct sb_arena *a = sb_arena_new();
    char *out = NULL;

    if (sb_expr_parse(a, text, &e, NULL) == SB_OK) {
        sb_expr_print(e, &b);
        out = sb_buf_take(&b);
    }
    sb_arena_free(a);
    return out;
}

static void check_roundtrip(const char *text, const char *exp)
{
    char *got = roundtrip(text);

    CHECK_STR(got, exp);
    free(got);
}

static void arithmetic_and_comparison(void)
{
    check_roundtrip("a.b + c.d = e", "(a.b + c.d) = e");
    check_roundtrip("a+b*c<=d", "(a + b * c) <= d");
    check_roundtrip("a / b * 100 = c", "a / b * 100 = c");
    check_roundtrip("-a >= 1.50", "-a >= 1.50");
    check_roundtrip("(a - b) - c = 0", "((a - b) - c) = 0");
    check_roundtrip("a ≈ b", "a ≈ b");
    check_roundtrip("a ~= b", "a ≈ b");
    check_roundtrip("a <> b", "a != b");
}

static void aggregates_with_where_and_by(void)
{
    check_roundtrip("count(devices where class = '运行设备') = devices.operating",
                    "count(devices where class = '运行设备') = devices.operating");
    check_roundtrip("sum(e.amount where scale in ('中型', '小型') and s >= "
                    "'2021-01-01') = x",
                    "sum(e.amount where scale in ('中型', '小型') and s >= "
                    "'2021-01-01') = x");
    check_roundtrip("distinct(s.domain, s.scenario) = s.effective",
                    "distinct(s.domain, s.scenario) = s.effective");
    check_roundtrip("count(d where a >= stat_date - 29 and (b = 1 or c = 2)) "
                    "<= 3",
                    "count(d where a >= (stat_date - 29) and (b = 1 or c = 2)) "
                    "<= 3");
    check_roundtrip("count(devices by class)", "count(devices by class)");
    check_roundtrip("count(where x = 1) = 0", "count(where x = 1) = 0");
    check_roundtrip("count(d where not a = 1) = 0",
                    "count(d where not a = 1) = 0");
    check_roundtrip("count(d where (a + 1) * 2 = 4) = 0",
                    "count(d where (a + 1) * 2 = 4) = 0");
}

/* Inputs that print differently: redundant parentheses go, and the
 * printed parentheses show how and/or/not were grouped, so a parser
 * that gave "or" the precedence of "and" would fail here. */
static void precedence_made_visible(void)
{
    check_roundtrip("((a)) = (b)", "a = b");
    check_roundtrip("a * (b + c) = d", "a * (b + c) = d");
    check_roundtrip("a - (b - c) = 0", "(a - (b - c)) = 0");
    check_roundtrip("a*b+c = d", "(a * b + c) = d");
    check_roundtrip("count(d where a = 1 or b = 2 and c = 3) = 0",
                    "count(d where (a = 1 or b = 2 and c = 3)) = 0");
    check_roundtrip("count(d where a = 1 or (b = 2 and c = 3)) = 0",
                    "count(d where (a = 1 or b = 2 and c = 3)) = 0");
    check_roundtrip("count(d where (a = 1 or b = 2) and c = 3) = 0",
                    "count(d where (a = 1 or b = 2) and c = 3) = 0");
    check_roundtrip("count(d where a = 1 and b = 2 or c = 3) = 0",
                    "count(d where (a = 1 and b = 2 or c = 3)) = 0");
    check_roundtrip("count(d where a = 1 and (b = 2 or c = 3)) = 0",
                    "count(d where a = 1 and (b = 2 or c = 3)) = 0");
    check_roundtrip("count(d where not a = 1 and b = 2) = 0",
                    "count(d where not a = 1 and b = 2) = 0");
    check_roundtrip("count(d where not (a = 1 and b = 2)) = 0",
                    "count(d where not (a = 1 and b = 2)) = 0");
    check_roundtrip("count(d where (x in ('p','q'))) = 0",
                    "count(d where x in ('p', 'q')) = 0");
    check_roundtrip("count(d where ((x = 1))) = 0",
                    "count(d where x = 1) = 0");
    check_roundtrip("count(d where ((a + b) = c)) = 0",
                    "count(d where (a + b) = c) = 0");
    check_roundtrip("((a) + 1) = 2", "(a + 1) = 2");
    check_roundtrip("count(d where ((c) + count(e where x = 1)) = 2) = 0",
                    "count(d where (c + count(e where x = 1)) = 2) = 0");
}

static void special_call_alone(void)
{
    check_roundtrip("top_n(k.name, k.subs, apps.name, apps.subs, 5)",
                    "top_n(k.name, k.subs, apps.name, apps.subs, 5)");
}

static void syntax_errors_name_the_column(void)
{
    struct sb_arena *arena = sb_arena_new();
    struct sb_expr *e = NULL;
    struct sb_error err = {0};

    CHECK_INT(sb_expr_parse(arena, "a + = b", &e, &err), SB_EFORMAT);
    CHECK(e == NULL);
    CHECK_INT(err.col, 5);
    CHECK(strstr(err.msg, "column 5") != NULL);
    /* columns count characters, not bytes */
    CHECK_INT(sb_expr_parse(arena, "count(d where c = '运行设备' b) = 1", &e, &err),
              SB_EFORMAT);
    CHECK_INT(err.col, 26);
    CHECK_INT(sb_expr_parse(arena, "count(d where c = '运行", &e, &err),
              SB_EFORMAT);
    CHECK(strstr(err.msg, "never closed") != NULL);
    CHECK_INT(sb_expr_parse(arena, "a = b c", &e, &err), SB_EFORMAT);
    CHECK(strstr(err.msg, "end of the rule") != NULL);
    CHECK_INT(sb_expr_parse(arena, "a", &e, &err), SB_EFORMAT);
    CHECK_INT(sb_expr_parse(arena, "a = 1.2.3", &e, &err), SB_EFORMAT);
    CHECK_INT(sb_expr_parse(arena, "a = b.", &e, &err), SB_EFORMAT);
    CHECK_INT(sb_expr_parse(arena, "a # b", &e, &err), SB_EFORMAT);
    CHECK_INT(sb_expr_parse(arena, "", &e, &err), SB_EFORMAT);
    sb_arena_free(arena);
}

int main(void)
{
    RUN(arithmetic_and_comparison);
    RUN(aggregates_with_where_and_by);
    RUN(precedence_made_visible);
    RUN(special_call_alone);
    RUN(syntax_errors_name_the_column);
    return TEST_REPORT();
}
