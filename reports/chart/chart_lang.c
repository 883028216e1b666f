/* chart_lang.c: the words a chart writes itself (see chart_lang.h). */
#include "chart/chart_lang.h"

#include <string.h>

#include "base/sb.h"

static const struct chart_words zh = {
    "其他", "合计", "数值", "类别", "月份", "系列", "占比",
    "（", "）", "，", "",
    {"柱状图", "条形图", "分组柱状图", "堆叠柱状图", "环形图",
     "折线图", "热力图", "分省瓦片地图", "核对表"},
};

static const struct chart_words en = {
    "Other", "Total", "Value", "Category", "Month", "Series", "Share",
    " (", ")", ", ", " ",
    {"bar chart", "horizontal bar chart", "grouped bar chart",
     "stacked bar chart", "donut chart", "line chart", "heatmap",
     "province tile map", "check table"},
};

const struct chart_words *chart_words(enum sb_lang lang)
{
    return lang == SB_LANG_EN ? &en : &zh;
}

char *chart_name_unit(enum sb_lang lang, const char *name, const char *unit)
{
    const struct chart_words *w = chart_words(lang);

    if (unit == NULL || unit[0] == '\0')
        return sb_xstrdup(name);
    return sb_xasprintf("%s%s%s%s", name, w->open, unit, w->close);
}

int chart_is_other(const char *s)
{
    return strcmp(s, zh.other) == 0 || strcmp(s, "其它") == 0 ||
           strcmp(s, en.other) == 0;
}
