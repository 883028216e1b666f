/* baseline.c: accepted findings (see baseline.h). */
#include "findings/baseline.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "base/json.h"
#include "findings/fingerprint.h"

struct entry {
    char *fingerprint;
    char *reason;
    char *by;
    char *code; /* what it says it is, for the stale finding */
    char *file;
};

struct sb_baseline {
    char *path;
    struct entry *e; /* sorted by fingerprint */
    long n;
};

static char *get_str(json_t *obj, const char *name)
{
    const char *s = json_string_value(json_object_get(obj, name));

    return s != NULL ? sb_xstrdup(s) : NULL;
}

static int by_fingerprint(const void *pa, const void *pb)
{
    const struct entry *a = pa, *b = pb;

    return strcmp(a->fingerprint, b->fingerprint);
}

int sb_baseline_read(const char *path, struct sb_baseline **out,
                     struct sb_error *err)
{
    json_error_t je;
    json_t *root = json_load_file(path, 0, &je), *list;
    struct sb_baseline *bl;
    struct sb_pos pos = {path, 0, 0, 0};
    size_t i;
    json_t *item;

    *out = NULL;
    if (root == NULL) {
        pos.line = je.line > 0 ? je.line : 0;
        return sb_error_set(err, je.line > 0 ? SB_EFORMAT : SB_EIO, &pos,
                            "%s", je.text);
    }
    if (json_integer_value(json_object_get(root, "schema_version")) !=
        SB_FINDINGS_SCHEMA_VERSION) {
        json_decref(root);
        return sb_error_set(err, SB_EFORMAT, &pos,
                            "not a shenbao baseline of schema_version %d",
                            SB_FINDINGS_SCHEMA_VERSION);
    }
    list = json_object_get(root, "accepted");
    if (!json_is_array(list)) {
        json_decref(root);
        return sb_error_set(err, SB_EFORMAT, &pos,
                            "\"accepted\" is not a list");
    }
    bl = sb_xcalloc(1, sizeof *bl);
    bl->path = sb_xstrdup(path);
    bl->e = sb_xcalloc(json_array_size(list) + 1, sizeof *bl->e);
    json_array_foreach(list, i, item) {
        struct entry *e = &bl->e[bl->n];

        e->fingerprint = get_str(item, "fingerprint");
        if (e->fingerprint == NULL) {
            json_decref(root);
            sb_baseline_free(bl);
            return sb_error_set(err, SB_EFORMAT, &pos,
                                "entry %zu has no \"fingerprint\"", i + 1);
        }
        e->reason = get_str(item, "reason");
        e->by = get_str(item, "by");
        e->code = get_str(item, "code");
        e->file = get_str(item, "file");
        bl->n++;
    }
    json_decref(root);
    qsort(bl->e, (size_t)bl->n, sizeof *bl->e, by_fingerprint);
    *out = bl;
    return SB_OK;
}

void sb_baseline_free(struct sb_baseline *bl)
{
    if (bl == NULL)
        return;
    for (long i = 0; i < bl->n; i++) {
        free(bl->e[i].fingerprint);
        free(bl->e[i].reason);
        free(bl->e[i].by);
        free(bl->e[i].code);
        free(bl->e[i].file);
    }
    free(bl->e);
    free(bl->path);
    free(bl);
}

long sb_baseline_size(const struct sb_baseline *bl)
{
    return bl->n;
}

static void stale(const struct sb_baseline *bl, const struct entry *e,
                  struct sb_findings *fs)
{
    struct sb_finding f = {0};

    f.code = "baseline.stale";
    f.sev = SB_SEV_WARNING;
    f.pos.path = bl->path;
    f.key = e->fingerprint;
    f.found = e->fingerprint;
    sb_findings_addf(fs, &f,
                     "基线所列问题 %s（%s）本次未出现：已改正、已变化或不在"
                     "本次核对范围内，请从基线删去该条",
                     e->code != NULL ? e->code : e->fingerprint,
                     e->file != NULL ? e->file : "?");
}

long sb_baseline_apply(const struct sb_baseline *bl, struct sb_findings *fs,
                       const char *root)
{
    long n, n_acc = 0;
    const struct sb_finding *f = sb_findings_sorted(fs, &n);
    char *fps = sb_fingerprints(f, n, root);
    char *used = sb_xcalloc((size_t)bl->n + 1, 1);

    for (long i = 0; i < n; i++) {
        struct entry key = {0}, *e;

        key.fingerprint = fps + (size_t)i * (SB_FINGERPRINT_LEN + 1);
        e = bsearch(&key, bl->e, (size_t)bl->n, sizeof *bl->e,
                    by_fingerprint);
        if (e == NULL)
            continue;
        /* duplicate entries: the first of the run answers */
        while (e > bl->e && by_fingerprint(e - 1, &key) == 0)
            e--;
        used[e - bl->e] = 1;
        sb_findings_accept(fs, i, e->reason, e->by);
        n_acc++;
    }
    free(fps);
    for (long j = 0; j < bl->n; j++) {
        if (!used[j] &&
            (j == 0 || by_fingerprint(&bl->e[j - 1], &bl->e[j]) != 0))
            stale(bl, &bl->e[j], fs);
    }
    free(used);
    return n_acc;
}

int sb_baseline_write(struct sb_findings *fs, FILE *out, const char *root)
{
    long n, k = 0;
    const struct sb_finding *f = sb_findings_sorted(fs, &n);
    char *fps = sb_fingerprints(f, n, root);

    fprintf(out, "{\"schema_version\": %d,\n \"accepted\": [",
            SB_FINDINGS_SCHEMA_VERSION);
    for (long i = 0; i < n; i++) {
        const struct sb_finding *g = &f[i];

        if (g->sev == SB_SEV_INFO ||
            (g->code != NULL && strcmp(g->code, "baseline.stale") == 0))
            continue;
        fputs(k++ ? ",\n  {\"fingerprint\": " : "\n  {\"fingerprint\": ",
              out);
        sb_json_cstr(out, fps + (size_t)i * (SB_FINGERPRINT_LEN + 1));
        fputs(", \"reason\": ", out);
        sb_json_cstr(out, g->accepted != NULL ? g->accepted : "");
        fputs(", \"by\": ", out);
        sb_json_cstr(out, g->accepted_by != NULL ? g->accepted_by : "");
        fputs(", \"code\": ", out);
        sb_json_cstr(out, g->code);
        fprintf(out, ", \"severity\": \"%s\", \"file\": ",
                g->sev == SB_SEV_ERROR ? "error" : "warning");
        sb_json_cstr(out, sb_path_relative(g->pos.path, root));
        fputs(", \"column\": ", out);
        sb_json_cstr(out, g->column);
        fputs(", \"key\": ", out);
        sb_json_cstr(out, g->key);
        fputs(", \"message\": ", out);
        sb_json_cstr(out, g->message);
        fputc('}', out);
    }
    fputs(k ? "\n ]}\n" : "]}\n", out);
    free(fps);
    return ferror(out) ? SB_EIO : SB_OK;
}
