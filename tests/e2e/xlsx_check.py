#!/usr/bin/env python3
"""xlsx_check.py: read a workbook written by shenbao with the standard
library only (zipfile, xml.etree) and compare it with the declaration it
came from, computing every expectation from the CSV and form files, never
from the program's output. Used by tests/e2e/xlsx*.sh.

  xlsx_check.py sheets BOOK              sheet names, one per line
  xlsx_check.py rows BOOK SHEET          "<rows> <last row number>"
  xlsx_check.py tail BOOK SHEET          the same, then the last row's
                                         cells; fast on a million rows
  xlsx_check.py cell BOOK SHEET REF      "<type> <value>" (n, s or d)
  xlsx_check.py annexes BOOK DIR [mask]  every annex cell against its CSV
  xlsx_check.py checks BOOK DIR          核对表 rows of some figures
  xlsx_check.py sheet BOOK SHEET         every row, cells joined by " | "

Each check command prints "ok" lines and "FAIL: ..." lines."""
import csv
import datetime
import io
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

M = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
FORMS = "pipeline/forms/platform-2023"


class Book:
    def __init__(self, path):
        self.z = zipfile.ZipFile(path)
        wb = ET.fromstring(self.z.read("xl/workbook.xml"))
        rels = ET.fromstring(self.z.read("xl/_rels/workbook.xml.rels"))
        target = {r.get("Id"): r.get("Target") for r in rels}
        self.sheets = []
        for s in wb.iter(M + "sheet"):
            self.sheets.append((s.get("name"),
                                "xl/" + target[s.get(R + "id")]))
        self.shared = []
        if "xl/sharedStrings.xml" in self.z.namelist():
            sst = ET.fromstring(self.z.read("xl/sharedStrings.xml"))
            for si in sst.iter(M + "si"):
                self.shared.append("".join(t.text or ""
                                           for t in si.iter(M + "t")))

    def names(self):
        return [n for n, _ in self.sheets]

    def tail(self, name):
        """(rows, last row number, {column: (type, value)} of the last
        row), scanning the XML text instead of parsing it."""
        part = dict(self.sheets)[name]
        n, keep = 0, b""
        with self.z.open(part) as f:
            while True:
                chunk = f.read(1 << 20)
                if not chunk:
                    break
                buf = keep + chunk
                n += buf.count(b"<row ") - keep.count(b"<row ")
                keep = buf[-65536:]
        last = keep[keep.rfind(b"<row "):keep.rfind(b"</row>") + 6]
        row = ET.fromstring(b'<x xmlns="%s">%s</x>'
                            % (M[1:-1].encode(), last))[0]
        return n, int(row.get("r")), self.cells(row)

    def cells(self, el):
        cells = {}
        for c in el.iter(M + "c"):
            col = re.match(r"[A-Z]+", c.get("r")).group(0)
            t = c.get("t", "n")
            v = c.find(M + "v")
            if t == "inlineStr":
                cells[col] = ("s", "".join(x.text or ""
                                           for x in c.iter(M + "t")))
            elif t == "s":
                cells[col] = ("s", self.shared[int(v.text)])
            elif t == "n" and v is not None:
                cells[col] = ("n", float(v.text))
            elif v is not None:
                cells[col] = (t, v.text)
            # else a blank cell: only a format
        return cells

    def rows(self, name):
        """(row number, {column letters: (type, value)}) in order,
        streamed so a million rows need little memory."""
        part = dict(self.sheets)[name]
        with self.z.open(part) as f:
            for ev, el in ET.iterparse(f):
                if el.tag != M + "row":
                    continue
                yield int(el.get("r")), self.cells(el)
                el.clear()


