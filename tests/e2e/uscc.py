"""uscc.py N [AREA]: a valid 统一社会信用代码 for test number N, in the
GB/T 2260 area AREA (6 digits, default 320500): the organisation code
(positions 9-17) with its GB 11714 check character, then the GB 32100-2015
check character (position 18)."""
import sys

CH = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def org(n):
    body = "%08d" % (72375000 + n)
    s = sum(int(c) * w for c, w in zip(body, [3, 7, 9, 10, 5, 8, 4, 2]))
    c = 11 - s % 11
    return body + ("X" if c == 10 else "0" if c == 11 else str(c))


def uscc(n, area):
    head = "91" + area + org(n)
    s = sum(CH.index(c) * w for c, w in zip(
        head, [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]))
    return head + CH[(31 - s % 31) % 31]


print(uscc(int(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "320500"))
