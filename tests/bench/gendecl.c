/* gendecl.c: write a fictional but realistic 2023 platform declaration
 * (platform-2023 form): form.csv whose every figure agrees with the
 * annex lists it writes beside it, deterministic by seed.
 *
 *   gendecl [--size tiny|sample] [--devices N] [--seed S] OUTDIR
 *
 * --size sample (the default) is the bundled inputs/sample: about 20,000
 * devices, hundreds of models and APPs, thousands of developers.
 * --size tiny is the base of the test fixtures (a few dozen rows each).
 * --devices N scales every list to N devices (the benchmarks: 10k, 1M,
 * 10M) in the proportions of a real platform: a platform declaring
 * 12.6万 devices typically lists a few thousand APPs and as many models,
 * tens of thousands of third-party developers and around ten thousand
 * enterprise users. So: models and APPs N/40, developers N/5,
 * enterprises N/12, solutions N/1000 (at least 22, one per industry),
 * staff N/100 but at most 20,000 (a company's roster does not grow
 * with its customers' machines). At N = 1,000,000 that is 25,000 models
 * and APPs, 200,000 developers and 83,333 enterprises.
 * Encodings vary on purpose as real exports do: the roster is GB18030
 * with CRLF (Chinese Excel), the enterprise list UTF-8 with a BOM, the
 * others plain UTF-8. */
#include <errno.h>
#include <iconv.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cells/cell.h"

/* ---- deterministic randomness (splitmix64) ---- */

static uint64_t rng_state;

static uint64_t rnd(void)
{
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ULL);

    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

/* Uniform integer in [0, n). */
static long pick(long n)
{
    return (long)(rnd() % (uint64_t)n);
}

/* Index drawn with the given weights (n of them). */
static int weighted(const int *w, int n)
{
    long total = 0, x;

    for (int i = 0; i < n; i++)
        total += w[i];
    x = pick(total);
    for (int i = 0; i < n; i++) {
        if (x < w[i])
            return i;
        x -= w[i];
    }
    return n - 1;
}

#define N_OF(a) ((int)(sizeof(a) / sizeof *(a)))

/* ---- vocabulary ---- */

static const char *const surnames[] = {
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙",
    "马", "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋",
    "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁",
    "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁"};
static const char *const given[] = {
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳",
    "杰", "娟", "涛", "明", "超", "秀英", "霞", "平", "刚", "桂英", "建华",
    "文", "华", "鑫", "宇", "浩", "晨", "欣怡", "子涵", "思远", "嘉怡",
    "志强", "海燕", "雪", "琳", "晓东", "佳", "俊", "婷", "博", "凯", "颖"};
static const char *const pinyin[] = {
    "wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu",
    "zhou", "xu", "sun", "ma", "zhu", "hu", "guo", "he", "gao", "lin", "luo",
    "zheng", "liang", "xie", "song", "tang", "han", "feng", "deng", "cao"};
static const char *const cities[] = {
    "青岛", "苏州", "宁波", "佛山", "东莞", "合肥", "长沙", "成都", "重庆",
    "武汉", "郑州", "济南", "无锡", "常州", "温州", "泉州", "厦门", "西安",
    "沈阳", "大连", "天津", "唐山", "烟台", "潍坊", "绍兴", "嘉兴", "南通",
    "徐州", "洛阳", "襄阳", "株洲", "柳州", "芜湖", "赣州", "昆明", "贵阳"};
/* GB/T 2260 division codes matching the cities above. */
static const char *const city_codes[] = {
    "370200", "320500", "330200", "440600", "441900", "340100", "430100",
    "510100", "500000", "420100", "410100", "370100", "320200", "320400",
    "330300", "350500", "350200", "610100", "210100", "210200", "120000",
    "130200", "370600", "370700", "330600", "330400", "320600", "320300",
    "410300", "420600", "430200", "450200", "340200", "360700", "530100",
    "520100"};
static const char *const firm_names[] = {
    "恒信", "华瑞", "鼎盛", "宏达", "金桥", "瑞丰", "博远", "海川", "天成",
    "永安", "正泰", "新锐", "精工", "安泰", "众合", "远航", "长青", "联创",
    "盛世", "汇通", "德润", "中科", "宝丰", "华昌", "润达", "启明", "东方",
    "凯达", "鑫源", "腾飞", "利民", "志诚", "明德", "同创", "景辉", "嘉禾"};
static const char *const firm_trades[] = {
    "机械制造", "精密铸造", "汽车零部件", "电子科技", "化工", "新材料",
    "纺织", "食品", "家电", "建材", "钢铁", "有色金属", "医药", "轨道装备",
    "船舶配套", "电力设备", "塑胶", "包装", "智能装备", "模具"};

/* Devices: per class, the examples of 002 1.1 and a few more. */
static const char *const device_classes[] = {"运行设备", "加工设备",
                                             "行走设备", "其他设备"};
static const int class_weights[] = {38, 36, 16, 10};
static const char *const device_types[4][7] = {
    {"采矿设备", "化工设备", "冶炼设备", "电力设备", "建材设备", "动力设备",
     "仪器仪表"},
    {"机床", "机器人", "电工设备", "电子设备", "轻工设备", "机床", "机器人"},
    {"工程机械", "农林机械", "物流设备", "交通设备", "工程机械", "物流设备",
     "交通设备"},
    {"安全生产设备", "污染防治设备", "安全生产设备", "污染防治设备",
     "安全生产设备", "污染防治设备", "安全生产设备"}};
