// typst_peer.mjs: the Typst peer of shenbao's PDF volume in make bench.
//   node typst_peer.mjs FILE.csv FONTDIR OUT.pdf    the list as a PDF
//   node typst_peer.mjs --version                   the compiler's version
// What a Typst user would write for the same volume: A4 landscape as
// shenbao sets this list, columns as wide as their content, the title, a
// table of every row read by Typst's own csv() with the header repeated
// on every page, and "第 n 页 共 N 页" in the footer, in the same faces
// (fonts/, FandolSong and FandolHei). Prints the page count.
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import { writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { createRequire } from 'node:module';

const [arg, fontDir, out] = process.argv.slice(2);
if (arg === '--version') {
  const require = createRequire(import.meta.url);
  console.log(require('@myriaddreamin/typst-ts-node-compiler/package.json').version);
  process.exit(0);
}
const csv = resolve(arg);
const source = `
#set page(paper: "a4", flipped: true, margin: (x: 20mm, y: 22mm),
  footer: context align(center,
    text(size: 9pt)[第 #counter(page).display() 页 共 #counter(page).final().first() 页]))
#set text(font: ("FandolSong",), size: 9pt, lang: "zh")
#let rows = csv("/${basename(csv)}")
#align(center, text(font: "FandolHei", size: 16pt)[附件1 工业设备清单])
#table(
  columns: rows.first().len() * (auto,),
  inset: 3pt,
  table.header(..rows.first().map(h => text(font: "FandolHei", h))),
  ..rows.slice(1).flatten()
)
`;
const compiler = NodeCompiler.create({
  workspace: dirname(csv),
  fontArgs: [{ fontPaths: [resolve(fontDir)] }],
});
const doc = compiler.compile({ mainFileContent: source });
if (!doc.result) {
  console.error(JSON.stringify(doc.takeDiagnostics?.() ?? doc, null, 1).slice(0, 2000));
  process.exit(2);
}
const pdf = compiler.pdf(doc.result);
writeFileSync(out, pdf);
console.log(`${doc.result.numOfPages ?? '?'} pages`);
