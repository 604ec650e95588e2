// A fake camera that shows a person: Chromium plays a .y4m file as the camera
// (--use-file-for-fake-video-capture). Made once from the portrait in ../shared/fixtures
// with Debian's ffmpeg, cached in the system temp folder (a few MB), rebuilt when the
// source changes. Used by the blur tests' browser group and by the blur benchmark.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumArgs } from './chromium.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The portrait fixture (640x360): FAKE_CAMERA_IMAGE, or the copy in test/media/fixtures. */
export function portraitImage() {
  const candidates = [process.env.FAKE_CAMERA_IMAGE, join(root, 'test/media/fixtures/person-640x360.jpg')];
  const found = candidates.find((p) => p && existsSync(p));
  if (!found) throw new Error('The portrait fixture person-640x360.png was not found: set FAKE_CAMERA_IMAGE to its path.');
  return found;
}

/**
 * Returns the path of a .y4m that plays `image` as a 30 fps camera, making it if needed.
 * @param {{ image?: string, fps?: number, seconds?: number }} [options]
 */
export function fakeCameraFile(options = {}) {
  const image = options.image ?? portraitImage();
  const fps = options.fps ?? 30;
  const seconds = options.seconds ?? 1;
  const out = join(tmpdir(), 'chat-meet-fake-camera', `portrait-${fps}fps-${seconds}s.y4m`);
  if (existsSync(out) && statSync(out).mtimeMs >= statSync(image).mtimeMs && statSync(out).size > 0) return out;
  mkdirSync(dirname(out), { recursive: true });
  const tmp = `${out}.${process.pid}.y4m`;
  // A still image looped: Chromium replays the file from the start when it ends.
  const r = spawnSync('ffmpeg', ['-v', 'error', '-y', '-loop', '1', '-i', image, '-t', String(seconds), '-r', String(fps), '-pix_fmt', 'yuv420p', '-f', 'yuv4mpegpipe', tmp], { stdio: 'inherit' });
  if (r.error || r.status !== 0) throw new Error(`ffmpeg could not make the fake camera (${r.error?.message ?? `exit ${r.status}`}); install it: apt-get install ffmpeg`);
  renameSync(tmp, out);
  return out;
}

/**
 * Browser test groups that need their own browser: the tests in `dir` run in a Chromium
 * launched with these flags, every other test keeps the default fake camera.
 */
export const BROWSER_GROUPS = [
  // The camera shows a person (background blur checks real pixels).
  { name: 'portrait-camera', dir: 'test/media/portrait/', args: () => chromiumArgs({ fakeVideo: fakeCameraFile() }) },
  // A browser without WebGL: blur must turn itself off with the reason, and contain MediaPipe's alert().
  { name: 'no-webgl', dir: 'test/media/no-webgl/', args: () => chromiumArgs({ extra: ['--disable-3d-apis'] }) },
];

const inGroup = (file) => BROWSER_GROUPS.some((g) => file.replace(/^\.\//, '').startsWith(g.dir));

/**
 * The default group's files: `files` (paths or globs) without the groups' folders;
 * `undefined` when nothing is left (web-test-runner then runs only the groups).
 */
export function outsideBrowserGroups(files) {
  if (files.some((f) => f.includes('*'))) return [...files, ...BROWSER_GROUPS.map((g) => `!${g.dir}**`)];
  const rest = files.filter((f) => !inGroup(f));
  return rest.length ? rest : undefined;
}

/**
 * web-test-runner `groups` for {@link BROWSER_GROUPS}; with `picked` (WTR_FILES), only the
 * groups that have picked files. `launcher(args)` makes the group's browser.
 * @param {string[] | null} picked
 * @param {(args: string[]) => unknown} launcher
 */
export function browserTestGroups(picked, launcher) {
  return BROWSER_GROUPS.flatMap((g) => {
    const files = picked ? picked.filter((f) => f.replace(/^\.\//, '').startsWith(g.dir)) : [`${g.dir}**/*.test.ts`];
    return files.length ? [{ name: g.name, files, browsers: [launcher(g.args())] }] : [];
  });
}