static const char *const device_names[4][6] = {
    {"空压机", "循环水泵", "电除尘器", "变压器", "回转窑", "燃气轮机"},
    {"五轴加工中心", "焊接机器人", "数控车床", "注塑机", "贴片机", "激光切割机"},
    {"挖掘机", "装载机", "AGV小车", "叉车", "拖拉机", "起重机"},
    {"气体监测仪", "废气处理装置", "消防泵", "污水处理设备", "粉尘监测仪",
     "应急照明柜"}};
static const char *const protocols[] = {
    "Modbus TCP", "OPC UA", "PROFINET", "EtherNet/IP", "MQTT", "CANopen",
    "BACnet", "IEC 61850", "IEC 60870-5-104", "S7", "MC协议", "FINS",
    "HART", "DL/T 645", "Modbus RTU", "EtherCAT", "CC-Link", "OPC DA"};
static const char *const model_classes[] = {"研发仿真模型", "业务流程模型",
                                            "行业机理模型", "数据算法模型"};
static const char *const model_subjects[] = {
    "注塑成型", "焊接工艺", "热处理", "电机能效", "轴承寿命", "刀具磨损",
    "排产优化", "库存预测", "质量追溯", "能耗预测", "设备故障诊断",
    "供应商评价", "配方优化", "振动分析", "炉温控制", "视觉缺陷检测"};
static const char *const domains[] = {"安全生产", "节能减排", "质量管控",
                                      "供应链管理", "研发设计", "生产制造",
                                      "运营管理", "仓储物流", "运维服务"};
static const int domain_weights[] = {8, 9, 15, 11, 10, 19, 12, 7, 9};
static const char *const industries[] = {
    "煤炭/黑色金属矿开采/石油天然气开采", "黑色金属", "有色金属",
    "石化化工", "建材", "医药", "纺织", "家电", "食品", "烟草", "轻工",
    "机械", "汽车", "航空/航天", "船舶", "轨道交通", "电子", "电力",
    "热力和燃气", "建筑业", "农业", "服务业"};
static const int industry_weights[] = {3, 5, 4, 8, 5, 4, 6, 7, 5, 1, 6,
                                       16, 10, 2, 2, 3, 9, 4, 2, 3, 1, 2};
static const char *const scenarios[9][4] = {
    {"危险作业监测", "安全隐患排查", "人员定位预警", "应急指挥"},
    {"能耗监测分析", "碳排放核算", "余热回收优化", "空压站节能"},
    {"视觉缺陷检测", "质量追溯", "SPC统计过程控制", "来料检验"},
    {"供应商协同", "采购寻源", "订单协同", "供应链金融"},
    {"协同设计", "仿真验证", "工艺设计", "BOM管理"},
    {"智能排产", "生产执行管理", "设备联网", "柔性产线调度"},
    {"经营分析", "成本核算", "人力资源管理", "客户关系管理"},
    {"智能仓储", "运输调度", "库存优化", "园区物流"},
    {"预测性维护", "远程运维", "备品备件管理", "设备健康评估"}};
static const char *const app_verbs[] = {"智能", "云", "数字", "精益", "协同",
                                        "易", "慧", "优"};
static const char *const techs[] = {"5G", "大数据", "人工智能", "数字孪生",
                                    "区块链", "工业AR/VR"};
static const char *const departments[] = {"研发中心", "平台运营部",
                                          "解决方案部", "市场部", "交付中心",
                                          "安全部", "财务部", "综合管理部"};
static const char *const positions[] = {"软件工程师", "算法工程师",
                                        "产品经理", "实施顾问", "运维工程师",
                                        "销售经理", "测试工程师", "架构师"};
static const char *const educations[] = {"博士", "硕士", "本科", "大专",
                                         "其他"};
static const int education_weights[] = {4, 28, 55, 10, 3};
static const char *const dev_tools[] = {
    "低代码开发工具", "数据建模工具", "算法训练平台", "微服务网关",
    "设备接入SDK", "可视化组态", "数字孪生引擎", "规则引擎"};

/* ---- output helpers ---- */

static void die(const char *what, const char *path)
{
    fprintf(stderr, "gendecl: %s %s: %s\n", what, path, strerror(errno));
    exit(2);
}

struct out {
    FILE *fp;
    char *path;
    iconv_t cd; /* (iconv_t)-1 for UTF-8 */
    const char *eol;
};

static struct out open_out(const char *dir, const char *name, int gb,
                           int bom)
{
    struct out o;
    size_t n = strlen(dir) + strlen(name) + 2;

    o.path = malloc(n);
    snprintf(o.path, n, "%s/%s", dir, name);
    o.fp = fopen(o.path, "wb");
    if (o.fp == NULL)
        die("cannot write", o.path);
    setvbuf(o.fp, NULL, _IOFBF, 1 << 20);
    o.cd = gb ? iconv_open("GB18030", "UTF-8") : (iconv_t)-1;
    o.eol = gb ? "\r\n" : "\n";
    if (bom)
        fputs("\xEF\xBB\xBF", o.fp);
    return o;
}

static void close_out(struct out *o)
{
    if (fclose(o->fp) != 0)
        die("cannot write", o->path);
    if (o->cd != (iconv_t)-1)
        iconv_close(o->cd);
    free(o->path);
}

/* One CSV line from fields (quoted when needed). */
static void row(struct out *o, int n, const char *const *f)
{
    char line[8192];
    size_t len = 0;

    for (int i = 0; i < n; i++) {
        const char *s = f[i];
        int quote = strpbrk(s, ",\"\n\r") != NULL;

        if (i > 0)
            line[len++] = ',';
        if (quote)
            line[len++] = '"';
        for (; *s != '\0' && len < sizeof line - 8; s++) {
            if (*s == '"')
                line[len++] = '"';
            line[len++] = *s;
        }
        if (quote)
            line[len++] = '"';
    }
    if (o->cd == (iconv_t)-1) {
        fwrite(line, 1, len, o->fp);
    } else {
        char conv[16384];
        char *in = line, *outp = conv;
        size_t inl = len, outl = sizeof conv;

        iconv(o->cd, &in, &inl, &outp, &outl);
        fwrite(conv, 1, sizeof conv - outl, o->fp);
    }
    fputs(o->eol, o->fp);
}

