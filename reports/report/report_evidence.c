/* report_evidence.c: the evidence in the 申报书 (report_evidence.h). */
#include "report/report_evidence.h"

#include <stdlib.h>
#include <string.h>

#include "form/materials.h"
#include "report/fill.h"

void sb_rp_evidence_heading(struct rp *r, const char *text)
{
    const char *star = strchr(text, '*');

    if (star == NULL || strchr("0123456789", text[0]) == NULL)
        return;
    r->starred = sb_xrealloc(r->starred,
                             (size_t)(r->n_starred + 1) * sizeof *r->starred);
    r->starred[r->n_starred++] = sb_xstrndup(text, (size_t)(star - text));
}

/* The materials and the evidence items, once: the items of the volume
 * written when there is one, else those the volume would hold. */
static void ready(struct rp *r)
{
    struct sb_error e = {0};

    if (r->evidence_ready)
        return;
    r->evidence_ready = 1;
    if (sb_materials_load(&r->materials, sb_fill_form(r->d), &e) != SB_OK &&
        r->status == SB_OK) {
        /* a mistake of the edition, as a broken sections.csv is */
        r->status = e.code;
        *r->err = e;
    }
    for (int i = 0; r->vols != NULL && i < r->vols->n; i++)
        if (r->vols->v[i].annex_number == 0)
            r->evidence = &r->vols->v[i];
    if (r->evidence == NULL) {
        sb_evidence_plan(r->d, &r->plan);
        r->evidence = &r->plan;
    }
}

/* A finding on the evidence at DIR/evidence/NAME (name "" for the
 * folder): a warning, an error with --strict. */
static void evidence_finding(struct rp *r, const char *code, const char *name,
                             const char *key, const char *msg)
{
    struct sb_finding f = {0};
    char *path = sb_xasprintf("%s/evidence%s%s", sb_fill_dir(r->d),
                              name[0] != '\0' ? "/" : "", name);

    f.code = code;
    f.sev = sb_fill_strict(r->d) ? SB_SEV_ERROR : SB_SEV_WARNING;
    f.pos.path = path;
    f.annex = "证明材料";
    f.key = key;
    f.expected = key != NULL ? "证明材料" : NULL;
    f.found = key != NULL ? "无" : NULL;
    f.source = sb_fill_meta(r->d, "evidence_list_source");
    f.message = msg;
    sb_findings_add(r->fs, &f);
    free(path);
}

/* "证明材料4 营业执照（证明材料.pdf第6页）" */
static void item_text(const struct rp *r, int i, struct sb_buf *out)
{
    const struct sb_volume_item *it = &r->evidence->items[i];

    sb_buf_puts(out, it->title);
    if (it->page > 0)
        sb_buf_printf(out, "（%s第%d页）", sb_path_base(r->evidence->path),
                      it->page);
}

int sb_rp_material(struct rp *r, int number, struct sb_buf *body)
{
    const struct sb_material *m = NULL;
    int n = 0;

    ready(r);
    for (int i = 0; r->materials != NULL && i < r->materials->n; i++)
        if (r->materials->v[i].number == number)
            m = &r->materials->v[i];
    if (m == NULL)
        return 0;
    for (int i = 0; i < r->evidence->n_items; i++) {
        if (r->evidence->items[i].annex != number)
            continue;
        sb_buf_puts(body, n++ == 0 ? "材料：" : "；");
        item_text(r, i, body);
    }
    sb_buf_puts(body, n > 0 ? "。" : "无。");
    if (n == 0 && m->required) {
        char *msg = sb_xasprintf(
            "材料清单要求的附件%d“%s”没有材料：evidence/ 中没有归入该附件的"
            "文件（index.csv 的“附件”列或标题中的关键词决定归属）",
            number, m->title);

        evidence_finding(r, "evidence.material-missing", "", NULL, msg);
        free(msg);
    }
    return 1;
}

/* Does indicator number ("2.1") appear in the list as written ("1.1、
 * 2.1")? Numbers are compared whole: "1.1" is not in "1.12". */
