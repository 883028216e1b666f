/* materials.h: the documents a form edition asks for after its lists
 * (materials.csv), and which of them an evidence file belongs under.
 *
 * Notice 002 附件2 (5) 材料清单 names, after the lists 附件1–8, the
 * documents 附件9 财务信息, 附件10 专利和知识产权证书, 附件11 运行日志,
 * 附件12 企业运营资质 and 附件13 其他说明材料; 说明3 lets an empty one
 * be "无". materials.csv columns: number (the 附件 number), title (as
 * the form prints it), required (0/1: the declaration must hold at
 * least one file under it), keywords ("|"-separated words of an
 * evidence title that file it here, e.g. 营业执照|资质; empty: the
 * catch-all, taken when no other row's words match). */
#ifndef SB_PIPELINE_MATERIALS_H
#define SB_PIPELINE_MATERIALS_H

#include "base/sb.h"

struct sb_form;

struct sb_material {
    int number;      /* 附件 number: 9 */
    char *title;     /* "财务报表、客户服务合同等…" */
    int required;    /* 1: a file under it is required */
    char **keywords; /* NULL-terminated; empty for the catch-all */
    long line;       /* row in materials.csv (header = 1) */
};

struct sb_materials {
    char *path; /* the materials.csv read, or NULL when none */
    struct sb_material *v;
    int n;
};

/* Read materials.csv of form f (its directory). An edition without the
 * file has no materials: SB_OK and an empty list. Returns SB_OK and
 * *out (free with sb_materials_free), or SB_EIO/SB_EFORMAT with err
 * naming file:row:col (a missing column, a bad number or flag). */
int sb_materials_load(struct sb_materials **out, const struct sb_form *f,
                      struct sb_error *err);

void sb_materials_free(struct sb_materials *m);

/* The material an evidence item titled title belongs under: the one
 * whose number is annex when annex > 0 (as the evidence index says),
 * else the first whose keywords occur in title, else the catch-all;
 * NULL when none (no such number, or no row fits). */
const struct sb_material *sb_materials_file(const struct sb_materials *m,
                                            const char *title, int annex);

#endif