static char *fmt(char *buf, size_t n, const char *f, ...)
    __attribute__((format(printf, 3, 4)));

static char *fmt(char *buf, size_t n, const char *f, ...)
{
    va_list ap;

    va_start(ap, f);
    vsnprintf(buf, n, f, ap);
    va_end(ap);
    return buf;
}

static void date_str(int32_t days, char *buf)
{
    sb_date_format(days, buf);
}

static void person(char *buf, size_t n)
{
    snprintf(buf, n, "%s%s", surnames[pick(N_OF(surnames))],
             given[pick(N_OF(given))]);
}

static void mobile(char *buf, size_t n)
{
    static const char *const pre[] = {"135", "136", "137", "138", "139",
                                      "150", "151", "158", "186", "188",
                                      "177", "199", "133", "153", "189"};

    snprintf(buf, n, "%s%08ld", pre[pick(N_OF(pre))], pick(100000000));
}

/* A valid 统一社会信用代码 for a company registered in city c:
 * 9 (market regulator) 1 (enterprise), the division code, an
 * organisation code of 8 digits with its GB 11714 check character, and
 * the GB 32100-2015 check character. */
static void uscc(long serial, int c, char *buf)
{
    static const int w[8] = {3, 7, 9, 10, 5, 8, 4, 2};
    unsigned long body = (unsigned long)(serial * 2654435761UL) % 100000000UL;
    char check = '0';
    int sum = 0, ck;

    snprintf(buf, 19, "91%s%08lu00", city_codes[c], body);
    for (int i = 0; i < 8; i++)
        sum += (buf[8 + i] - '0') * w[i];
    ck = 11 - sum % 11;
    buf[16] = ck == 10 ? 'X' : (ck == 11 ? '0' : (char)('0' + ck));
    if (!sb_cell_check_uscc(buf, 18, &check, NULL))
        buf[17] = check;
}

/* ---- the declaration ---- */

struct sizes {
    long devices, models, apps, enterprises, developers, solutions, roster;
};

struct figures {
    long dev_class[4], dev_public, dev_private, dev_daily, protocols;
    long model_class[4];
    long app_source[2], app_mode[2], app_domain[9], app_active;
    long ent_paying, sme_served;
    double sme_amount; /* 万元, rounded to fen */
    long dev_active;
    long killer_subs, killer_daily;
    double killer_revenue;
    long sol_effective, sol_industries, sol_domains;
    long green_effective, green_industries, green_domains;
};

static const int32_t stat_date = 19508; /* 2023-05-31 */

static void gen_devices(const char *dir, long n, struct figures *fg)
{
    struct out o = open_out(dir, "devices.csv", 0, 0);
    static const char *const h[] = {"序号", "设备ID", "设备名称",
                                    "设备类别", "设备类型", "连接方式",
                                    "工业协议", "所属企业", "接入日期",
                                    "最近数据上传日期"};
    int used[N_OF(protocols)] = {0};

    row(&o, N_OF(h), h);
    for (long i = 1; i <= n; i++) {
        char seq[24], id[32], name[96], owner[128], conn[11], last[11];
        int c = weighted(class_weights, 4);
        int t = (int)pick(7);
        int pub = pick(100) < 72;
        int p = (int)pick(pub ? 10 : N_OF(protocols));
        int32_t on = stat_date - 30 - (int32_t)pick(1400);
        int32_t up = pick(100) < 81 ? stat_date
                                    : stat_date - 1 - (int32_t)pick(40);
        const char *f[10];

        if (up < on)
            up = on;
        fmt(seq, sizeof seq, "%ld", i);
        fmt(id, sizeof id, "EQ%02d%08ld", c + 1, i * 7919 % 100000000);
        fmt(name, sizeof name, "%s%s-%03ld号",
            firm_names[pick(N_OF(firm_names))],
            device_names[c][pick(6)], i % 1000);
        fmt(owner, sizeof owner, "%s%s%s有限公司",
            cities[pick(N_OF(cities))], firm_names[pick(N_OF(firm_names))],
            firm_trades[pick(N_OF(firm_trades))]);
        date_str(on, conn);
        date_str(up, last);
        f[0] = seq;
        f[1] = id;
        f[2] = name;
        f[3] = device_classes[c];
        f[4] = device_types[c][t];
        f[5] = pub ? "公有云" : "私有云";
        f[6] = protocols[p];
        f[7] = owner;
        f[8] = conn;
        f[9] = last;
        row(&o, 10, f);
        fg->dev_class[c]++;
        if (pub) {
            fg->dev_public++;
            fg->dev_daily += up == stat_date;
        } else {
            fg->dev_private++;
        }
        used[p] = 1;
    }
    for (int p = 0; p < N_OF(protocols); p++)
        fg->protocols += used[p];
    fg->protocols += 6; /* supported but not used by any listed device */
    close_out(&o);
}

