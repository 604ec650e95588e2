// The `chat-meet` entry stays element-free: what it loads statically (before any lazy
// import the boot makes) carries no Lit and no element, even though it offers
// savedMeetOptions (R14's saved choices as createMeetClient options), which lives beside
// the settings panel's store.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { build } from 'esbuild';

test('chat-meet (src/index.ts) statically loads no Lit and no element; savedMeetOptions comes from the settings store alone', async () => {
  const result = await build({
    entryPoints: ['src/index.ts'], bundle: true, write: false, metafile: true, format: 'esm', splitting: true,
    outdir: 'out', platform: 'browser', logLevel: 'silent',
  });
  const outputs = result.metafile.outputs;
  const entry = Object.keys(outputs).find((o) => outputs[o]!.entryPoint === 'src/index.ts')!;
  // Follow static imports only: the boot's import() chunks (elements, session) load later, on demand.
  const seen = new Set<string>();
  const stack = [entry];
  while (stack.length) {
    const out = stack.pop()!;
    if (seen.has(out)) continue;
    seen.add(out);
    for (const i of outputs[out]!.imports) if (i.kind === 'import-statement' && !i.external) stack.push(i.path);
  }
  const inputs = [...seen].flatMap((o) => Object.keys(outputs[o]!.inputs));
  assert.ok(inputs.includes('src/elements/settings/settings-store.ts'), 'savedMeetOptions is in the entry');
  assert.deepEqual(inputs.filter((f) => /node_modules\/(lit|@lit|lit-html|lit-element)\//.test(f)), [], 'Lit in the static graph');
  // Plain modules under src/elements (the intent contract, the settings store) may come; an
  // element, its styles or its controllers may not.
  const elementCode = inputs.filter((f) => /^src\/elements\/(.*\.(element|styles|controller)|base\/element)\.ts$/.test(f));
  assert.deepEqual(elementCode, [], 'element code in the static graph');
});
