/* linebreak.c: break classes, break opportunities, greedy line filling
 * and justification for Chinese text (see linebreak.h for the rules). */
#include "typeset/linebreak.h"

#include <glib.h>

/* Opening punctuation: a line never ends with one. */
static int is_open(int32_t cp)
{
    switch (cp) {
    case '(': case '[': case '{':
    case 0xAB:                           /* « */
    case 0x2018: case 0x201C:            /* ‘ “ */
    case 0x3008: case 0x300A: case 0x300C: case 0x300E: /* 〈《「『 */
    case 0x3010: case 0x3014: case 0x3016: case 0x3018: /* 【〔〖〘 */
    case 0x301A: case 0x301D:            /* 〚〝 */
    case 0xFF08: case 0xFF3B: case 0xFF5B: case 0xFF5F: /* （［｛｟ */
        return 1;
    default:
        return 0;
    }
}

/* Closing punctuation and other non-starters: a line never starts with
 * one. */
static int is_close(int32_t cp)
{
    switch (cp) {
    case ')': case ']': case '}': case '!': case '?': case '%':
    case 0xB0: case 0xB7: case 0xBB:     /* ° · » */
    case 0x2019: case 0x201D:            /* ’ ” */
    case 0x2025: case 0x2026:            /* ‥ … */
    case 0x2030: case 0x2031:            /* ‰ ‱ */
    case 0x2032: case 0x2033:            /* ′ ″ */
    case 0x2103: case 0x2109:            /* ℃ ℉ */
    case 0x3001: case 0x3002: case 0x3003: case 0x3005: /* 、。〃々 */
    case 0x3009: case 0x300B: case 0x300D: case 0x300F: /* 〉》」』 */
    case 0x3011: case 0x3015: case 0x3017: case 0x3019: /* 】〕〗〙 */
    case 0x301B: case 0x301C: case 0x301E: case 0x301F: /* 〛〜〞〟 */
    case 0x309D: case 0x309E: case 0x30FB: case 0x30FC: /* ゝゞ・ー */
    case 0x30FD: case 0x30FE:                           /* ヽヾ */
    case 0xFE30:                                        /* ︰ */
    case 0xFF01: case 0xFF05: case 0xFF09: case 0xFF0C: /* ！％），*/
    case 0xFF0E: case 0xFF1A: case 0xFF1B: case 0xFF1F: /* ．：；？ */
    case 0xFF3D: case 0xFF5D: case 0xFF5E: case 0xFF60: /* ］｝～｠ */
    case 0xFF61: case 0xFF64: case 0xFF65:              /* ｡､･ */
        return 1;
    default:
        break;
    }
    /* small kana */
    if (cp >= 0x3041 && cp <= 0x3096)
        return cp == 0x3041 || cp == 0x3043 || cp == 0x3045 ||
               cp == 0x3047 || cp == 0x3049 || cp == 0x3063 ||
               cp == 0x3083 || cp == 0x3085 || cp == 0x3087 ||
               cp == 0x308E || cp == 0x3095 || cp == 0x3096;
    if (cp >= 0x30A1 && cp <= 0x30F6)
        return cp == 0x30A1 || cp == 0x30A3 || cp == 0x30A5 ||
               cp == 0x30A7 || cp == 0x30A9 || cp == 0x30C3 ||
               cp == 0x30E3 || cp == 0x30E5 || cp == 0x30E7 ||
               cp == 0x30EE || cp == 0x30F5 || cp == 0x30F6;
    return cp >= 0x31F0 && cp <= 0x31FF;
}