static void gen_models(const char *dir, long n, struct figures *fg)
{
    struct out o = open_out(dir, "models.csv", 0, 0);
    static const char *const h[] = {"序号", "模型ID", "模型名称", "模型类别",
                                    "聚焦行业", "模型描述"};
    static const int w[] = {20, 24, 31, 25};

    row(&o, N_OF(h), h);
    for (long i = 1; i <= n; i++) {
        char seq[24], id[32], name[128], desc[256];
        int c = weighted(w, 4);
        const char *subj = model_subjects[pick(N_OF(model_subjects))];
        int ind = weighted(industry_weights, N_OF(industries));
        const char *f[6];

        fmt(seq, sizeof seq, "%ld", i);
        fmt(id, sizeof id, "MDL-%05ld", i);
        fmt(name, sizeof name, "%s%s模型V%ld.%ld", subj,
            c == 3 ? "预测" : (c == 2 ? "机理" : (c == 1 ? "流程" : "仿真")),
            1 + pick(4), pick(10));
        fmt(desc, sizeof desc, "面向%s行业的%s%s，已在平台封装为可调用的微服务组件",
            industries[ind], subj, model_classes[c]);
        f[0] = seq;
        f[1] = id;
        f[2] = name;
        f[3] = model_classes[c];
        f[4] = industries[ind];
        f[5] = desc;
        row(&o, 6, f);
        fg->model_class[c]++;
    }
    close_out(&o);
}

struct app {
    char name[96];
    char industry[160];
    char scenario[64];
    char description[256];
    long subs;
    int domain;
    int in_house;
};

static void gen_apps(const char *dir, long n, struct figures *fg,
                     struct app *top5)
{
    struct out o = open_out(dir, "apps.csv", 0, 0);
    static const char *const h[] = {
        "序号", "APP编号", "APP名称", "APP来源", "开发方式", "APP种类",
        "功能描述", "聚焦行业", "应用场景", "开发者", "联系人", "联系电话",
        "订阅数量", "最近调用日期"};
    struct app a;

    memset(top5, 0, 5 * sizeof *top5);
    row(&o, N_OF(h), h);
    for (long i = 1; i <= n; i++) {
        char seq[24], id[32], dev[128], contact[32], phone[16], subs[24],
            last[11];
        int dom = weighted(domain_weights, 9);
        int sc = (int)pick(4);
        int in_house = pick(100) < 58;
        int native = pick(100) < 67;
        int i1 = weighted(industry_weights, N_OF(industries));
        int i2 = weighted(industry_weights, N_OF(industries));
        int32_t used = pick(100) < 86 ? stat_date - (int32_t)pick(30)
                                      : stat_date - 31 - (int32_t)pick(200);
        /* Subscriptions: heavy-tailed, unique at the top. */
        long s = 20 + pick(400) + (pick(100) < 8 ? pick(6000) : 0) +
                 (i % 97 == 0 ? 8000 + pick(9000) : 0);
        const char *f[14];

        fmt(a.name, sizeof a.name, "%s%s%s%s", app_verbs[pick(8)],
            scenarios[dom][sc], i % 3 == 0 ? "助手" : "云", "");
        fmt(a.name + strlen(a.name), sizeof a.name - strlen(a.name),
            "%ld", i);
        if (i1 == i2)
            fmt(a.industry, sizeof a.industry, "%s", industries[i1]);
        else
            fmt(a.industry, sizeof a.industry, "%s、%s", industries[i1],
                industries[i2]);
        fmt(a.scenario, sizeof a.scenario, "%s", scenarios[dom][sc]);
        fmt(a.description, sizeof a.description,
            "提供%s能力，支持数据接入、分析与可视化，可按需订阅", a.scenario);
        a.subs = s * 10 + (i % 10); /* unique last digit breaks ties */
        a.domain = dom;
        a.in_house = in_house;
        if (in_house) {
            fmt(dev, sizeof dev, "平台研发中心");
        } else {
            fmt(dev, sizeof dev, "%s%s%s有限公司", cities[pick(N_OF(cities))],
                firm_names[pick(N_OF(firm_names))], "软件科技");
        }
        person(contact, sizeof contact);
        mobile(phone, sizeof phone);
        fmt(seq, sizeof seq, "%ld", i);
        fmt(id, sizeof id, "APP%06ld", i);
        fmt(subs, sizeof subs, "%ld", a.subs);
        date_str(used, last);
        f[0] = seq;
        f[1] = id;
        f[2] = a.name;
        f[3] = in_house ? "自研" : "生态伙伴";
        f[4] = native ? "基于平台开发" : "传统工业软件云化";
        f[5] = domains[dom];
        f[6] = a.description;
        f[7] = a.industry;
        f[8] = a.scenario;
        f[9] = dev;
        f[10] = contact;
        f[11] = phone;
        f[12] = subs;
        f[13] = last;
        row(&o, 14, f);
        fg->app_source[!in_house]++;
        fg->app_mode[!native]++;
        fg->app_domain[dom]++;
        fg->app_active += used >= 19478; /* on or after 2023-05-01 */
        for (int k = 0; k < 5; k++) {
            if (a.subs > top5[k].subs) {
                memmove(&top5[k + 1], &top5[k], (size_t)(4 - k) * sizeof a);
                top5[k] = a;
                break;
            }
        }
    }
    close_out(&o);
}

static void gen_killer(const char *dir, const struct app *top5,
                       struct figures *fg)
{
    struct out o = open_out(dir, "killer_apps.csv", 0, 0);
    static const char *const h[] = {"序号", "APP名称", "功能描述",
                                    "聚焦行业", "应用场景", "部署方式",
                                    "订阅数量", "日活次数",
                                    "近一年月均收入（万元）"};

