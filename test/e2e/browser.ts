/** Debian's Chromium through playwright-core, with fake camera and microphone; screenshots of each step. */
import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
// @ts-expect-error plain .mjs helper without types
import { chromiumArgs, chromiumPath } from '../../scripts/lib/chromium.mjs';

export const launch = (): Promise<Browser> => chromium.launch({ executablePath: chromiumPath(), headless: true, args: chromiumArgs() });

const RESULTS = '.test-results/e2e';
const DOCS = 'docs/screenshots/e2e';

/**
 * Saves a screenshot of `page` as `<name>.png` in .test-results/e2e (every run) and, with
 * UPDATE_SCREENSHOTS=1, in docs/screenshots/e2e (shown in docs/e2e.md).
 */
export async function shot(page: Page, name: string): Promise<void> {
  const dirs = process.env.UPDATE_SCREENSHOTS ? [RESULTS, DOCS] : [RESULTS];
  const image = await page.screenshot({ animations: 'disabled' });
  const { writeFileSync } = await import('node:fs');
  for (const dir of dirs) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${dir}/${name}.png`, image);
  }
}

/**
 * Whether the call window in `page` shows a remote participant's video advancing (3 new
 * frames) with a live, unmuted audio track: that participant is seen and heard.
 */
export function remoteMediaFlows(page: Page, fromId: string, timeoutMs = 20_000): Promise<{ video: boolean; audio: boolean }> {
  // A string, not a function: tsx would add helpers (`__name`) that do not exist in the page.
  return page.evaluate(`new Promise((resolve) => {
    const id = ${JSON.stringify(fromId)};
    const end = Date.now() + ${Number(timeoutMs)};
    const hears = (stream) => Boolean(stream && stream.getAudioTracks().some((t) => t.readyState === 'live' && !t.muted));
    const poll = () => {
      const root = document.querySelector('chat-meet-call')?.shadowRoot;
      const video = root?.querySelector('[part="tile"][data-id="' + id + '"] video');
      const stream = video?.srcObject;
      if (!video || !stream || stream.getVideoTracks().length === 0) {
        if (Date.now() > end) return resolve({ video: false, audio: hears(stream) });
        return void setTimeout(poll, 100);
      }
      let frames = 0;
      const timer = setTimeout(() => resolve({ video: false, audio: hears(stream) }), Math.max(1000, end - Date.now()));
      const next = () => video.requestVideoFrameCallback(() => {
        if (++frames >= 3) { clearTimeout(timer); resolve({ video: true, audio: hears(stream) }); } else next();
      });
      next();
      video.play().catch(() => undefined);
    };
    poll();
  })`);
}

/** Waits for `body[data-<key>="<value>"]` (the demo pages mirror meetStateChanged there). */
export const bodyData = (page: Page, key: string, value: string, timeout = 30_000) =>
  page.waitForSelector(`body[data-${key}="${value}"]`, { state: 'attached', timeout });