enum sb_lb_class sb_lb_class_of(int32_t cp)
{
    switch (cp) {
    case '\n': case 0x0B: case 0x0C: case 0x85: case 0x2028: case 0x2029:
        return SB_LB_BK;
    case ' ': case '\t':
        return SB_LB_SP;
    case 0x200B:
        return SB_LB_ZW;
    case 0xA0: case 0x2007: case 0x200C: case 0x200D: case 0x202F:
    case 0x2060: case 0xFEFF:
        return SB_LB_GL;
    case '/': case 0x2215: case 0xFF0F:
        return SB_LB_SL;
    case 0x2014: case 0x2015: case 0x2E3A: case 0x2E3B:
        return SB_LB_DASH;
    case '.': case ',': case ':': case ';':
        return SB_LB_IS;
    case '$': case 0xA3: case 0xA5: case 0x20AC: case 0xFFE1: case 0xFFE5:
        return SB_LB_PR;
    case 0x2010: case 0x2011: case 0x2012: case 0x2013:
        return SB_LB_AL;
    default:
        break;
    }
    if (is_open(cp))
        return SB_LB_OP;
    if (is_close(cp))
        return SB_LB_CL;
    if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) ||
        (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF) ||
        g_unichar_ismark((gunichar)cp))
        return SB_LB_CM;
    /* Ambiguous-width symbols from U+2000 up (①, ※, ○, Greek in CJK
     * fonts) are drawn full-width in Chinese text. */
    if (g_unichar_iswide((gunichar)cp) ||
        (cp >= 0x2000 && g_unichar_iswide_cjk((gunichar)cp)))
        return SB_LB_ID;
    return SB_LB_AL;
}

/* Break before b, given the class and code point of the item before it
 * (a, acp; marks resolved to their base), the class before that (aa) and
 * the class of the last item that is not a space (ns); -1 when none. */
static int pair(int aa, int ns, enum sb_lb_class a, int32_t acp,
                enum sb_lb_class b, int32_t bcp)
{
    if (a == SB_LB_BK)
        return SB_LB_MUST;
    if (b == SB_LB_BK || b == SB_LB_CM || b == SB_LB_GL || a == SB_LB_GL)
        return SB_LB_NEVER;
    if (a == SB_LB_ZW)
        return SB_LB_ALLOW;
    if (b == SB_LB_ZW || b == SB_LB_SP)
        return SB_LB_NEVER;
    if (a == SB_LB_SP)
        return b == SB_LB_CL || b == SB_LB_IS || ns == SB_LB_OP ||
                       ns == SB_LB_PR
                   ? SB_LB_NEVER
                   : SB_LB_ALLOW;
    if (b == SB_LB_CL || b == SB_LB_IS)
        return SB_LB_NEVER;
    if (a == SB_LB_OP || a == SB_LB_PR)
        return SB_LB_NEVER;
    if (a == SB_LB_SL || b == SB_LB_SL)
        return SB_LB_NEVER;
    if (a == SB_LB_DASH && b == SB_LB_DASH)
        return SB_LB_NEVER;
    if (a == SB_LB_AL && b == SB_LB_AL)
        return SB_LB_NEVER;
    /* "f(x)", ")x": ASCII brackets bind to Latin words (UAX #14 LB30) */
    if (a == SB_LB_AL && b == SB_LB_OP && bcp < 0x80)
        return SB_LB_NEVER;
    if (a == SB_LB_CL && acp < 0x80 && b == SB_LB_AL)
        return SB_LB_NEVER;
    /* 12.5, 1,000, 10:30 */
    if (a == SB_LB_IS && b == SB_LB_AL && aa == SB_LB_AL)
        return SB_LB_NEVER;
    /* the apostrophe of "don’t" */
    if (a == SB_LB_CL && acp == 0x2019 && aa == SB_LB_AL && b == SB_LB_AL)
        return SB_LB_NEVER;
    return SB_LB_ALLOW;
}

/* Which half of a full-width punctuation mark is blank in Chinese faces
 * (GB/T 15834 positions: ，。、；： sit at the start of their em). */
