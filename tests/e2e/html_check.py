#!/usr/bin/env python3
"""html_check.py: the HTML findings report read as its readers would,
against the JSON of the same run as the oracle. Used by tests/e2e/html.sh.

  html_check.py page HTML JSON XLSX
      parse the page with the standard library's HTML parser: one row per
      finding of the JSON, in its order, with its severity, code, file
      relative to the declaration, row, column and, as text, its message,
      expected, found and source (what a hostile cell holds stays text);
      the counts; one script element; the 核对表's rows against the
      核对表 sheet of XLSX, the workbook of the same declaration (read by
      xlsx_check.py): section, label, status, rule, source, and the values.
  html_check.py browser HTML JSON [SCREENSHOT]
      open the page in headless Chromium (Debian's chromium and
      chromedriver, through selenium): what is shown per severity, a filter
      clicked, a rule chosen, a column sorted from the keyboard, grouping
      by rule, a view opened from its address, labels, headings, and the
      contrast of every coloured text (WCAG AA, 4.5:1).

Each check prints "ok ..." or "FAIL: ..."."""
import collections
import html.parser
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from xlsx_check import Book  # noqa: E402

failed = 0


def check(what, got, expected):
    global failed
    if got == expected:
        print("ok", what)
    else:
        failed += 1
        print("FAIL: %s: got %r, expected %r" % (what, got, expected))


def relative(path, root):
    if path is None:
        return ""
    root = root.rstrip("/") + "/"
    return path[len(root):] if path.startswith(root) else path


