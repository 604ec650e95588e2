// Where Debian's chromium lives and the flags that run it headless, as root, on a
// closed network, with fake camera and microphone (see ../shared/TOOLCHAIN.md).
import { existsSync } from 'node:fs';

export function chromiumPath() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  const found = candidates.find((p) => p && existsSync(p));
  if (!found) throw new Error('Chromium not found: install it (apt-get install chromium) or set CHROME_PATH.');
  return found;
}

/** @param {{ fakeVideo?: string, extra?: string[] }} [options] */
export function chromiumArgs(options = {}) {
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    '--autoplay-policy=no-user-gesture-required',
    // Screen share in tests: pick the current tab without a picker.
    '--auto-select-desktop-capture-source=Entire screen',
    '--auto-accept-this-tab-capture',
    // Many peers in one page: keep timers and rendering running when unfocused.
    '--disable-background-timer-throttling',
    '--disable-renderer-backgrounding',
    '--disable-backgrounding-occluded-windows',
  ];
  if (options.fakeVideo) args.push(`--use-file-for-fake-video-capture=${options.fakeVideo}`);
  return [...args, ...(options.extra ?? [])];
}
