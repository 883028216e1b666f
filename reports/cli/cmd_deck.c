/* cmd_deck.c: shenbao deck DIR, the defense deck as a 16:9 PDF (see
 * cmd.h). */
#include "cli/cmd.h"

#include "chart/deck.h"
#include "check/decl.h"
#include "typeset/fonts.h"

int sb_cmd_deck(const struct sb_args *a)
{
    struct sb_check_opts opts = {0};
    const char *out = a->output != NULL ? a->output : "deck.pdf";
    struct sb_decl *d = NULL;
    struct sb_fonts *fonts = NULL;
    struct sb_glossary *g = NULL;
    enum sb_lang lang;
    struct sb_error err = {0};
    int rc, slides = 0;

    if (!sb_cli_lang(a, &lang))
        return SB_EXIT_FAILED;
    sb_cli_check_opts(a, &opts);
    rc = sb_decl_check(&d, a->operands[0], &opts, &err);
    if (rc == SB_OK)
        rc = sb_fonts_new(&fonts, a->fonts, &err);
    if (rc == SB_OK)
        rc = sb_glossary_open(&g, d->form, lang, &err);
    if (rc == SB_OK)
        rc = sb_deck_write(d, out, fonts, g, &slides, &err);
    if (rc == SB_OK) {
        sb_cli_untranslated(g);
        printf("%d slides written to %s\n", slides, out);
    }
    sb_glossary_free(g);
    sb_fonts_free(fonts);
    sb_decl_free(d);
    return rc != SB_OK ? sb_cli_failed(&err) : SB_EXIT_CLEAN;
}
