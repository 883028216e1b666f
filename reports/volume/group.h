/* group.h: an annex list grouped as the notice orders it (002 附件2:
 * 附件1 "按运行设备、加工设备、行走设备和其他设备四类分别整理", 附件2 by
 * the four model classes, 附件3 自研 / 生态伙伴), with each group's
 * count tied to the figure the 申报书 declares for it.
 *
 * Which annexes are grouped, and by which column, is the edition's data:
 * the role volume_groups of edition.csv lists annex.column pairs split
 * by '|' ("devices.class|…"); the column is an enumeration and its
 * values, in enums.csv order, are the groups. A row whose cell is no
 * value of the enumeration (a finding of the check) goes to a last
 * group "类别未识别", so no row is dropped. The declared figure of a
 * group is the field of the edition's rule "count(ANNEX where COLUMN =
 * 'VALUE') = FIELD", the list's total that of "count(ANNEX) = FIELD"
 * (rules.csv); a group without such a rule shows its count alone.
 *
 * Used by the PDF volumes (volume.c) and the workbook (reports/xlsx). */
#ifndef SB_REPORTS_VOLUME_GROUP_H
#define SB_REPORTS_VOLUME_GROUP_H

#include "base/sb.h"

struct sb_decl;
struct sb_enum;
struct sb_counted;

/* One group of rows. */
struct sb_vol_group {
    const char *label; /* the enumeration's value, or "类别未识别" */
    int field;         /* declared figure (index in form->fields), or -1 */
    long rows;         /* rows of the list in the group (sb_vol_groups_count) */
};

struct sb_vol_groups {
    int annex;      /* index in form->annexes */
    int file_field; /* the group column's field in the file */
    const struct sb_enum *en;
    int n;          /* en->n groups, then the unrecognised one */
    struct sb_vol_group *g;
    int total_field; /* declared figure of the whole list, or -1 */
    struct sb_buf key; /* scratch for sb_vol_group_of */
};

/* The grouping of annex idx of d into *gr when the edition groups it
 * and the file has the column: returns 1 (free with sb_vol_groups_free),
 * else 0 and *gr empty. Counts are zero until sb_vol_groups_count. */
int sb_vol_groups_of(const struct sb_decl *d, int idx,
                     struct sb_vol_groups *gr);

void sb_vol_groups_free(struct sb_vol_groups *gr);

/* The group (0..gr->n-1) of a row whose group cell is text (len
 * bytes): its enumeration value by text or alias, else the last. */
int sb_vol_group_of(struct sb_vol_groups *gr, const char *text, size_t len);

/* Read the list once and set each group's rows. Returns SB_OK, or
 * SB_EIO with err when the file cannot be read again. */
int sb_vol_groups_count(const struct sb_decl *d, struct sb_vol_groups *gr,
                        struct sb_error *err);

/* The declared figure of the whole of annex idx (the field of the
 * rule "count(ANNEX) = FIELD"), or -1. */
int sb_vol_total_field(const struct sb_decl *d, int idx);

/* How rows of a list tie to the declared figure field (-1: none), into
 * out (cleared first), in the figure's unit: "8,000 台/套；申报书 1.1
 * 工业设备数量“运行设备”填报 8,000 台/套，一致" or "…填报 8,001 台/套，
 * 清单少 1" or, with no figure, "8,000 条". */
void sb_vol_tie_text(const struct sb_decl *d, int field, long rows,
                     struct sb_buf *out);

/* Each counted column's total (check/counted.h; cnt may be NULL: none)
 * tied to its declared figure, appended to out: "；计入有效解决方案 32 个；
 * 申报书 3.1 解决方案供给能力“提供有效解决方案数量”填报 32 个，一致". */
void sb_vol_counted_totals(const struct sb_decl *d,
                           const struct sb_counted *cnt, struct sb_buf *out);

#endif
