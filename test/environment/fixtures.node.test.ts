// Issue 2 point 5: every user agent of ../shared/fixtures/user-agents.json that a user agent
// alone can tell (all but those marked uaOnlyDetectable: false) gets inApp, os, mobile,
// webview and, where the entry gives one, osVersion right. The detector never sees these
// strings specially: it will meet others.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { detectEnvironment } from '../../src/environment/index.js';

interface Entry {
  ua: string;
  category: string;
  expect: { inApp: string | null; os: string | null; osVersion?: string | null; mobile: boolean; webview: boolean; bot?: boolean };
  uaOnlyDetectable?: boolean;
}

const table = JSON.parse(readFileSync(new URL('../../../shared/fixtures/user-agents.json', import.meta.url), 'utf8')) as Entry[];
const detectable = table.filter((e) => e.uaOnlyDetectable !== false);

test('the fixture table is there and most of it is user-agent detectable', () => {
  assert.ok(table.length >= 40, `${table.length} entries`);
  assert.ok(detectable.length >= table.length - 2);
});

for (const [i, entry] of detectable.entries()) {
  test(`#${i} ${entry.category}: ${entry.ua.slice(0, 90)}`, () => {
    const env = detectEnvironment({ userAgent: entry.ua });
    const got: Record<string, unknown> = { inApp: env.inApp, os: env.os, mobile: env.mobile, webview: env.webview };
    const want: Record<string, unknown> = { inApp: entry.expect.inApp, os: entry.expect.os, mobile: entry.expect.mobile, webview: entry.expect.webview };
    if ('osVersion' in entry.expect) {
      got.osVersion = env.osVersion;
      want.osVersion = entry.expect.osVersion;
    }
    if ('bot' in entry.expect) {
      got.bot = env.bot;
      want.bot = entry.expect.bot;
    }
    assert.deepEqual(got, want);
  });
}

test('every in-app entry: no meet, a reason naming the app, and a way out (R16)', () => {
  for (const entry of detectable.filter((e) => e.expect.inApp)) {
    const env = detectEnvironment({ userAgent: entry.ua, url: 'https://shop.example/help' });
    assert.equal(env.supports.meet, false, entry.category);
    assert.match(env.reasons.meet ?? '', /in-app|WebView/i, entry.category);
    assert.ok(env.escape, `${entry.category} has an escape`);
  }
});

test('every entry: reasons has exactly the features supports says no to', () => {
  for (const entry of table) {
    const env = detectEnvironment({ userAgent: entry.ua });
    const no = Object.entries(env.supports).filter(([, ok]) => !ok).map(([k]) => k).sort();
    assert.deepEqual(Object.keys(env.reasons).sort(), no, entry.category);
    for (const why of Object.values(env.reasons)) assert.ok(why && why.length > 20, `${entry.category}: a sentence, not "${why}"`);
  }
});

test('R12: no screen share on any mobile entry; R18: mobile web browsers that are not in-app can meet', () => {
  for (const entry of detectable) {
    const env = detectEnvironment({ userAgent: entry.ua });
    if (env.mobile) assert.equal(env.supports.screenShare, false, entry.category);
    if (env.mobile && !env.inApp && !env.bot) assert.equal(env.supports.meet, true, entry.category);
  }
});