    row(&o, N_OF(h), h);
    for (int k = 0; k < 5; k++) {
        char seq[8], subs[24], daily[24], rev[32];
        long d = top5[k].subs / 3 + pick(500);
        long cents = 2000 + pick(40000); /* 20.00–420.00 万元 */
        int pub = k != 3;
        const char *f[9];

        fmt(seq, sizeof seq, "%d", k + 1);
        fmt(subs, sizeof subs, "%ld", top5[k].subs);
        fmt(daily, sizeof daily, "%ld", d);
        fmt(rev, sizeof rev, "%ld.%02ld", cents / 100, cents % 100);
        f[0] = seq;
        f[1] = top5[k].name;
        f[2] = top5[k].description;
        f[3] = top5[k].industry;
        f[4] = top5[k].scenario;
        f[5] = pub ? "公有云" : "私有云";
        f[6] = subs;
        f[7] = daily;
        f[8] = rev;
        row(&o, 9, f);
        fg->killer_subs += top5[k].subs;
        fg->killer_daily += pub ? d : 0;
        fg->killer_revenue += (double)cents / 100.0;
    }
    close_out(&o);
}

static void gen_enterprises(const char *dir, long n, struct figures *fg)
{
    struct out o = open_out(dir, "enterprises.csv", 0, 1);
    static const char *const h[] = {
        "序号", "企业名称", "统一社会信用代码", "企业类型", "企业规模",
        "所属行业", "是否付费", "服务金额（万元）", "服务开始日期", "联系人",
        "联系电话"};
    static const char *const scales[] = {"大型", "中型", "小型", "微型"};
    static const int scale_w[] = {7, 23, 48, 22};
    long sme_yuan = 0;

    row(&o, N_OF(h), h);
    for (long i = 1; i <= n; i++) {
        char seq[24], name[160], code[19], amount[32], start[11],
            contact[32], phone[16];
        int c = (int)pick(N_OF(cities));
        int sc = weighted(scale_w, 4);
        int ind = weighted(industry_weights, N_OF(industries));
        int paying = pick(100) < 63;
        /* in 元, a multiple of 100 so that 万元 has two decimals */
        long yuan = paying ? 100 * (sc == 0 ? 2000 + pick(90000)
                                            : 30 + pick(6000))
                           : 0;
        int32_t on = stat_date - 10 - (int32_t)pick(1900);
        const char *f[11];

        fmt(seq, sizeof seq, "%ld", i);
        fmt(name, sizeof name, "%s%s%s%s%s", cities[c],
            firm_names[i % N_OF(firm_names)],
            firm_trades[(i / N_OF(firm_names)) % N_OF(firm_trades)],
            i / (N_OF(firm_names) * N_OF(firm_trades)) > 0 ? "第" : "",
            "有限公司");
        if (i / (N_OF(firm_names) * N_OF(firm_trades)) > 0)
            fmt(name, sizeof name, "%s%s%s%ld有限公司", cities[c],
                firm_names[i % N_OF(firm_names)],
                firm_trades[(i / N_OF(firm_names)) % N_OF(firm_trades)],
                i / (N_OF(firm_names) * N_OF(firm_trades)));
        uscc(i, c, code);
        fmt(amount, sizeof amount, "%ld.%02ld", yuan / 10000,
            (yuan / 100) % 100);
        date_str(on, start);
        person(contact, sizeof contact);
        mobile(phone, sizeof phone);
        f[0] = seq;
        f[1] = name;
        f[2] = code;
        f[3] = pick(100) < 86 ? "工业制造企业" : "工业服务企业";
        f[4] = scales[sc];
        f[5] = industries[ind];
        f[6] = paying ? "是" : "否";
        f[7] = amount;
        f[8] = start;
        f[9] = contact;
        f[10] = phone;
        row(&o, 11, f);
        fg->ent_paying += paying;
        if (sc > 0 && on >= 18628) { /* 2021-01-01 */
            fg->sme_served++;
            sme_yuan += yuan;
        }
    }
    fg->sme_amount = (double)sme_yuan / 1e4;
    close_out(&o);
}

static void gen_developers(const char *dir, long n, struct figures *fg)
{
    struct out o = open_out(dir, "developers.csv", 0, 0);
    static const char *const h[] = {"序号", "开发者ID", "开发者姓名",
                                    "开发者类型", "手机号码", "电子邮箱",
                                    "注册日期", "最近登录日期",
                                    "最近调用日期", "调用工具"};
    static const char *const kinds[] = {"个人", "企业", "高校及科研院所"};
    static const int kind_w[] = {71, 22, 7};
    static const char *const mail[] = {"163.com", "qq.com", "126.com",
                                       "outlook.com", "foxmail.com"};

    row(&o, N_OF(h), h);
    for (long i = 1; i <= n; i++) {
        char seq[24], id[32], name[32], phone[16], email[64], reg[11],
            login[11], call[11];
        int32_t r = stat_date - (int32_t)pick(1500);
        int32_t lg = r + (int32_t)pick(stat_date - r + 1);
        int32_t cl = r + (int32_t)pick(lg - r + 1);
        const char *f[10];

        if (pick(100) < 35) { /* active in the last 30 days */
            lg = stat_date - (int32_t)pick(20);
            cl = lg - (int32_t)pick(8);
            if (lg < r)
                lg = r;
            if (cl < r)
                cl = r;
        }
        fmt(seq, sizeof seq, "%ld", i);
        fmt(id, sizeof id, "DEV%07ld", i);
        person(name, sizeof name);
        mobile(phone, sizeof phone);
        fmt(email, sizeof email, "%s%s%ld@%s", pinyin[pick(N_OF(pinyin))],
            pinyin[pick(N_OF(pinyin))], i, mail[pick(N_OF(mail))]);
        date_str(r, reg);
        date_str(lg, login);
        date_str(cl, call);
        f[0] = seq;
        f[1] = id;
        f[2] = name;
        f[3] = kinds[weighted(kind_w, 3)];
        f[4] = phone;
        f[5] = email;
        f[6] = reg;
        f[7] = login;
        f[8] = call;
        f[9] = dev_tools[pick(N_OF(dev_tools))];
        row(&o, 10, f);
        fg->dev_active += lg >= stat_date - 29 && cl >= stat_date - 29;
    }
    close_out(&o);
}