class Page(html.parser.HTMLParser):
    """The findings rows (attributes and cell texts), the 核对表 rows
    (cell texts), the summary counts, and every start tag."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = collections.Counter()
        self.ids = set()
        self.rows = []       # (attrs, [cell text])
        self.checklist = []  # [cell text]
        self.counts = {}
        self.table = None
        self.row = None
        self.cell = None
        self.count = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags[tag] += 1
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "table":
            self.table = a.get("class")
        elif tag == "tr" and ("data-i" in a or self.table == "checklist"):
            self.row = (a, [])
        elif tag in ("td", "th") and self.row is not None:
            self.cell = []
        elif tag == "span" and "data-count" in a:
            self.count = a["data-count"]
            self.counts[self.count] = ""

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            self.row[1].append("".join(self.cell).strip())
            self.cell = None
        elif tag == "tr" and self.row is not None:
            if "data-i" in self.row[0]:
                self.rows.append(self.row)
            elif self.row[1] and self.row[1][0] != "章节":
                self.checklist.append(self.row[1])
            self.row = None
        elif tag == "span":
            self.count = None
        elif tag == "table":
            self.table = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)
        if self.count is not None:
            self.counts[self.count] += data


def page(path, json_path, xlsx_path):
    doc = json.load(open(json_path, encoding="utf-8"))
    p = Page()
    p.feed(open(path, encoding="utf-8").read())
    fs = doc["findings"]
    check("one row per finding", len(p.rows), len(fs))
    for i, (f, (a, cells)) in enumerate(zip(fs, p.rows)):
        where = "finding %d (%s)" % (i, f["code"])
        check(where + ": attributes",
              (a["data-sev"], a["data-rule"], a["data-file"],
               int(a["data-row"]), int(a["data-col"])),
              (f["severity"], f["code"], relative(f["file"], doc["title"]),
               f["row"], f["col"]))
        check(where + ": column, expected, found, source as text",
              cells[3:4] + cells[5:8],
              [(f[k] or "").strip()
               for k in ("column", "expected", "found", "source")])
        check(where + ": message", cells[4].startswith(f["message"]), True)
        pos = cells[2].split(" ")[0]
        want = relative(f["file"], doc["title"]) or "（申报书）"
        if f["row"] > 0:
            want += ":%d" % f["row"] + (":%d" % f["col"] if f["col"] else "")
        check(where + ": cell", pos, want)
    for sev in ("error", "warning", "info", "accepted"):
        check("count of " + sev, int(p.counts.get(sev, "-1")),
              doc["counts"][sev])
    check("one script element (the page's own)", p.tags["script"], 1)
    check("no element from a cell", "pwn" in p.ids, False)
    # the XLSX names a row as the form prints it (章节, 项目), with no code
    xl = [[c.get(k, ("", ""))[1] for k in "ABCDEFGHI"]
          for _, c in list(Book(xlsx_path).rows("核对表"))[1:]]
    check("核对表: a row per figure of the XLSX 核对表", len(p.checklist),
          len(xl))
    for h, x in zip(p.checklist, xl):
        check("核对表 %s: section, label, status, rule, source" % x[1],
              (h[0], h[1], h[7], h[8], h[9]), (x[0], x[1], x[6], x[7], x[8]))
        for col, name in ((4, "declared"), (5, "computed"), (6, "diff")):
            hv, xv = h[col].replace(",", ""), x[col - 1]
            if isinstance(xv, float):
                pct = hv.endswith("%")
                hv = float(hv[:-1]) / 100 if pct else float(hv or "nan")
                same = abs(hv - xv) <= 1e-9 * max(1, abs(xv))
            else:
                same = hv == xv
            check("核对表 %s %s" % (x[1], name), (hv, same), (hv, True))

VISIBLE = ("return Array.from(document.querySelectorAll("
           "'#findings-table tr[data-i]')).filter(r => !r.hidden"
           " && r.offsetParent !== null).map(r => [r.dataset.sev,"
           " r.dataset.rule, r.dataset.file, +r.dataset.row, +r.dataset.col])")

CONTRAST = """
function lum(c) {
  const m = c.match(/[\\d.]+/g).map(Number);
  const v = m.slice(0, 3).map(x => { x /= 255;
    return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); });
  return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
}
function bg(el) {
  for (; el; el = el.parentElement) {
    const c = getComputedStyle(el).backgroundColor;
    const m = c.match(/[\\d.]+/g).map(Number);
    if (m.length < 4 || m[3] > 0) return c;
  }
  return 'rgb(255, 255, 255)';
}
let worst = [99, ''];
document.querySelectorAll('body *').forEach(el => {
  if (el.hidden || el.offsetParent === null) return;
  if (!Array.from(el.childNodes).some(n => n.nodeType === 3 && n.data.trim())) return;
  const a = lum(getComputedStyle(el).color), b = lum(bg(el));
  const r = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  if (r < worst[0]) worst = [Math.round(r * 100) / 100, el.tagName + '.' + el.className + ' ' + el.textContent.slice(0, 20)];
});
return worst;
"""


def browser(path, json_path, shot):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select

    doc = json.load(open(json_path, encoding="utf-8"))
    fs = doc["findings"]
    per_sev = collections.Counter(f["severity"] for f in fs)
    url = "file://" + os.path.abspath(path)
    o = webdriver.ChromeOptions()
    o.binary_location = "/usr/lib/chromium/chromium"
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu",
              "--disable-dev-shm-usage", "--window-size=1400,1000",
              "--user-data-dir=" + os.environ.get("E2E_TMP", "/tmp") +
              "/chromium"):
        o.add_argument(a)
    d = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=o)
    try:
        d.get(url)
        rows = d.execute_script(VISIBLE)
        check("shown on load: every finding",
              collections.Counter(r[0] for r in rows), per_sev)
        check("status line", d.find_element(By.ID, "shown").text,
              "显示 %d / %d 条发现" % (len(fs), len(fs)))
        check("a cell's markup did not run",
              d.execute_script("return window.pwned === undefined"
                               " && !document.getElementById('pwn')"), True)
        check("one h1, the sections as h2",
              (len(d.find_elements(By.TAG_NAME, "h1")),
               [h.text for h in d.find_elements(By.TAG_NAME, "h2")]),
              (1, ["概况", "发现", "核对表", "按规则", "按文件"]))
        check("every control has a label",
              d.execute_script("return Array.from(document.querySelectorAll("
                               "'#filters input, #filters select')).every("
                               "e => e.labels.length > 0)"), True)
        worst = d.execute_script(CONTRAST)
        check("contrast of every text at least 4.5:1 (%s)" % worst[1],
              worst[0] >= 4.5, True)
        if shot:
            d.save_screenshot(shot)

        # filter clicks: errors and info off
        for sev in ("error", "info"):
            d.find_element(By.CSS_SELECTOR,
                           "input[name=sev][value=%s]" % sev).click()
        rows = d.execute_script(VISIBLE)
        check("errors and info clicked off: the warnings",
              (len(rows), {r[0] for r in rows}),
              (per_sev["warning"], {"warning"} if per_sev["warning"] else set()))
        check("the view in the address",
              d.execute_script("return location.hash"), "#findings?sev=warning")

        # accepted ones clicked off
        d.find_element(By.CSS_SELECTOR, "button[type=reset]").click()
        d.find_element(By.CSS_SELECTOR, "input[name=accepted]").click()
        check("accepted clicked off: the others",
              len(d.execute_script(VISIBLE)),
              sum(1 for f in fs if f["accepted"] is None))

        # a rule chosen (the code with most findings)
        d.find_element(By.CSS_SELECTOR, "button[type=reset]").click()
        code, n = collections.Counter(f["code"] for f in fs).most_common(1)[0]
        Select(d.find_element(By.NAME, "rule")).select_by_value(code)
        rows = d.execute_script(VISIBLE)
        check("rule %s chosen: its findings" % code,
              (len(rows), {r[1] for r in rows}), (n, {code}))

        # sorted by cell from the keyboard, ungrouped
        d.find_element(By.CSS_SELECTOR, "button[type=reset]").click()
        Select(d.find_element(By.NAME, "group")).select_by_value("")
        b = d.find_element(By.CSS_SELECTOR, "button[data-sort=pos]")
        b.send_keys(Keys.ENTER)
        rows = [r[2:] for r in d.execute_script(VISIBLE)]
        th = b.find_element(By.XPATH, "..")
        check("Enter on 位置: ascending", (th.get_attribute("aria-sort"),
              rows == sorted(rows)), ("ascending", True))
        b.send_keys(Keys.ENTER)
        rows = [r[2:] for r in d.execute_script(VISIBLE)]
        check("Enter again: descending", (th.get_attribute("aria-sort"),
              rows == sorted(rows, reverse=True)), ("descending", True))

        # grouped by rule: a group row per rule
        Select(d.find_element(By.NAME, "group")).select_by_value("rule")
        groups = d.execute_script(
            "return Array.from(document.querySelectorAll("
            "'#findings-table tr.group')).filter(r => r.offsetParent"
            " !== null).length")
        check("grouped by rule: one group per rule", groups,
              len({f["code"] for f in fs}))

        # a view opened from its address
        d.get(url + "#findings?sev=error")
        d.refresh()
        rows = d.execute_script(VISIBLE)
        check("#findings?sev=error: the errors",
              (len(rows), {r[0] for r in rows}),
              (per_sev["error"], {"error"} if per_sev["error"] else set()))
        check("#findings?sev=error: the boxes say so",
              [e.is_selected() for e in
               d.find_elements(By.CSS_SELECTOR, "input[name=sev]")],
              [True, False, False])
    finally:
        d.quit()


if __name__ == "__main__":
    if sys.argv[1] == "page":
        page(*sys.argv[2:5])
    else:
        browser(sys.argv[2], sys.argv[3],
                sys.argv[4] if len(sys.argv) > 4 else None)
    sys.exit(1 if failed else 0)
