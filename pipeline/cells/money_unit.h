/* money_unit.h: the units money is declared in, and how many 元 each
 * is. The one table of them: field and column units in the edition
 * files, "(万元)" in an annex header, a chart's unit and the number
 * format of a workbook cell all look the unit up here. */
#ifndef SB_PIPELINE_MONEY_UNIT_H
#define SB_PIPELINE_MONEY_UNIT_H

#include <stddef.h>

struct sb_money_unit {
    const char *name; /* as written: "元", "万元", "亿元" */
    double yuan;      /* 元 per unit: 1, 1e4, 1e8 */
};

/* The units, smallest first: 元, 万元, 亿元. */
#define SB_MONEY_UNITS 3
extern const struct sb_money_unit sb_money_units[SB_MONEY_UNITS];

/* 元 per unit of the unit named by the len bytes at name ("万元":
 * 10000), or 0 when that is not a unit of money. */
double sb_money_unit_yuan(const char *name, size_t len);

/* The index in sb_money_units of the unit worth yuan 元, or -1. */
int sb_money_unit_index(double yuan);

#endif