static unsigned char squeeze_side(int32_t cp)
{
    switch (cp) {
    case 0x3001: case 0x3002: case 0xFF0C: case 0xFF0E: /* 、。，． */
    case 0xFF1A: case 0xFF1B:                           /* ：； */
    case 0xFF09: case 0x3009: case 0x300B: case 0x300D: /* ）〉》」 */
    case 0x300F: case 0x3011: case 0x3015: case 0x3017: /* 』】〕〗 */
    case 0x2019: case 0x201D:                           /* ’ ” */
        return SB_LB_SQZ_END;
    case 0xFF08: case 0x3008: case 0x300A: case 0x300C: /* （〈《「 */
    case 0x300E: case 0x3010: case 0x3014: case 0x3016: /* 『【〔〖 */
    case 0x2018: case 0x201C:                           /* ‘ “ */
        return SB_LB_SQZ_START;
    default:
        return 0;
    }
}

static int latin_alnum(int32_t cp)
{
    return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
}

/* 1 when an address may break, as a last resort, between a and b:
 * before . / - _ @ that follow a letter or digit (SB_LB_ADDR). */
static int addr_break(int32_t a, int32_t b)
{
    return latin_alnum(a) &&
           (b == '.' || b == '/' || b == '-' || b == '_' || b == '@');
}

void sb_lb_analyse(const int32_t *cps, int n, struct sb_lb_item *it)
{
    int aa = -1, ns = -1;
    enum sb_lb_class a = SB_LB_CM;
    int32_t acp = 0;

    for (int i = 0; i < n; i++) {
        enum sb_lb_class c = sb_lb_class_of(cps[i]);
        unsigned char f = it[i].flags & SB_LB_TRACK;

        if (c == SB_LB_SP || c == SB_LB_ZW || c == SB_LB_BK)
            f |= SB_LB_SPACE;
        if (c == SB_LB_ID || (c != SB_LB_SP && cps[i] >= 0x2000 &&
                              g_unichar_iswide_cjk((gunichar)cps[i])))
            f |= SB_LB_WIDE;
        if (c == SB_LB_OP || c == SB_LB_CL || c == SB_LB_IS ||
            c == SB_LB_SL || c == SB_LB_DASH)
            f |= SB_LB_PUNCT;
        if (f & SB_LB_WIDE)
            f |= squeeze_side(cps[i]);
        if (i > 0 && addr_break(cps[i - 1], cps[i]))
            f |= SB_LB_ADDR;
        it[i].flags = f;
        if (i == 0) {
            it[i].brk = SB_LB_NEVER;
        } else {
            it[i].brk = (unsigned char)pair(aa, ns, a, acp, c, cps[i]);
        }
        if (c == SB_LB_CM && i > 0)
            continue; /* a mark takes its base's class */
        aa = i > 0 ? (int)a : -1;
        a = c;
        acp = cps[i];
        if (c != SB_LB_SP)
            ns = (int)c;
    }
}

int sb_lb_fit(const struct sb_lb_item *it, int n, int start, double avail,
              double track, int *next, int *forced)
{
    double w = 0, lim = avail + 0.01; /* 0.01 pt absorbs rounding */
    int nvis = 0, brk_at = -1, addr_at = -1, end = n, e;

    *forced = 1;
    for (int i = start; i < n; i++) {
        double add = it[i].adv;

        if (i > start && it[i].brk == SB_LB_MUST) {
            end = i;
            break;
        }
        if (i > start && it[i].brk == SB_LB_ALLOW)
            brk_at = i;
        if (i > start + 1 && (it[i].flags & SB_LB_ADDR))
            addr_at = i;
        if ((it[i].flags & SB_LB_TRACK) && nvis > 0)
            add += track;
        if (i > start && !(it[i].flags & SB_LB_SPACE) && w + add > lim) {
            *forced = 0;
            if (brk_at > start) {
                end = brk_at;
            } else if (addr_at > start && addr_at <= i) {
                end = addr_at; /* an address breaks at its punctuation */
            } else {
                /* no allowed break fits: cut before i, keeping marks
                 * and glued items with their base */
                end = i;
                while (end > start + 1 && it[end].brk == SB_LB_NEVER &&
                       it[end].adv == 0)
                    end--;
            }
            break;
        }
        w += add;
        if (it[i].flags & SB_LB_TRACK)
            nvis++;
    }
    *next = end;
    e = end;
    while (e > start && (it[e - 1].flags & SB_LB_SPACE))
        e--;
    return e;
}

