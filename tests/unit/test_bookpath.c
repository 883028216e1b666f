/* test_bookpath.c: sheet paths ("清单.xlsx#附件1") and Excel cell names. */
#include "base/bookpath.h"
#include "test.h"

static void kinds(void)
{
    size_t n;
    const char *sheet;

    CHECK_INT(sb_book_kind("a/清单.xlsx", &n, &sheet), SB_BOOK_XLSX);
    CHECK_INT(n, strlen("a/清单.xlsx"));
    CHECK(sheet == NULL);
    CHECK_INT(sb_book_kind("a/清单.XLS#附件2 工业模型清单", &n, &sheet),
              SB_BOOK_XLS);
    CHECK_INT(n, strlen("a/清单.XLS"));
    CHECK_STR(sheet, "附件2 工业模型清单");
    /* a '#' in a CSV's name, or in a folder's, names no sheet */
    CHECK_INT(sb_book_kind("a/no#1.csv", &n, &sheet), SB_BOOK_NONE);
    CHECK(sheet == NULL);
    CHECK_INT(sb_book_kind("a#b.xlsx/devices.csv", NULL, NULL), SB_BOOK_NONE);
    CHECK_INT(sb_book_kind("a/x.xlsxx", NULL, NULL), SB_BOOK_NONE);
}

static void cell_names(void)
{
    struct sb_buf b = {0};

    CHECK(sb_book_cell_name(&b, "x.xlsx#附件1", 1234, 3));
    CHECK_STR(b.data, "附件1!C1234");
    sb_buf_clear(&b);
    /* columns past Z: AA, AZ, BA, and Excel's last, XFD */
    CHECK(sb_book_cell_name(&b, "x.xlsx#S", 1, 27));
    sb_buf_puts(&b, " ");
    CHECK(sb_book_cell_name(&b, "x.xlsx#S", 2, 52));
    sb_buf_puts(&b, " ");
    CHECK(sb_book_cell_name(&b, "x.xlsx#S", 3, 53));
    sb_buf_puts(&b, " ");
    CHECK(sb_book_cell_name(&b, "x.xlsx#S", 4, 16384));
    CHECK_STR(b.data, "S!AA1 S!AZ2 S!BA3 S!XFD4");
    sb_buf_clear(&b);
    /* a space or a quote: quoted as Excel quotes it */
    CHECK(sb_book_cell_name(&b, "x.xls#it's 1", 5, 1));
    CHECK_STR(b.data, "'it''s 1'!A5");
    sb_buf_clear(&b);
    /* no sheet, no row, a plain file: nothing */
    CHECK(!sb_book_cell_name(&b, "x.xlsx", 5, 1));
    CHECK(!sb_book_cell_name(&b, "x.xlsx#S", 0, 1));
    CHECK(!sb_book_cell_name(&b, "x.csv", 5, 1));
    CHECK(!sb_book_cell_name(&b, NULL, 5, 1));
    CHECK_INT(b.len, 0);
    sb_buf_free(&b);
}

int main(void)
{
    RUN(kinds);
    RUN(cell_names);
    return TEST_REPORT();
}
