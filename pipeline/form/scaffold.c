/* scaffold.c: write a blank declaration (see scaffold.h). */
#include "form/scaffold.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "form/form.h"
#include "base/outfile.h"
#include "form/sections.h"

static const char bom[] = "\xEF\xBB\xBF";

int sb_scaffold_file(const char *dir, const char *name,
                     const struct sb_buf *text, FILE *list,
                     struct sb_error *err)
{
    char *path = sb_xasprintf("%s/%s", dir, name);
    int rc = sb_outfile_write(path, text->data, text->len, err);

    if (rc == SB_OK && list != NULL)
        fprintf(list, "%s\n", path);
    free(path);
    return rc;
}

/* SB_OK when dir is missing or an empty directory. */
static int check_empty(const char *dir, struct sb_error *err)
{
    struct stat st;
    struct dirent *e;
    DIR *d;
    int n = 0;

    if (stat(dir, &st) != 0)
        return errno == ENOENT
                   ? SB_OK
                   : sb_error_set(err, SB_EIO, NULL, "%s: %s", dir,
                                  strerror(errno));
    if (!S_ISDIR(st.st_mode))
        return sb_error_set(err, SB_EUSAGE, NULL,
                            "%s exists and is not a directory; init writes "
                            "a new declaration into an empty or new "
                            "directory",
                            dir);
    d = opendir(dir);
    if (d == NULL)
        return sb_error_set(err, SB_EIO, NULL, "%s: %s", dir,
                            strerror(errno));
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            n++;
    closedir(d);
    if (n > 0)
        return sb_error_set(err, SB_EUSAGE, NULL,
                            "%s is not empty; init never overwrites a "
                            "declaration: give a new or empty directory",
                            dir);
    return SB_OK;
}

static void form_csv(const struct sb_form *f, struct sb_buf *b)
{
    sb_buf_puts(b, bom);
    sb_buf_puts(b, "代码,项目,值\n");
    sb_buf_printf(b, "edition,表单版本,%s\n", sb_form_meta(f, "code"));
    for (int i = 0; i < f->n_fields; i++) {
        sb_buf_put_csv(b, f->fields[i].code);
        sb_buf_putc(b, ',');
        sb_buf_put_csv(b, f->fields[i].label);
        sb_buf_puts(b, ",\n");
    }
}

static void annex_csv(const struct sb_annex *a, struct sb_buf *b)
{
    sb_buf_puts(b, bom);
    for (int c = 0; c < a->n_cols; c++) {
        if (c > 0)
            sb_buf_putc(b, ',');
        sb_buf_put_csv(b, a->cols[c].header);
    }
    sb_buf_putc(b, '\n');
}

/* declaration.md: a heading per section and its hint as an HTML comment,
 * which the report neither prints nor counts. */
static void narrative_md(const struct sb_form *f,
                         const struct sb_sections *s, struct sb_buf *b)
{
    const char *title = sb_form_meta(f, "title");

    sb_buf_printf(b,
                  "<!-- %s：叙述部分。\n"
                  "每个一级标题（# 开头的行）对应申报书的一个部分，标题请勿"
                  "改动；在标题下写正文。\n"
                  "可用 Markdown：空一行分段；**加粗**；*强调*（排为楷体）；"
                  "列表（- 或 1. 开头）；\n"
                  "小标题（## 开头）。字数按 Word 的“字数”统计（汉字、标点"
                  "各计 1，连续的字母数字计 1）。\n"
                  "这样的注释不排入申报书，也不计字数。 -->\n",
                  title != NULL ? title : "申报书");
    for (int i = 0; i < s->n; i++) {
        const struct sb_section *sec = &s->v[i];

        sb_buf_printf(b, "\n# %s\n\n<!-- %s", sec->heading,
                      sec->required ? "必填" : "选填");
        if (sec->limit > 0)
            sb_buf_printf(b, "，限%ld字", sec->limit);
        sb_buf_printf(b, "。%s -->\n", sec->hint);
    }
}

int sb_scaffold_write(const char *edition, const char *dir, FILE *list,
                      struct sb_error *err)
{
    struct sb_form *f = NULL;
    struct sb_sections *s = NULL;
    struct sb_buf b = {0};
    char *annex_dir = NULL;
    int rc;

    rc = sb_form_load_edition(&f, edition, err);
    if (rc == SB_OK)
        rc = sb_sections_load(&s, f, err);
    if (rc == SB_OK)
        rc = check_empty(dir, err);
    if (rc == SB_OK) {
        annex_dir = sb_xasprintf("%s/annex", dir);
        rc = sb_mkdirs(annex_dir, err);
    }
    if (rc == SB_OK) {
        form_csv(f, &b);
        rc = sb_scaffold_file(dir, "form.csv", &b, list, err);
    }
    for (int i = 0; rc == SB_OK && i < f->n_annexes; i++) {
        char *name = sb_xasprintf("%s.csv", f->annexes[i].code);

        sb_buf_clear(&b);
        annex_csv(&f->annexes[i], &b);
        rc = sb_scaffold_file(annex_dir, name, &b, list, err);
        free(name);
    }
    if (rc == SB_OK && s->n > 0) {
        sb_buf_clear(&b);
        narrative_md(f, s, &b);
        rc = sb_scaffold_file(dir, "declaration.md", &b, list, err);
    }
    sb_buf_free(&b);
    free(annex_dir);
    sb_sections_free(s);
    sb_form_free(f);
    return rc;
}
