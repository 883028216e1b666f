/* fuzz_rule.c: libFuzzer target for the rule language: parse the input
 * as a rule and as a value, print what parsed, and bind it against the
 * platform-2023 edition (loaded once). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rules/bind.h"
#include "rules/open.h"
#include "form/expr.h"
#include "form/form.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct sb_form *form;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    struct sb_expr *e = NULL;
    struct sb_error err = {0};
    struct sb_buf b = {0};
    struct sb_arena *arena = sb_arena_new();

    if (form == NULL && sb_form_open(&form, "platform-2023", &err) != SB_OK)
        abort();
    memcpy(text, data, size);
    text[size] = '\0';
    if (sb_expr_parse(arena, text, &e, &err) == SB_OK)
        sb_expr_print(e, &b);
    if (sb_expr_parse_value(arena, text, &e, &err) == SB_OK) {
        /* binding registers aggregates in the form: work on a copy of
         * the count so the form does not grow without end */
        int n_aggs = form->n_aggs;

        sb_bind_data(form, e, &err);
        form->n_aggs = n_aggs;
    }
    sb_buf_free(&b);
    sb_arena_free(arena);
    free(text);
    return 0;
}