double sb_lb_width(const struct sb_lb_item *it, int start, int end,
                   double track)
{
    double w = 0;
    int nvis = 0;

    for (int i = start; i < end; i++) {
        w += it[i].adv;
        if (it[i].flags & SB_LB_TRACK)
            nvis++;
    }
    return nvis > 1 ? w + track * (nvis - 1) : w;
}

/* Whether the gap between visible items p and j (p < j) takes
 * justification. */
static int expandable(const struct sb_lb_item *it, int p, int j)
{
    if ((it[p].flags | it[j].flags) & SB_LB_WIDE)
        return 1;
    for (int k = p + 1; k <= j; k++)
        if (it[k].brk != SB_LB_NEVER)
            return 1;
    return 0;
}

double sb_lb_squeeze(const struct sb_lb_item *it, int start, int end)
{
    double q = 0;

    for (int j = start + 1; j < end - 1; j++)
        if (it[j].flags & (SB_LB_SQZ_END | SB_LB_SQZ_START))
            q += it[j].adv / 2;
    return q;
}

/* Whether the gap between visible items p and j is a Han–Latin
 * boundary; the most it may widen, half an em of the full-width side
 * (JLREQ appendix: 和欧文間 0 to 1/2 em), into *cap. */
static int han_latin(const struct sb_lb_item *it, int p, int j, double *cap)
{
    unsigned fp = it[p].flags, fj = it[j].flags;

    if (((fp | fj) & (SB_LB_PUNCT | SB_LB_SPACE)) ||
        !((fp ^ fj) & SB_LB_WIDE))
        return 0;
    *cap = (fp & SB_LB_WIDE ? it[p].adv : it[j].adv) / 2;
    return 1;
}

double sb_lb_spread(const struct sb_lb_item *it, int start, int end,
                    double slack, double *hl)
{
    int n_exp = 0, n_gap = 0, prev = -1;
    double cap_hl = 0, cap;

    *hl = 0;
    for (int j = start; j < end; j++) {
        if (!(it[j].flags & SB_LB_TRACK))
            continue;
        if (prev >= 0) {
            n_gap++;
            n_exp += expandable(it, prev, j);
            if (han_latin(it, prev, j, &cap))
                cap_hl += cap;
        }
        prev = j;
    }
    if (slack <= 0 || n_gap == 0)
        return 0;
    if (cap_hl > 0) {
        *hl = slack < cap_hl ? slack / cap_hl : 1;
        slack -= *hl * cap_hl;
    }
    return slack / (n_exp > 0 ? n_exp : n_gap);
}

void sb_lb_place(const struct sb_lb_item *it, int start, int end,
                 double track, double slack, double *x)
{
    int prev = -1, all = 1;
    double pos = 0, hl, extra, cap, sq = 0;

    extra = sb_lb_spread(it, start, end, slack, &hl);
    if (slack < 0) {
        double q = sb_lb_squeeze(it, start, end);

        sq = q > 0 ? (-slack < q ? -slack / q : 1) : 0;
    }
    for (int j = start, p = -1; j < end; j++) {
        if (!(it[j].flags & SB_LB_TRACK))
            continue;
        if (p >= 0 && expandable(it, p, j))
            all = 0;
        p = j;
    }
    for (int j = start; j < end; j++) {
        int inner = j > start && j < end - 1;
        double give = inner ? sq * it[j].adv / 2 : 0;

        if (it[j].flags & SB_LB_TRACK) {
            if (prev >= 0) {
                pos += track;
                if (all || expandable(it, prev, j))
                    pos += extra;
                if (han_latin(it, prev, j, &cap))
                    pos += hl * cap;
            }
            prev = j;
        }
        if (it[j].flags & SB_LB_SQZ_START)
            pos -= give;
        x[j - start] = pos;
        pos += it[j].adv;
        if (it[j].flags & SB_LB_SQZ_END)
            pos -= give;
    }
}
