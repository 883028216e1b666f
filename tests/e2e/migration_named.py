#!/usr/bin/env python3
"""migration_named.py CHECK.json MIGRATION.md: is every kind of error and
warning that `check` finds in a migrated declaration named in its
migration report (section 迁移后核对, with its count and first file),
and is every form.missing among the fields the report says the new
edition adds? Prints "True [] []" when so: whether there were findings
at all, the kinds not named, the missing fields not listed."""
import collections, json, os, re, sys

d = json.load(open(sys.argv[1], encoding='utf-8'))
report = open(sys.argv[2], encoding='utf-8').read()
after = report[report.index('## 迁移后核对'):]
kinds = collections.Counter()
for f in d['findings']:
    if f['severity'] in ('error', 'warning'):
        path = f['file']
        if os.path.isabs(path):
            path = os.path.relpath(path, os.path.dirname(sys.argv[2]))
        kinds[(f['code'], f.get('column') or '', path)] += 1
named = []
for (code, column, path), n in kinds.items():
    line = r'^- %s%s：%d 处，首处 %s' % (
        re.escape(code), re.escape(' ' + column) if column else '', n,
        re.escape(path))
    if not re.search(line, after, re.M):
        named.append((code, column, path, n))
new_fields = report[report.index('新表新增、旧表没有的字段'):
                    report.index('旧表有值、新表没有的字段')]
unlisted = [k for k in kinds
            if k[0] == 'form.missing' and '- %s（' % k[1] not in new_fields]
print(len(kinds) > 10, named, unlisted)
