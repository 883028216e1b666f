/* diff.c: two nights compared by fingerprint (see diff.h). */
#include "findings/diff.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "base/json.h"
#include "findings/finding.h"
#include "findings/fingerprint.h"

/* One run: its JSON, and its findings sorted by fingerprint. */
struct run {
    json_t *root;
    const char *title;
    json_t *findings; /* the array, in file order */
    const char **sorted; /* fingerprints, sorted */
    size_t n;
};

enum { NEW, FIXED, PERSISTING };

struct sb_diff {
    struct run old, cur;
    json_t *lists[3]; /* borrowed finding objects, in file order */
    long new_errors;
};

static const char *fingerprint(json_t *f)
{
    return json_string_value(json_object_get(f, "fingerprint"));
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int run_load(struct run *r, const char *path, struct sb_error *err)
{
    json_error_t je;
    struct sb_pos pos = {path, 0, 0, 0};
    size_t i;
    json_t *f;

    r->root = json_load_file(path, 0, &je);
    if (r->root == NULL) {
        pos.line = je.line > 0 ? je.line : 0;
        return sb_error_set(err, je.line > 0 ? SB_EFORMAT : SB_EIO, &pos,
                            "%s", je.text);
    }
    r->findings = json_object_get(r->root, "findings");
    if (json_integer_value(json_object_get(r->root, "schema_version")) !=
            SB_FINDINGS_SCHEMA_VERSION ||
        !json_is_array(r->findings))
        return sb_error_set(err, SB_EFORMAT, &pos,
                            "not a findings JSON of schema_version %d "
                            "(shenbao check -f json)",
                            SB_FINDINGS_SCHEMA_VERSION);
    r->title = json_string_value(json_object_get(r->root, "title"));
    r->n = json_array_size(r->findings);
    r->sorted = sb_xcalloc(r->n + 1, sizeof *r->sorted);
    json_array_foreach(r->findings, i, f) {
        r->sorted[i] = fingerprint(f);
        if (r->sorted[i] == NULL)
            return sb_error_set(err, SB_EFORMAT, &pos,
                                "finding %zu has no fingerprint (written "
                                "before fingerprints: run check again)",
                                i + 1);
    }
    qsort(r->sorted, r->n, sizeof *r->sorted, cmp_str);
    return SB_OK;
}

static int has(const struct run *r, const char *fp)
{
    return bsearch(&fp, r->sorted, r->n, sizeof *r->sorted, cmp_str) !=
           NULL;
}

static void run_free(struct run *r)
{
    json_decref(r->root);
    free(r->sorted);
}

static int new_error(json_t *f)
{
    const char *sev = json_string_value(json_object_get(f, "severity"));
    json_t *acc = json_object_get(f, "accepted");

    return sev != NULL && strcmp(sev, "error") == 0 &&
           (acc == NULL || json_is_null(acc));
}

int sb_diff_load(const char *old_path, const char *new_path,
                 struct sb_diff **out, struct sb_error *err)
{
    struct sb_diff *d = sb_xcalloc(1, sizeof *d);
    size_t i;
    json_t *f;
    int rc;

    *out = NULL;
    rc = run_load(&d->old, old_path, err);
    if (rc == SB_OK)
        rc = run_load(&d->cur, new_path, err);
    if (rc != SB_OK) {
        sb_diff_free(d);
        return rc;
    }
    for (int k = 0; k < 3; k++)
        d->lists[k] = json_array();
    json_array_foreach(d->cur.findings, i, f) {
        int known = has(&d->old, fingerprint(f));

        json_array_append(d->lists[known ? PERSISTING : NEW], f);
        d->new_errors += !known && new_error(f);
    }
    json_array_foreach(d->old.findings, i, f) {
        if (!has(&d->cur, fingerprint(f)))
            json_array_append(d->lists[FIXED], f);
    }
    *out = d;
    return SB_OK;
}

void sb_diff_free(struct sb_diff *d)
{
    if (d == NULL)
        return;
    for (int k = 0; k < 3; k++)
        json_decref(d->lists[k]);
    run_free(&d->old);
    run_free(&d->cur);
    free(d);
}

long sb_diff_new(const struct sb_diff *d)
{
    return (long)json_array_size(d->lists[NEW]);
}

long sb_diff_new_errors(const struct sb_diff *d)
{
    return d->new_errors;
}

long sb_diff_fixed(const struct sb_diff *d)
{
    return (long)json_array_size(d->lists[FIXED]);
}

long sb_diff_persisting(const struct sb_diff *d)
{
    return (long)json_array_size(d->lists[PERSISTING]);
}

static const char *str(json_t *f, const char *name)
{
    return json_string_value(json_object_get(f, name));
}

static void text_list(FILE *out, const char *heading, json_t *list,
                      const char *title)
{
    size_t i;
    json_t *f;

    fprintf(out, "== %s: %zu ==\n", heading, json_array_size(list));
    json_array_foreach(list, i, f) {
        const char *file = str(f, "file"), *column = str(f, "column");
        json_t *acc = json_object_get(f, "accepted");

        fprintf(out, "%s %s ", str(f, "severity") ? str(f, "severity") : "?",
                str(f, "code") ? str(f, "code") : "?");
        if (file != NULL) {
            fputs(sb_path_relative(file, title), out);
            if (json_integer_value(json_object_get(f, "row")) > 0)
                fprintf(out, ":%lld:%lld",
                        (long long)json_integer_value(json_object_get(f, "row")),
                        (long long)json_integer_value(json_object_get(f, "col")));
            fputs(": ", out);
        }
        if (column != NULL)
            fprintf(out, "%s：", column);
        fprintf(out, "%s [%s]%s\n", str(f, "message") ? str(f, "message") : "",
                fingerprint(f), json_is_object(acc) ? " (accepted)" : "");
    }
}

int sb_diff_write_text(const struct sb_diff *d, FILE *out)
{
    fprintf(out, "%ld new (%ld errors), %ld fixed, %ld persisting\n",
            sb_diff_new(d), d->new_errors, sb_diff_fixed(d),
            sb_diff_persisting(d));
    text_list(out, "新增 new", d->lists[NEW], d->cur.title);
    text_list(out, "已改正 fixed", d->lists[FIXED], d->old.title);
    text_list(out, "仍在 persisting", d->lists[PERSISTING], d->cur.title);
    return ferror(out) ? SB_EIO : SB_OK;
}

static void json_list(FILE *out, const char *name, json_t *list, int last)
{
    size_t i;
    json_t *f;

    fprintf(out, " \"%s\": [", name);
    json_array_foreach(list, i, f) {
        fputs(i ? ",\n  " : "\n  ", out);
        json_dumpf(f, out, JSON_PRESERVE_ORDER);
    }
    fputs(json_array_size(list) ? "\n ]" : "]", out);
    fputs(last ? "}\n" : ",\n", out);
}

int sb_diff_write_json(const struct sb_diff *d, FILE *out)
{
    fprintf(out, "{\"schema_version\": %d, \"old_title\": ",
            SB_FINDINGS_SCHEMA_VERSION);
    sb_json_cstr(out, d->old.title);
    fputs(", \"new_title\": ", out);
    sb_json_cstr(out, d->cur.title);
    fprintf(out, ", \"counts\": {\"new\": %ld, \"new_errors\": %ld, "
                 "\"fixed\": %ld, \"persisting\": %ld},\n",
            sb_diff_new(d), d->new_errors, sb_diff_fixed(d),
            sb_diff_persisting(d));
    json_list(out, "new", d->lists[NEW], 0);
    json_list(out, "fixed", d->lists[FIXED], 0);
    json_list(out, "persisting", d->lists[PERSISTING], 1);
    return ferror(out) ? SB_EIO : SB_OK;
}
