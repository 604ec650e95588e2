// docs/benchmarks.md is written by several measurements (sizes on every test run,
// `npm run bench` for speed). Each owns one section between markers and replaces
// only that section, so one run never erases another's figures.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const FILE = 'docs/benchmarks.md';
const HEADER = `# Benchmarks

Every figure here was measured on this repository's machine kind (2 cores, no GPU,
Debian 12, Node 20, Debian's Chromium) by the command named in its section. Speed
figures are ratios against a baseline measured in the same run, because the machine
is shared and noisy; absolute times are given for orientation only.
`;

/** Replaces (or appends) the section `name` of docs/benchmarks.md with `markdown`. */
export function writeBenchmarkSection(name, markdown) {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const block = `${start}\n${markdown.trim()}\n${end}`;
  let doc = existsSync(FILE) ? readFileSync(FILE, 'utf8') : HEADER;
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  doc = from >= 0 && to > from ? doc.slice(0, from) + block + doc.slice(to + end.length) : `${doc.trimEnd()}\n\n${block}\n`;
  writeFileSync(FILE, doc);
}
