// Screenshots of every element in each state, in headless Chromium (issue 5, point 10).
// Always renders every state and checks each picture is real (not blank, not a copy of
// another state) and that docs/screenshots lists exactly these states;
// `npm run screenshots` (UPDATE_SCREENSHOTS=1) writes them to docs/screenshots/.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
// @ts-expect-error plain .mjs helper without types
import { chromiumArgs, chromiumPath } from '../../scripts/lib/chromium.mjs';

interface ShotInfo { tag: string; state: string; caption: string; viewport?: { width: number; height: number } }

const update = process.env.UPDATE_SCREENSHOTS === '1';
const docsDir = 'docs/screenshots';
const work = mkdtempSync(join(tmpdir(), 'chat-meet-shots-'));
const outDir = update ? docsDir : join(work, 'out');
let server: ReturnType<typeof createServer>;
let browser: Browser;
let page: Page;
let list: ShotInfo[] = [];

before(async () => {
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: ['test/elements/screenshots-page.ts'],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    outfile: join(work, 'page.js'),
    tsconfig: 'tsconfig.json',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
    // package.json's "sideEffects" lists the public entries only; the element modules
    // imported here for their customElements.define() must not be dropped.
    ignoreAnnotations: true,
  });
  writeFileSync(join(work, 'index.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>chat-meet elements</title><style>body{margin:0;padding:24px;background:#e5e7eb;font:16px sans-serif}</style></head><body><script type="module" src="page.js"></script></body></html>');
  server = createServer((req, res) => {
    const file = join(work, (req.url ?? '/').split('?')[0] === '/' ? 'index.html' : (req.url ?? '').split('?')[0]);
    if (!file.startsWith(work) || !existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': extname(file) === '.js' ? 'text/javascript' : 'text/html' }).end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs(), headless: true });
  page = await browser.newPage({ viewport: { width: 900, height: 640 }, deviceScaleFactor: 1 });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => 'chatMeetShots' in window, null, { timeout: 20_000 });
  assert.deepEqual(errors, []);
  list = await page.evaluate(() => (window as unknown as { chatMeetShots: { list: ShotInfo[] } }).chatMeetShots.list);
});

after(async () => {
  await browser?.close();
  server?.close();
  rmSync(work, { recursive: true, force: true });
});

const fileOf = (s: ShotInfo) => `${s.tag}--${s.state}.png`;

test('every element state renders a real picture', { timeout: 240_000 }, async () => {
  assert.ok(list.length >= 10, `only ${list.length} states`);
  const hashes = new Map<string, string>();
  for (const [index, shot] of list.entries()) {
    await page.setViewportSize(shot.viewport ?? { width: 900, height: 640 });
    const clip = await page.evaluate((i) => (window as unknown as { chatMeetShots: { show(i: number): Promise<{ x: number; y: number; width: number; height: number }> } }).chatMeetShots.show(i), index);
    assert.ok(clip.width > 100 && clip.height > 40, `${fileOf(shot)} has an empty box: ${JSON.stringify(clip)}`);
    const png = await page.screenshot({ clip, animations: 'disabled' });
    assert.ok(png.length > 3000, `${fileOf(shot)} is only ${png.length} bytes: blank?`);
    const hash = createHash('sha256').update(png).digest('hex');
    assert.ok(!hashes.has(hash), `${fileOf(shot)} looks exactly like ${hashes.get(hash)}`);
    hashes.set(hash, fileOf(shot));
    writeFileSync(join(outDir, fileOf(shot)), png);
  }
  const index = list.map((s) => ({ tag: s.tag, state: s.state, caption: s.caption, file: fileOf(s) }));
  if (update) writeFileSync(join(docsDir, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
});

test('docs/screenshots holds exactly these states (run `npm run screenshots` when they change)', () => {
  const indexFile = join(docsDir, 'index.json');
  assert.ok(existsSync(indexFile), `${indexFile} is missing`);
  const saved = JSON.parse(readFileSync(indexFile, 'utf8')) as { file: string }[];
  assert.deepEqual(saved.map((s) => s.file), list.map(fileOf));
  for (const s of saved) assert.ok(existsSync(join(docsDir, s.file)), `${s.file} is missing`);
});
