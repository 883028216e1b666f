#!/usr/bin/env python3
"""layers.py TOP [BUILD]: the house's arrows point down and never go round.

The stages are the folders of pipeline/ and reports/, bottom to top, as the
Makefile lists them (PIPELINE, then REPORTS). Checked:
  1. every #include "dir/x.h" in a source file names a folder at or below
     the file's own (no arrow up);
  2. the include graph between modules has no cycle (a module is x.c with
     x.h; a private header x_int.h belongs to module x);
  3. with BUILD: the symbol graph between object files (A uses a function
     or object B defines, from nm) has no cycle, so no header can hide one.
Prints one "ok"/"not ok" line per check and ends "N passed, N failed"."""
import collections, glob, os, re, subprocess, sys

top = sys.argv[1]
build = sys.argv[2] if len(sys.argv) > 2 else None
mk = open(os.path.join(top, 'Makefile'), encoding='utf-8').read()
order = []
for var, root in (('PIPELINE', 'pipeline'), ('REPORTS', 'reports')):
    m = re.search(r'^%s\s*:=\s*(.*)$' % var, mk, re.M)
    order += ['%s/%s' % (root, d) for d in m.group(1).split()]
rank = {d: i for i, d in enumerate(order)}
passed = failed = 0

def report(ok, what, detail=()):
    global passed, failed
    print(('ok     ' if ok else 'not ok ') + what)
    for d in detail:
        print('    ' + d)
    if ok:
        passed += 1
    else:
        failed += 1

def module(path):
    base = os.path.splitext(path)[0]
    return base[:-4] if base.endswith('_int') else base

files = sorted(glob.glob(os.path.join(top, 'pipeline/*/*.[ch]')) +
               glob.glob(os.path.join(top, 'reports/*/*.[ch]')))
stray = [os.path.relpath(f, top) for f in
         glob.glob(os.path.join(top, 'pipeline/*.[ch]')) +
         glob.glob(os.path.join(top, 'reports/*.[ch]'))]
report(not stray, 'every source file sits in a stage folder', stray)

up, unknown = [], []
edges = collections.defaultdict(set)
for f in files:
    rel = os.path.relpath(f, top)
    here = os.path.dirname(rel)
    if here not in rank:
        unknown.append(rel + ': folder not in the Makefile stages')
        continue
    for n, line in enumerate(open(f, encoding='utf-8'), 1):
        m = re.match(r'\s*#\s*include\s+"([^"]+)"', line)
        if not m:
            continue
        inc = m.group(1)
        cands = [p for p in ('pipeline/' + inc, 'reports/' + inc)
                 if os.path.exists(os.path.join(top, p))]
        if len(cands) != 1:
            unknown.append('%s:%d: "%s" names no single header' % (rel, n, inc))
            continue
        there = os.path.dirname(cands[0])
        if rank[there] > rank[here]:
            up.append('%s:%d: %s includes %s (a higher stage)' % (rel, n, here, cands[0]))
        a, b = module(rel), module(cands[0])
        if a != b:
            edges[a].add(b)
report(not unknown, 'every include names one header in a stage folder', unknown)
report(not up, 'no include points up', up)

def cycles(g):
    """Strongly connected components of more than one node."""
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]
    def visit(v):
        index[v] = low[v] = counter[0]; counter[0] += 1
        stack.append(v); on.add(v)
        for w in sorted(g.get(v, ())):
            if w not in index:
                visit(w); low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop(); on.discard(w); comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))
    sys.setrecursionlimit(100000)
    for v in sorted(g):
        if v not in index:
            visit(v)
    return out

cyc = cycles(edges)
report(not cyc, 'no include cycle between modules', [' <-> '.join(c) for c in cyc])

if build:
    # objects of sources that exist (a moved file leaves its old object)
    objs = sorted(o for o in glob.glob(os.path.join(build, 'pipeline/*/*.o')) +
                  glob.glob(os.path.join(build, 'reports/*/*.o'))
                  if os.path.exists(os.path.join(top, os.path.relpath(o, build)[:-2] + '.c')))
    defs, uses = {}, {}
    for o in objs:
        d, u = set(), set()
        out = subprocess.run(['nm', o], capture_output=True, text=True).stdout
        for l in out.splitlines():
            p = l.split()
            if len(p) == 3 and p[1] in 'TDBRCV':
                d.add(p[2])
            elif len(p) == 2 and p[0] == 'U':
                u.add(p[1])
        rel = os.path.relpath(o, build)[:-2]
        defs[rel], uses[rel] = d, u
    owner = {s: o for o, d in defs.items() for s in d}
    g = collections.defaultdict(set)
    upo = []
    for o, u in uses.items():
        for s in u:
            b = owner.get(s)
            if b and b != o:
                g[o].add(b)
                if rank[os.path.dirname(b)] > rank[os.path.dirname(o)]:
                    upo.append('%s uses %s of %s' % (o, s, b))
    report(bool(objs), 'object files found under ' + build)
    report(not upo, 'no object calls up a stage', sorted(set(upo))[:40])
    cyc = cycles(g)
    report(not cyc, 'no call cycle between object files', [' <-> '.join(c) for c in cyc])

print('%d passed, %d failed' % (passed, failed))
sys.exit(1 if failed else 0)