static int names_indicator(const char *list, const char *number)
{
    size_t k = strlen(number);

    for (const char *p = list; (p = strstr(p, number)) != NULL; p += k) {
        int before = p == list || strchr("0123456789.", p[-1]) == NULL;
        int after = strchr("0123456789.", p[k]) == NULL || p[k] == '\0';

        if (before && after)
            return 1;
    }
    return 0;
}

/* Does the evidence volume give its items' pages? Only when it was
 * typeset (build); `report` alone names the items without pages, and
 * the 细分目录 must then not promise them. */
static int paged(const struct rp *r)
{
    for (int i = 0; i < r->evidence->n_items; i++)
        if (r->evidence->items[i].page > 0)
            return 1;
    return 0;
}

/* The widths of the 细分目录's columns, mm (156 in all). */
static const double matrix_mm[] = {36, 46, 30, 44};

void sb_rp_evidence_matrix(struct rp *r)
{
    static const char *const head[] = {"指标", "申报值", "清单核对",
                                       "证明材料"};
    struct sb_column cols[4];
    struct sb_table_style st;
    struct sb_table *tab;
    int level = r->level + 1 <= 4 ? r->level + 1 : 4;

    ready(r);
    if (r->n_starred == 0)
        return;
    sb_doc_add_heading(r->doc, level, "", "证明材料细分目录", 0);
    sb_doc_add_text(r->doc,
                    paged(r) ? "表中每项带*标记指标的客观数据依次列出其申报值、"
                               "清单核对结果和证明材料（页码为证明材料册的页码）。"
                             : "表中每项带*标记指标的客观数据依次列出其申报值、"
                               "清单核对结果和证明材料。");
    memset(cols, 0, sizeof cols);
    for (int c = 0; c < 4; c++) {
        cols[c].title = head[c];
        cols[c].width_mm = matrix_mm[c];
        cols[c].align = SB_ALIGN_LEFT;
    }
    sb_table_style_default(&st);
    st.role = SB_FONT_FANG;
    st.size_pt = 12;
    st.line_pt = 18;
    st.pad_x_pt = 4;
    st.pad_y_pt = 4;
    st.frame_pt = 1;
    st.header_role = SB_FONT_HEI;
    tab = sb_doc_add_table(r->doc, cols, 4, &st);
    for (int s = 0; s < r->n_starred; s++) {
        const char *ind = r->starred[s];
        char *number = sb_xstrndup(ind, strcspn(ind, " "));
        char *declared, *listed;
        struct sb_buf list = {0}, items = {0};
        int annex, passed, n_items = 0;
        struct sb_fill f = {r->d, NULL, ind};

        if (sb_fill_indicator(&f, number, &declared, &listed, &annex,
                              &passed) == 0) {
            free(number);
            continue; /* no objective figure: nothing to prove */
        }
        if (listed != NULL)
            sb_buf_printf(&list, "附件%d：%s，%s", annex, listed,
                          passed ? "一致" : "不一致");
        else
            sb_buf_puts(&list, "无清单");
        for (int i = 0; i < r->evidence->n_items; i++) {
            const struct sb_volume_item *it = &r->evidence->items[i];

            if (it->indicators == NULL ||
                !names_indicator(it->indicators, number))
                continue;
            if (n_items++ > 0)
                sb_buf_puts(&items, "\n");
            item_text(r, i, &items);
        }
        {
            const char *row[4] = {ind, declared != NULL ? declared : "",
                                  list.data, n_items > 0 ? items.data : "无"};

            sb_table_add_row(tab, row);
        }
        if (listed == NULL && n_items == 0) {
            char *msg = sb_xasprintf(
                "带*标记的指标“%s”的客观数据没有证明材料：没有清单核对，"
                "evidence/index.csv 也没有一行的“指标”列写明%s",
                ind, number);

            evidence_finding(r, "evidence.indicator-missing", "index.csv",
                             number, msg);
            free(msg);
        }
        free(number);
        free(declared);
        free(listed);
        sb_buf_free(&list);
        sb_buf_free(&items);
    }
}

void sb_rp_evidence_free(struct rp *r)
{
    for (int i = 0; i < r->n_starred; i++)
        free(r->starred[i]);
    free(r->starred);
    sb_materials_free(r->materials);
    sb_volume_info_free(&r->plan);
}