static void gen_solutions(const char *dir, long n, struct figures *fg)
{
    struct out o = open_out(dir, "solutions.csv", 0, 0);
    static const char *const h[] = {"序号", "解决方案名称", "聚焦行业",
                                    "领域", "应用场景", "解决的痛点难点问题",
                                    "运用技术", "双链双碳"};
    uint64_t ind = 0, dom = 0, gind = 0, gdom = 0;
    int seen[9][4] = {{0}}, gseen[9][4] = {{0}};
    static char used[22][9][4];

    row(&o, N_OF(h), h);
    for (long i = 1; i <= n; i++) {
        char seq[24], name[192], pain[256], tech[64];
        int d = (int)(i <= 9 ? i - 1 : weighted(domain_weights, 9));
        int sc = (int)pick(4);
        int in = (int)(i <= 22 ? i - 1
                               : weighted(industry_weights, N_OF(industries)));
        int dup;

        /* one solution per industry, domain and scenario (names unique) */
        for (int tries = 0; used[in][d][sc] && tries < 64; tries++) {
            d = weighted(domain_weights, 9);
            sc = (int)pick(4);
            in = weighted(industry_weights, N_OF(industries));
        }
        for (int k = 0; used[in][d][sc] && k < 22 * 36; k++) {
            in = k % 22;
            d = (k / 22) % 9;
            sc = k / 198;
        }
        dup = used[in][d][sc]; /* all combinations taken: number it */
        used[in][d][sc] = 1;
        int t1 = (int)pick(6), t2 = (int)pick(6);
        const char *cc = d == 1 ? "双碳" : (d == 3 ? "双链" : "否");
        const char *f[8];

        fmt(seq, sizeof seq, "%ld", i);
        fmt(name, sizeof name, "%s行业%s解决方案", industries[in],
            scenarios[d][sc]);
        if (dup)
            fmt(name + strlen(name), sizeof name - strlen(name), "（%ld）",
                i);
        fmt(pain, sizeof pain, "解决%s企业%s环节数据分散、响应慢、依赖人工经验的问题",
            industries[in], scenarios[d][sc]);
        if (t1 == t2)
            fmt(tech, sizeof tech, "%s", techs[t1]);
        else
            fmt(tech, sizeof tech, "%s、%s", techs[t1], techs[t2]);
        f[0] = seq;
        f[1] = name;
        f[2] = industries[in];
        f[3] = domains[d];
        f[4] = scenarios[d][sc];
        f[5] = pain;
        f[6] = tech;
        f[7] = cc;
        row(&o, 8, f);
        ind |= 1ULL << in;
        dom |= 1ULL << d;
        fg->sol_effective += !seen[d][sc];
        seen[d][sc] = 1;
        if (cc[0] != '\xe5' || strcmp(cc, "否") != 0) {
            gind |= 1ULL << in;
            gdom |= 1ULL << d;
            fg->green_effective += !gseen[d][sc];
            gseen[d][sc] = 1;
        }
    }
    fg->sol_industries = __builtin_popcountll(ind);
    fg->sol_domains = __builtin_popcountll(dom);
    fg->green_industries = __builtin_popcountll(gind);
    fg->green_domains = __builtin_popcountll(gdom);
    close_out(&o);
}

static void gen_roster(const char *dir, long n)
{
    struct out o = open_out(dir, "roster.csv", 1, 0);
    static const char *const h[] = {"序号", "姓名", "性别", "部门", "岗位",
                                    "学历", "入职日期"};

    row(&o, N_OF(h), h);
    for (long i = 1; i <= n; i++) {
        char seq[24], name[32], hired[11];
        const char *f[7];

        fmt(seq, sizeof seq, "%ld", i);
        person(name, sizeof name);
        date_str(stat_date - 20 - (int32_t)pick(4200), hired);
        f[0] = seq;
        f[1] = name;
        f[2] = pick(100) < 64 ? "男" : "女";
        f[3] = departments[pick(N_OF(departments))];
        f[4] = positions[pick(N_OF(positions))];
        f[5] = educations[weighted(education_weights, 5)];
        f[6] = hired;
        row(&o, 7, f);
    }
    close_out(&o);
}

static void field(FILE *fp, const char *code, const char *label,
                  const char *value)
{
    fprintf(fp, "%s,\"%s\",\"%s\"\n", code, label, value);
}

static void num(FILE *fp, const char *code, const char *label, long v)
{
    fprintf(fp, "%s,\"%s\",%ld\n", code, label, v);
}

static void wan(FILE *fp, const char *code, const char *label, double v)
{
    fprintf(fp, "%s,\"%s\",\"%.2f\"\n", code, label, v);
}

