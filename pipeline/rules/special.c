/* special.c: the table of special rules (see special.h). */
#include "rules/special.h"

#include <string.h>

static const struct sb_special *const table[] = {
    &sb_special_top_n,
    &sb_special_required_if,
    &sb_special_heading_counts,
};

const struct sb_special *sb_special_find(const char *name, int *index)
{
    for (size_t i = 0; i < sizeof table / sizeof *table; i++) {
        if (strcmp(table[i]->name, name) == 0) {
            *index = (int)i;
            return table[i];
        }
    }
    return NULL;
}

const struct sb_special *sb_special_at(int i)
{
    return table[i];
}
