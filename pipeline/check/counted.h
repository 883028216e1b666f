/* counted.h: row by row, whether a list's row counts towards a figure
 * the form counts as distinct values of the list, and why not.
 *
 * Notice 002 附件2 3.1 defines 有效解决方案 as solutions without overlap
 * ("A、B、C行业的供应链管理只认定为1个"); the edition's rule says it
 * as distinct(solutions.domain, solutions.scenario) = solutions.effective,
 * so 64 rows can hold 32 effective solutions. A reviewer verifies the
 * figure by eye when each row says whether it counts: the first row of
 * each key counts ("是"), a later one names the row it repeats
 * ("否（与序号3领域、应用场景相同）"), a row without a valid value in a
 * key column or outside the rule's where says so.
 *
 * Which figures get such a column is the edition's data: the role
 * volume_counted of edition.csv lists FIELD:HEADER pairs split by '|'
 * ("solutions.effective:是否计入有效解决方案"); the figure's rule in
 * rules.csv, "distinct(ANNEX.COL, …) [where …] = FIELD", gives the list
 * and the key. Keys are compared exactly as the check counts them
 * (rules/agg.h sb_agg_distinct_key), so the rows marked 是 are as many
 * as the check's count. A row is named by the file's 序号 when it has
 * one, else "第N条" (its place among the data rows).
 *
 * Used by the annex volumes and the workbook (reports/volume,
 * reports/xlsx). */
#ifndef SB_PIPELINE_COUNTED_H
#define SB_PIPELINE_COUNTED_H

#include "base/sb.h"
#include "read/record.h"

struct sb_decl;
struct sb_counted;

/* The counted columns of annex idx of d, its file read once to find
 * the first row of every key: SB_OK and *out (NULL when the edition
 * gives the annex none, or the file or a key column is absent; free
 * with sb_counted_free), or SB_EIO / SB_EENCODING with err when the
 * file cannot be read again. */
int sb_counted_open(const struct sb_decl *d, int idx,
                    struct sb_counted **out, struct sb_error *err);
void sb_counted_free(struct sb_counted *c);

/* Number of counted columns (≥ 1), and column k's header (borrowed), declared figure (index in form->fields) and number of
 * rows it counts (the distinct keys). */
int sb_counted_n(const struct sb_counted *c);
const char *sb_counted_header(const struct sb_counted *c, int k);
int sb_counted_field(const struct sb_counted *c, int k);
long sb_counted_total(const struct sb_counted *c, int k);

/* What column k means, appended to out: "“是否计入有效解决方案”：领域、
 * 应用场景相同的行只计首行" (with "，…不合计数条件的行不计" when its rule
 * has a where). */
void sb_counted_explain(const struct sb_counted *c, int k, struct sb_buf *out);

/* What a total of column k is called, appended to out: its header
 * without a leading 是否 ("计入有效解决方案"). */
void sb_counted_total_label(const struct sb_counted *c, int k,
                            struct sb_buf *out);

/* Read record rec (a data row of the file, any order) for the
 * verdicts that follow; the record must stay valid until then. */
void sb_counted_row(struct sb_counted *c, const struct sb_record *rec);

/* Column k's verdict on the row given to sb_counted_row, into out
 * (cleared first): "是", or "否（…）" with the reason. Returns 1 when the
 * row counts. */
int sb_counted_verdict(struct sb_counted *c, int k, struct sb_buf *out);

#endif