static void gen_form(const char *dir, const struct sizes *sz,
                     const struct figures *fg)
{
    char path[4096];
    FILE *fp;
    long dev_total = sz->devices, app_total = sz->apps;
    double rd21 = 18650.00, rd22 = 23480.00, rev21 = 142300.00,
           rev22 = 168900.00;
    char share[32], code[19];

    snprintf(path, sizeof path, "%s/form.csv", dir);
    fp = fopen(path, "w");
    if (fp == NULL)
        die("cannot write", path);
    fputs("代码,项目,值\n", fp);
    field(fp, "edition", "表单版本", "platform-2023");
    field(fp, "stat_date", "数据统计截止日期", "2023-05-31");
    field(fp, "project_name", "项目名称", "澜川工业互联网平台");
    field(fp, "applicant", "申报单位", "澜川智造科技股份有限公司");
    field(fp, "recommender", "推荐单位", "江东省工业和信息化厅");
    field(fp, "declare_date", "申报日期", "2023-06-10");
    field(fp, "company.name", "企业名称", "澜川智造科技股份有限公司");
    uscc(88017, 1, code);
    field(fp, "company.org_code", "组织机构代码", code);
    field(fp, "company.founded", "成立时间", "2009-03-18");
    field(fp, "company.address", "单位地址",
          "江东省苏州市工业园区星湖街 328 号创意产业园 12 栋");
    field(fp, "contact.name", "联系人姓名", "沈嘉禾");
    field(fp, "contact.title", "联系人职务", "平台事业部总经理");
    field(fp, "contact.phone", "联系人电话", "0512-62880517");
    field(fp, "contact.mobile", "联系人手机", "13862147705");
    field(fp, "contact.fax", "联系人传真", "0512-62880518");
    field(fp, "contact.email", "联系人E-mail", "shenjiahe@lanchuan-iiot.cn");
    field(fp, "company.total_assets", "总资产（万元）", "386420.55");
    field(fp, "company.debt_ratio", "负债率", "41.6%");
    field(fp, "company.credit_rating", "信用等级", "AAA");
    field(fp, "company.sales_last_year", "上年销售（万元）", "168900.00");
    field(fp, "company.tax_last_year", "上年税金（万元）", "9125.36");
    field(fp, "company.profit_last_year", "上年利润（万元）", "21407.80");
    field(fp, "platform.name", "平台名称", "澜川工业互联网平台");
    field(fp, "platform.builder", "建设主体", "澜川智造科技股份有限公司");
    field(fp, "platform.built", "建设时间", "2017-09-01");
    field(fp, "platform.investment", "投资金额", "68500.00");
    field(fp, "platform.build_mode", "建设方式", "自建");
    field(fp, "platform.partner", "合作企业名称", "");
    field(fp, "platform.iaas", "IaaS基础设施", "租用");
    field(fp, "platform.iaas_provider", "IaaS服务商名称", "华东云计算有限公司");
    num(fp, "devices.total", "可连接的工业设备/产品/产线种类及数量", dev_total);
    num(fp, "devices.operating", "运行设备", fg->dev_class[0]);
    num(fp, "devices.processing", "加工设备", fg->dev_class[1]);
    num(fp, "devices.mobile", "行走设备", fg->dev_class[2]);
    num(fp, "devices.other", "其它设备", fg->dev_class[3]);
    num(fp, "devices.public_cloud", "公有云连接设备", fg->dev_public);
    num(fp, "devices.private_cloud", "私有云连接设备", fg->dev_private);
    num(fp, "devices.daily_running", "基于公有云的工业设备日运行数量",
        fg->dev_daily);
    num(fp, "devices.protocols", "工业协议兼容适配数量", fg->protocols);
    num(fp, "models.total", "工业模型数量", sz->models);
    num(fp, "models.rd_simulation", "研发仿真模型", fg->model_class[0]);
    num(fp, "models.business_process", "业务流程模型", fg->model_class[1]);
    num(fp, "models.mechanism", "行业机理模型", fg->model_class[2]);
    num(fp, "models.data_algorithm", "数据算法模型", fg->model_class[3]);
    num(fp, "apps.total", "工业APP数量", app_total);
    num(fp, "apps.in_house", "自研工业APP数量", fg->app_source[0]);
    num(fp, "apps.partner", "生态伙伴工业APP数量", fg->app_source[1]);
    num(fp, "apps.platform_native", "基于平台开发的工业APP数量",
        fg->app_mode[0]);
    num(fp, "apps.cloudified", "传统工业软件云化APP数量", fg->app_mode[1]);
    {
        static const char *const codes[] = {
            "apps.safety", "apps.energy", "apps.quality",
            "apps.supply_chain", "apps.rnd", "apps.production",
            "apps.operations", "apps.logistics", "apps.maintenance"};

        for (int d = 0; d < 9; d++)
            num(fp, codes[d], domains[d], fg->app_domain[d]);
    }
    num(fp, "apps.monthly_active", "工业APP月活跃数量", fg->app_active);
    num(fp, "enterprises.registered", "注册工业企业用户数", sz->enterprises);
    num(fp, "enterprises.paying", "付费工业企业数", fg->ent_paying);
    num(fp, "developers.registered", "第三方开发者注册总数", sz->developers);
    num(fp, "developers.active", "第三方活跃开发者数", fg->dev_active);
    num(fp, "tech.patents", "平台核心软硬件技术获得的专利数量", 186);
    num(fp, "tech.software_copyrights", "平台核心软硬件技术获得的软著数量",
        412);
    field(fp, "security.device_access", "具有设备和数据接入安全防护手段",
          "是");
    field(fp, "security.data", "具有数据安全防护", "是");
    field(fp, "security.code", "具有代码安全防护", "是");
    field(fp, "security.application", "具有应用安全防护", "是");
    field(fp, "security.access", "具有访问安全防护", "是");
    field(fp, "killer.cross_platform", "支持跨平台调用", "是");
    num(fp, "killer.daily_active", "公有云杀手锏APP日活", fg->killer_daily);
    num(fp, "killer.subscriptions", "杀手锏APP订阅量", fg->killer_subs);
    wan(fp, "killer.monthly_revenue", "2022年月平均收入", fg->killer_revenue);
    num(fp, "killer.awards", "获评省部级优秀APP数量（2021年以来）", 7);
    num(fp, "solutions.industries", "覆盖的行业数量", fg->sol_industries);
    num(fp, "solutions.domains", "覆盖的领域数量", fg->sol_domains);
    num(fp, "solutions.effective", "提供有效解决方案数量", fg->sol_effective);
    field(fp, "solutions.technologies", "运用以下技术",
          "5G、大数据、人工智能、数字孪生、区块链、工业AR/VR");
    num(fp, "parks.served", "累计服务园区数量", 23);
    num(fp, "parks.national", "服务园区获评国家级示范园区、工业和信息化部“平台+园区”示范项目数量", 3);
    num(fp, "parks.provincial", "服务园区获评省级示范园区数量", 6);
    num(fp, "cases.ministry", "获评工业和信息化部应用案例", 4);
    num(fp, "cases.provincial", "获评省级应用案例", 11);
    field(fp, "cases.top_industries", "平台业务量及收入占比最高的3个行业",
          "机械、汽车、电子");
    field(fp, "cases.top_domains", "平台业务量及收入占比最高的3个领域",
          "生产制造、质量管控、运营管理");
    num(fp, "sme.served", "累计服务中小企业数量", fg->sme_served);
    wan(fp, "sme.contract_amount", "累计服务中小企业合同金额", fg->sme_amount);
    num(fp, "growth.honors", "服务地方获“六稳”“六保”省部级荣誉数量", 2);
    field(fp, "growth.cities",
          "注册地获“建设信息基础设施和推进产业数字化成效明显市（州）”", "无");
    num(fp, "green.effective", "4.2 有效解决方案数量", fg->green_effective);
    num(fp, "green.industries", "4.2 覆盖的行业数量", fg->green_industries);
    num(fp, "green.domains", "4.2 覆盖的领域数量", fg->green_domains);
    num(fp, "standards.national", "国家标准", 9);
    num(fp, "standards.national_led", "国家标准其中牵头制定", 3);
    num(fp, "standards.industry", "行业标准", 14);
    num(fp, "standards.industry_led", "行业标准其中牵头制定", 5);
    num(fp, "standards.international", "国际标准", 2);
    num(fp, "standards.international_led", "国际标准其中牵头制定", 0);
    field(fp, "finance.revenue_3y", "近三年平台相关的累计业务收入", "214860.37");
    field(fp, "finance.revenue_2022", "2022年平台相关的业务收入", "86245.12");
    field(fp, "finance.cost_3y", "近三年平台相关的累计业务成本", "151207.64");
    field(fp, "finance.cost_2022", "2022年平台相关的业务成本", "58930.48");
    field(fp, "finance.roi", "投资回报率", "18.6%");
    field(fp, "finance.funded", "企业已上市或已获得VC/PE投资", "是");
    wan(fp, "rnd.spend_2021", "2021年企业研发投入", rd21);
    wan(fp, "rnd.spend_2022", "2022年企业研发投入", rd22);
    fmt(share, sizeof share, "%.2f%%", rd21 / rev21 * 100);
    field(fp, "rnd.share_2021", "2021年研发投入占主营业务收入比", share);
    fmt(share, sizeof share, "%.2f%%", rd22 / rev22 * 100);
    field(fp, "rnd.share_2022", "2022年研发投入占主营业务收入比", share);
    wan(fp, "rnd.main_revenue_2021", "2021年主营业务收入", rev21);
    wan(fp, "rnd.main_revenue_2022", "2022年主营业务收入", rev22);
    num(fp, "staff.total", "从业人员数量", sz->roster);
    if (fclose(fp) != 0)
        die("cannot write", path);
}

