/* lang.c: language codes (see lang.h). */
#include "base/lang.h"

#include <string.h>

static const char *const codes[] = {[SB_LANG_ZH] = "zh", [SB_LANG_EN] = "en"};

int sb_lang_parse(const char *code, enum sb_lang *out)
{
    for (int i = 0; code != NULL && i < (int)(sizeof codes / sizeof *codes);
         i++) {
        if (strcmp(code, codes[i]) == 0) {
            *out = (enum sb_lang)i;
            return 0;
        }
    }
    return -1;
}

const char *sb_lang_code(enum sb_lang lang)
{
    return codes[lang == SB_LANG_EN ? SB_LANG_EN : SB_LANG_ZH];
}
