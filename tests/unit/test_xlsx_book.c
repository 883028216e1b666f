/* test_xlsx_book.c: sheet names, display widths and serial dates of the
 * annex workbook. */
#include "cells/cell.h"
#include "test.h"
#include "base/utf8.h"
#include "xlsx/xlsx_book.h"

static void sheet_names_are_valid(void)
{
    struct sb_buf b = {0};

    sb_xlsx_sheet_name("附件1 工业设备清单", 0, &b);
    CHECK_STR(b.data, "附件1 工业设备清单");
    sb_xlsx_sheet_name("附件1 工业设备清单", 1, &b);
    CHECK_STR(b.data, "附件1 工业设备清单（续1）");
    sb_xlsx_sheet_name("附件9 APP/小程序[试点]:清单*?\\", 0, &b);
    CHECK_STR(b.data, "附件9 APP／小程序［试点］：清单＊？＼");
    sb_xlsx_sheet_name("'引号'", 2, &b);
    CHECK_STR(b.data, "引号（续2）");
    sb_buf_free(&b);
}

static void long_names_are_cut_to_31_characters(void)
{
    const char *base =
        "附件12 一个非常非常非常非常非常非常非常非常非常非常长的清单标题";
    struct sb_buf b = {0};

    sb_xlsx_sheet_name(base, 0, &b);
    CHECK_INT(sb_utf8_count(b.data, b.len), 31);
    CHECK(strncmp(b.data, base, b.len) == 0);
    sb_xlsx_sheet_name(base, 12, &b);
    CHECK_INT(sb_utf8_count(b.data, b.len), 31);
    CHECK(strstr(b.data, "（续12）") == b.data + b.len - strlen("（续12）"));
    sb_buf_free(&b);
}

static void widths_count_cjk_double(void)
{
    CHECK_DBL(sb_xlsx_text_width("EQ0200007919", 12), 12, 0);
    CHECK_DBL(sb_xlsx_text_width("设备ID", strlen("设备ID")), 6, 0);
    CHECK_DBL(sb_xlsx_text_width("１２", strlen("１２")), 4, 0);
    CHECK_DBL(sb_xlsx_column_width(0), 6, 0);
    CHECK_DBL(sb_xlsx_column_width(12), 14, 0);
    CHECK_DBL(sb_xlsx_column_width(400), 50, 0);
}

static void serial_dates_as_excel_counts(void)
{
    CHECK_DBL(sb_xlsx_serial_date(sb_date_from_ymd(1970, 1, 1)), 25569, 0);
    CHECK_DBL(sb_xlsx_serial_date(sb_date_from_ymd(2023, 5, 31)), 45077, 0);
    CHECK_DBL(sb_xlsx_serial_date(sb_date_from_ymd(1900, 3, 1)), 61, 0);
    /* before Excel's phantom 1900-02-29 */
    CHECK_DBL(sb_xlsx_serial_date(sb_date_from_ymd(1900, 2, 28)), 59, 0);
    CHECK_DBL(sb_xlsx_serial_date(sb_date_from_ymd(1900, 1, 1)), 1, 0);
}

int main(void)
{
    RUN(sheet_names_are_valid);
    RUN(long_names_are_cut_to_31_characters);
    RUN(widths_count_cjk_double);
    RUN(serial_dates_as_excel_counts);
    return TEST_REPORT();
}
