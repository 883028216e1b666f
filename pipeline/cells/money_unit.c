/* money_unit.c: the units of money (see money_unit.h). */
#include "cells/money_unit.h"

#include <string.h>

const struct sb_money_unit sb_money_units[SB_MONEY_UNITS] = {
    {"元", 1.0},
    {"万元", 1e4},
    {"亿元", 1e8},
};

double sb_money_unit_yuan(const char *name, size_t len)
{
    for (int i = 0; i < SB_MONEY_UNITS; i++) {
        if (strlen(sb_money_units[i].name) == len &&
            memcmp(sb_money_units[i].name, name, len) == 0)
            return sb_money_units[i].yuan;
    }
    return 0;
}

int sb_money_unit_index(double yuan)
{
    for (int i = 0; i < SB_MONEY_UNITS; i++) {
        if (sb_money_units[i].yuan == yuan)
            return i;
    }
    return -1;
}
