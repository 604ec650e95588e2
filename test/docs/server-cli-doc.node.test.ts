// Issue 7: docs/server.md's flag table says what `chat-meet-server` accepts. Checked three
// ways: the table against `--help`, and `--help` against the options and environment
// variables src/server/cli.ts really reads, so a flag added, renamed or dropped in one
// place fails here until the other two follow.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { proseLines } from './markdown.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = 'src/server/cli.ts';

interface Flag { env: string; defaultValue?: string }

/** `| `--a X`, `--b Y` | `A`, `B` | meaning (default …) |` rows of the table headed `| flag | environment |`. */
function docTable(markdown: string): Map<string, Flag> {
  const flags = new Map<string, Flag>();
  let inTable = false;
  for (const { text } of proseLines(markdown)) {
    if (/^\|\s*flag\s*\|\s*environment\s*\|/.test(text)) { inTable = true; continue; }
    if (!inTable) continue;
    if (!text.startsWith('|')) break;
    const [flagCell, envCell, meaning] = text.split('|').slice(1).map((c) => c.trim());
    if (/^-+$/.test(flagCell!)) continue;
    const names = [...flagCell!.matchAll(/`(--[\w-]+)[^`]*`/g)].map((m) => m[1]!);
    const envs = [...envCell!.matchAll(/`([A-Z_]+)`/g)].map((m) => m[1]!);
    assert.equal(names.length, envs.length, `docs/server.md: "${text}" pairs each flag with one variable`);
    const defaultValue = /\(default ([^;,)]+)/.exec(meaning!)?.[1]?.trim();
    names.forEach((name, i) => flags.set(name, { env: envs[i]!, ...(defaultValue ? { defaultValue } : {}) }));
  }
  return flags;
}

/** `  --port N   PORT   listen port (default 8787)` lines of `--help`. */
function helpTable(help: string): Map<string, Flag> {
  const flags = new Map<string, Flag>();
  for (const m of help.matchAll(/^ {2}(--[\w-]+)(?: [A-Z]+)? +([A-Z_]+) +(.*)$/gm)) {
    const defaultValue = /\(default ([^;,)]+)/.exec(m[3]!)?.[1]?.trim();
    flags.set(m[1]!, { env: m[2]!, ...(defaultValue ? { defaultValue } : {}) });
  }
  return flags;
}

test('docs/server.md lists exactly the flags and environment variables chat-meet-server --help prints', () => {
  const help = execFileSync(process.execPath, ['--import', 'tsx', CLI, '--help'], { cwd: root, encoding: 'utf8' });
  const documented = docTable(readFileSync(resolve(root, 'docs/server.md'), 'utf8'));
  const printed = helpTable(help);
  assert.ok(printed.size >= 10, `--help lists the flags (read ${printed.size})`);
  assert.deepEqual([...documented.keys()].sort(), [...printed.keys()].sort(), 'the same flags');
  for (const [name, flag] of printed) {
    assert.equal(documented.get(name)?.env, flag.env, `${name}: the same environment variable`);
    if (flag.defaultValue) assert.equal(documented.get(name)?.defaultValue, flag.defaultValue, `${name}: the same default`);
  }
});

test('--help lists exactly the options and environment variables src/server/cli.ts reads', () => {
  const source = readFileSync(resolve(root, CLI), 'utf8');
  const printed = helpTable(source.slice(source.indexOf('const HELP'), source.indexOf('`;', source.indexOf('const HELP'))));
  const options = /options: \{([\s\S]*?)\n\s*\},\n\s*strict/.exec(source)?.[1] ?? '';
  const parsed = [...options.matchAll(/'?([\w-]+)'?: \{ type:/g)].map((m) => `--${m[1]}`).filter((f) => f !== '--help');
  assert.ok(parsed.length >= 10, `read the parseArgs options (${parsed.length})`);
  assert.deepEqual([...printed.keys()].sort(), parsed.sort(), 'every parsed option has a --help line and no --help line is unparsed');
  const read = new Set([...source.matchAll(/\benv\.([A-Z_]+)/g)].map((m) => m[1]!));
  assert.deepEqual([...printed.values()].map((f) => f.env).sort(), [...read].sort(), 'every variable read has a --help line');
});