int main(int argc, char **argv)
{
    struct sizes sz = {20000, 640, 420, 2600, 6800, 64, 850};
    struct figures fg = {0};
    struct app top5[6];
    const char *out = NULL;
    char annex[4096];
    uint64_t seed = 2023;

    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--size") == 0 && i + 1 < argc) {
            i++;
            if (strcmp(argv[i], "tiny") == 0) {
                struct sizes t = {60, 16, 30, 24, 40, 12, 18};

                sz = t;
            }
        } else if (strcmp(argv[i], "--devices") == 0 && i + 1 < argc) {
            long n = atol(argv[++i]);

            sz.devices = n;
            sz.models = n / 40 + 10;
            sz.apps = n / 40 + 10;
            sz.enterprises = n / 12 + 10;
            sz.developers = n / 5 + 10;
            sz.solutions = n / 1000 + 22;
            sz.roster = n / 100 + 10 < 20000 ? n / 100 + 10 : 20000;
        } else if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc) {
            seed = strtoull(argv[++i], NULL, 10);
        } else if (argv[i][0] == '-') {
            fprintf(stderr, "usage: gendecl [--size tiny|sample] "
                            "[--devices N] [--seed S] OUTDIR\n");
            return 2;
        } else {
            out = argv[i];
        }
    }
    if (out == NULL) {
        fprintf(stderr, "usage: gendecl [--size tiny|sample] [--devices N] "
                        "[--seed S] OUTDIR\n");
        return 2;
    }
    rng_state = seed;
    snprintf(annex, sizeof annex, "%s/annex", out);
    mkdir(out, 0777);
    mkdir(annex, 0777);
    gen_devices(annex, sz.devices, &fg);
    gen_models(annex, sz.models, &fg);
    gen_apps(annex, sz.apps, &fg, top5);
    gen_killer(annex, top5, &fg);
    gen_enterprises(annex, sz.enterprises, &fg);
    gen_developers(annex, sz.developers, &fg);
    gen_solutions(annex, sz.solutions, &fg);
    gen_roster(annex, sz.roster);
    gen_form(out, &sz, &fg);
    return 0;
}
