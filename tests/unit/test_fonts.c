/* test_fonts.c: the private font configuration resolves each role to the
 * shipped Fandol face and reports characters a face lacks. */
#include "typeset/fonts.h"
#include "test.h"

static struct sb_fonts *fonts;

static void faces_are_fandol(void)
{
    CHECK_STR(sb_fonts_face_name(fonts, SB_FONT_FANG), "FandolFang");
    CHECK_STR(sb_fonts_face_name(fonts, SB_FONT_HEI), "FandolHei");
    CHECK_STR(sb_fonts_face_name(fonts, SB_FONT_KAI), "FandolKai");
    CHECK_STR(sb_fonts_face_name(fonts, SB_FONT_SONG), "FandolSong");
}

static int32_t missing[8];
static int n_missing;

static void note(int32_t cp, void *user)
{
    (void)user;
    if (n_missing < 8)
        missing[n_missing++] = cp;
}

static void missing_characters_are_reported(void)
{
    /* 镕 (U+9555) and 堃 (U+5803) are outside GB 2312 and not in Fandol;
     * 工业互联网 and full-width punctuation are. */
    n_missing = 0;
    CHECK_INT(sb_fonts_missing(fonts, SB_FONT_FANG, "工业互联网，朱镕基堃堃。",
                               note, NULL),
              2);
    CHECK_INT(missing[0], 0x9555);
    CHECK_INT(missing[1], 0x5803);
    n_missing = 0;
    CHECK_INT(sb_fonts_missing(fonts, SB_FONT_SONG, "— 12 —", note, NULL),
              0);
}

static void bad_user_dir_is_an_error(void)
{
    struct sb_fonts *f = NULL;
    struct sb_error err = {0};

    CHECK_INT(sb_fonts_new(&f, "/nonexistent/fonts", &err), SB_EIO);
    CHECK(f == NULL);
    CHECK(strstr(err.msg, "/nonexistent/fonts") != NULL);
}

int main(void)
{
    struct sb_error err = {0};

    if (sb_fonts_new(&fonts, NULL, &err) != SB_OK) {
        printf("sb_fonts_new: %s\n0 passed, 1 failed\n", err.msg);
        return 1;
    }
    RUN(faces_are_fandol);
    RUN(missing_characters_are_reported);
    RUN(bad_user_dir_is_an_error);
    sb_fonts_free(fonts);
    return TEST_REPORT();
}
