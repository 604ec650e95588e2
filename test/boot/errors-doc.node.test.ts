// docs/errors.md lists every code of src/core/errors.ts (and the loader's CM_LOAD_FAILED).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { ErrorCodes } from '../../src/core/errors.js';

test('docs/errors.md documents every error code', () => {
  const doc = readFileSync('docs/errors.md', 'utf8');
  const missing = Object.values(ErrorCodes).filter((code) => !doc.includes(`| \`${code}\` |`));
  assert.deepEqual(missing, [], `add these to docs/errors.md: ${missing.join(', ')}`);
});

test('docs/errors.md names no code that does not exist', () => {
  const doc = readFileSync('docs/errors.md', 'utf8');
  const known = new Set<string>([...Object.values(ErrorCodes), 'CM_LOAD_FAILED']);
  const unknown = [...doc.matchAll(/\| `(CM_[A-Z_]+)` \|/g)].map((m) => m[1]).filter((c) => !known.has(c));
  assert.deepEqual(unknown, []);
});
