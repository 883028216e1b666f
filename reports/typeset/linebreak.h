/* linebreak.h: Chinese line breaking (避头尾) and justification on a row
 * of measured items, with no font or Pango dependency.
 *
 * The typesetting engine shapes text one code point at a time (the
 * Fandol faces have no ligatures and no kerning) into items carrying an
 * advance in pt; this module decides where lines may break, fills lines
 * greedily and spreads a line's slack over its gaps. It replaces Pango's
 * UAX #14 breaker, which in Pango 1.50 forbids breaks around “” and allows
 * one after the '/' of 台/套 (research/typesetting.md P3), and Pango's
 * justification, which stretches only U+0020 (P1).
 *
 * Rules (GB/T 15834-2011 §5, W3C clreq §3.1.7):
 * - no line starts with closing punctuation ，。、；：？！）》」』】〉”’…%
 *   and the like; no line ends with opening punctuation （《「『【〈“‘;
 * - —— and …… are never split; no break on either side of a solidus;
 * - no break inside a run of Latin letters and digits ("APP", "12.6");
 * - a break is allowed between any two ideographs, and after spaces. */
#ifndef SB_REPORTS_LINEBREAK_H
#define SB_REPORTS_LINEBREAK_H

#include <stdint.h>

/* Break class of a code point. */
enum sb_lb_class {
    SB_LB_ID,   /* ideograph, kana, full-width form: break either side */
    SB_LB_AL,   /* letter, digit, other narrow symbol: no break inside */
    SB_LB_OP,   /* opening punctuation: no break after */
    SB_LB_CL,   /* closing punctuation, non-starter: no break before */
    SB_LB_IS,   /* ASCII . , : ; : no break before, none inside numbers */
    SB_LB_PR,   /* prefix (currency ￥ $): no break after */
    SB_LB_DASH, /* — ― ⸺: a run of them never splits */
    SB_LB_SL,   /* solidus / ／: no break either side */
    SB_LB_SP,   /* space, tab: break after; trimmed at line ends */
    SB_LB_ZW,   /* zero-width space: break after; not drawn */
    SB_LB_GL,   /* NBSP, word joiner, ZWJ: no break either side */
    SB_LB_CM,   /* combining mark, variation selector: stays with base */
    SB_LB_BK,   /* line feed, U+2028: mandatory break after */
};

/* Break decision before an item. */
enum sb_lb_break {
    SB_LB_NEVER = 0,
    SB_LB_ALLOW = 1,
    SB_LB_MUST = 2,
};

/* Item flags. */
#define SB_LB_SPACE 0x01 /* trimmed at the end of a line (SP, ZW, BK) */
#define SB_LB_TRACK 0x02 /* visible: takes tracking after it */
#define SB_LB_WIDE 0x04  /* full-width: gaps around it take justification */
#define SB_LB_PUNCT 0x08 /* punctuation (OP, CL, IS, SL, DASH) */
/* Full-width punctuation whose ink fills half its em (W3C clreq §3.1.6,
 * JLREQ 3.1.2): it may give up that half of its advance when a line is
 * set tight. END: ink at the start (，。、；：）》”…), the end half goes;
 * START: ink at the end (（《“…), the start half goes. */
#define SB_LB_SQZ_END 0x10
#define SB_LB_SQZ_START 0x20
/* A break of last resort before this item, inside an address (e-mail,
 * URL, domain) that does not fit its line: before . / - _ @ following a
 * letter or digit (The Chicago Manual of Style, 17th ed., 7.42: the
 * mark that begins the next line tells the reader the address goes on,
 * and no hyphen is added). Not a break opportunity otherwise. */
#define SB_LB_ADDR 0x40

/* One measured item, usually one code point. */
struct sb_lb_item {
    float adv;           /* natural advance, pt */
    unsigned char brk;   /* enum sb_lb_break: before this item */
    unsigned char flags; /* SB_LB_* flags */
};

enum sb_lb_class sb_lb_class_of(int32_t cp);

/* Fill it[i].brk (i = 0..n-1) for the code points cps[0..n-1] and set
 * the SB_LB_SPACE and SB_LB_WIDE flags from the classes, leaving the
 * other flags and adv as they are. it[0].brk is SB_LB_NEVER. */
void sb_lb_analyse(const int32_t *cps, int n, struct sb_lb_item *it);

/* Greedy fit of one line starting at item start (0 <= start < n).
 * avail: width in pt the line may take; track: pt added after every
 * visible item but the line's last (negative to condense, as the 28-字
 * grid needs). Trailing spaces do not count. When no allowed break fits
 * (a long Latin word), the line breaks at the last SB_LB_ADDR point that
 * fits, else at the last item that fits.
 * Returns the end of the line's visible part (exclusive, > start unless
 * the line holds only spaces) and sets *next to where the following line
 * starts (== n at the end). *forced is 1 when the line ends at a
 * mandatory break or at the end of the text (so it is not justified). */
int sb_lb_fit(const struct sb_lb_item *it, int n, int start, double avail,
              double track, int *next, int *forced);

/* Width in pt of items [start, end) with tracking track between visible
 * items. */
double sb_lb_width(const struct sb_lb_item *it, int start, int end,
                   double track);

/* Half the advance of each squeezable item strictly inside [start, end)
 * (neither the line's first nor its last item, so the line's edges stay
 * on the 版心's): how much the line can be compressed, pt. */
double sb_lb_squeeze(const struct sb_lb_item *it, int start, int end);

/* How positive slack (pt) is shared on the line [start, end), in the
 * order of W3C clreq §3.8 / JLREQ 3.8.3: first each boundary between a
 * Han (full-width, not punctuation) item and a Latin letter or digit
 * takes up to half the full-width item's advance; what is left
 * goes evenly to the gaps that take justification (gaps next to a
 * full-width item or at a break opportunity; all visible gaps when there
 * are none). Sets *hl to what each Han–Latin boundary takes as a
 * fraction of its half em (0..1) and returns the pt added to each
 * justifiable gap. */
double sb_lb_spread(const struct sb_lb_item *it, int start, int end,
                    double slack, double *hl);

/* x (pt, from the line's start) of items [start, end), into x[0..end-
 * start-1]. slack > 0 is shared as sb_lb_spread() says, so the last
 * item ends at sb_lb_width() + slack; spaces are not widened. slack < 0
 * (the line was set tight, at most -sb_lb_squeeze()) is taken from the
 * squeezable items in proportion to what each can give. */
void sb_lb_place(const struct sb_lb_item *it, int start, int end,
                 double track, double slack, double *x);

#endif