def col_letters(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def read_csv(path):
    raw = open(path, "rb").read()
    for enc in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    return list(csv.reader(io.StringIO(text, newline="")))


def norm(h):
    h = h.replace(" ", "").replace("\u3000", "").lower()
    return h.replace("（", "(").replace("）", ")")


def columns_of(annex):
    """{header key: (type, mask, unit)} of an annex, aliases too."""
    out = {}
    with open(FORMS + "/columns.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["annex"] != annex:
                continue
            keys = [row["header"]] + [a for a in row["aliases"].split("|")
                                      if a]
            for k in keys:
                out[norm(k)] = (row["type"], row["mask"], row["unit"])
    return out


def annex_files(decl):
    """[(code, number, title, path)] of the annexes present."""
    import os
    out = []
    with open(FORMS + "/annexes.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            p = "%s/annex/%s.csv" % (decl, row["code"])
            if os.path.exists(p):
                out.append((row["code"], row["number"], row["title"], p))
    return out


def column_type(cols, header):
    h = norm(header)
    if h in cols:
        return cols[h]
    m = re.match(r"(.*)\((万元|元|亿元)\)$", h)
    if m and m.group(1) in cols:
        return cols[m.group(1)]
    return ("text", "", "")


def excel_date(s):
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", s)
    if not m:
        return None
    d = datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return float((d - datetime.date(1899, 12, 30)).days)


def number(kind, s):
    """The number a cell of a numeric column should hold, or None."""
    if kind in ("int",) and re.fullmatch(r"-?\d+", s):
        return float(s)
    if kind in ("decimal", "money") and re.fullmatch(r"-?\d+(\.\d+)?", s):
        return float(s)
    if kind == "percent" and re.fullmatch(r"-?\d+(\.\d+)?%?", s):
        return float(s.rstrip("%")) / 100
    if kind == "date":
        return excel_date(s)
    return None


def mask_name(s):
    if len(s) == 1:
        return "*"
    if len(s) == 2:
        return s[0] + "*"
    return s[0] + "*" * (len(s) - 2) + s[-1]


def mask_phone(s):
    if re.fullmatch(r"1\d{10}", s):
        return s[:3] + "****" + s[-4:]
    return None  # only mobiles are expected in the fixtures


def mask_email(s):
    local, _, domain = s.partition("@")
    return local[0] + "***@" + domain


def expected_text(mask, kind, s, masking):
    if not masking or not mask:
        return s
    return {"name": mask_name, "phone": mask_phone,
            "email": mask_email}[mask](s)


def cmd_annexes(book, decl, masking):
    b = Book(book)
    names = b.names()
    bad = checked = 0
    for code, num, title, path in annex_files(decl):
        name = "附件%s %s" % (num, title)
        if name not in names:
            print("FAIL: no sheet %s" % name)
            bad += 1
            continue
        data = read_csv(path)
        cols = columns_of(code)
        kinds = [column_type(cols, h) for h in data[0]]
        got = dict(b.rows(name))
        # a list with counted columns (edition role volume_counted) ends
        # with its total after an empty row: volumes_counted.sh checks it
        total = got.pop(len(data) + 2, {}).get("A", ("", ""))[1]
        if total and not str(total).startswith("合计："):
            print("FAIL: %s: a row after the list that is no total" % name)
            bad += 1
        if len(got) != len(data):
            print("FAIL: %s: %d rows, the CSV has %d records"
                  % (name, len(got), len(data)))
            bad += 1
        for r, rec in enumerate(data, 1):
            cells = got.get(r, {})
            for i, raw in enumerate(rec):
                s = raw.strip()
                ref = "%s%d" % (col_letters(i), r)
                cell = cells.get(col_letters(i))
                kind, mask, _ = kinds[i] if i < len(kinds) else ("text", "",
                                                                  "")
                if r == 1:
                    exp = ("s", s)
                elif s == "":
                    exp = None
                elif number(kind, s) is not None:
                    exp = ("n", number(kind, s))
                else:
                    exp = ("s", expected_text(mask, kind, s, masking))
                checked += 1
                ok = cell == exp
                if exp and exp[0] == "n" and cell and cell[0] == "n":
                    ok = abs(cell[1] - exp[1]) <= 1e-9 * max(1, abs(exp[1]))
                if not ok:
                    bad += 1
                    if bad <= 10:
                        print("FAIL: %s!%s: got %r, expected %r"
                              % (name, ref, cell, exp))
    print("%d cells checked, %d wrong" % (checked, bad))


def form_values(decl):
    out = {}
    for row in read_csv(decl + "/form.csv")[1:]:
        out[row[0]] = row[2]
    return out


def expected_checks(decl):
    """{code: (declared, computed, status)} computed here from the CSV
    files for a few figures of each kind of rule."""
    fv = form_values(decl)
    dev = read_csv(decl + "/annex/devices.csv")
    ent = read_csv(decl + "/annex/enterprises.csv")
    h = ent[0]
    scale, start = h.index("企业规模"), h.index("服务开始日期")
    amount = [i for i, x in enumerate(h) if x.startswith("服务金额")][0]
    div = 1e4 if h[amount].endswith("（元）") else 1
    sme = [r for r in ent[1:] if r[scale] in ("中型", "小型", "微型")
           and r[start] >= "2021-01-01"]
    out = {}

    def put(code, decl_value, computed):
        status = "一致" if abs(decl_value - computed) < 1e-6 else "不一致"
        out[code] = (decl_value, computed, status)

    put("devices.total", float(fv["devices.total"]), len(dev) - 1)
    cls = dev[0].index("设备类别")
    put("devices.operating", float(fv["devices.operating"]),
        sum(1 for r in dev[1:] if r[cls] == "运行设备"))
    put("sme.served", float(fv["sme.served"]), len(sme))
    put("sme.contract_amount", float(fv["sme.contract_amount"]),
        round(sum(float(r[amount]) for r in sme) / div, 6))
    put("staff.total", float(fv["staff.total"]),
        len(read_csv(decl + "/annex/roster.csv")) - 1)
    return out


def cmd_checks(book, decl):
    b = Book(book)
    rows = list(b.rows("核对表"))
    head = [rows[0][1][k][1] for k in sorted(rows[0][1])]
    want = ["章节", "项目", "单位", "申报值", "清单计算值", "差额",
            "状态", "核对规则", "依据"]
    print("ok header" if head == want else "FAIL: header %r" % head)
    # rows are named as the form prints them (章节, 项目), never by code
    with open(FORMS + "/fields.csv", encoding="utf-8") as f:
        code_of = {(r["section"], r["label"]): r["code"]
                   for r in csv.DictReader(f)}
    by_code = {code_of.get((c["A"][1], c["B"][1])): c for _, c in rows[1:]}
    for code, (d, c, st) in expected_checks(decl).items():
        row = by_code.get(code)
        if row is None:
            print("FAIL: %s: no row" % code)
            continue
        got = (row["D"], row["E"], row["F"], row["G"])
        exp = (("n", d), ("n", c), ("n", round(c - d, 6)), ("s", st))
        close = all(g[0] == e[0] and (g[1] == e[1] if g[0] == "s" else
                                      abs(g[1] - e[1]) < 1e-6)
                    for g, e in zip(got, exp))
        print("ok %s" % code if close else
              "FAIL: %s: got %r, expected %r" % (code, got, exp))
    # every numeric field of the form has its row, in form order
    with open(FORMS + "/fields.csv", encoding="utf-8") as f:
        codes = [r["code"] for r in csv.DictReader(f)
                 if r["type"] in ("int", "decimal", "money", "percent")]
    got = [code_of.get((c["A"][1], c["B"][1])) for _, c in rows[1:]]
    print("ok order" if got == codes else "FAIL: rows %r" % got)


def main(argv):
    cmd = argv[1]
    if cmd == "sheets":
        print("\n".join(Book(argv[2]).names()))
    elif cmd == "rows":
        n = last = 0
        for r, _ in Book(argv[2]).rows(argv[3]):
            n, last = n + 1, r
        print(n, last)
    elif cmd == "tail":
        n, last, cells = Book(argv[2]).tail(argv[3])
        print(n, last)
        print(" | ".join(str(cells[k][1]) for k in sorted(
            cells, key=lambda k: (len(k), k))))
    elif cmd == "cell":
        for r, cells in Book(argv[2]).rows(argv[3]):
            col, row = re.match(r"([A-Z]+)(\d+)", argv[4]).groups()
            if r == int(row):
                t, v = cells.get(col, ("-", ""))
                print(t, int(v) if t == "n" and v == int(v) else v)
    elif cmd == "annexes":
        cmd_annexes(argv[2], argv[3], len(argv) > 4 and argv[4] == "mask")
    elif cmd == "checks":
        cmd_checks(argv[2], argv[3])
    elif cmd == "sheet":
        for r, cells in Book(argv[2]).rows(argv[3]):
            print(r, " | ".join(str(cells[k][1]) for k in sorted(
                cells, key=lambda k: (len(k), k))))
    else:
        sys.exit("unknown command " + cmd)


if __name__ == "__main__":
    main(sys.argv)
