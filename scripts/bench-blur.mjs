// Background blur benchmark (`npm run bench -- blur`): Debian's Chromium with the portrait
// fixture as its camera (640x360, 30 fps), the built chat-meet/blur (dist/esm/blur.js,
// dist/blur-assets/) served from a local origin. Measures, in one run and one page:
//   baseline  the same camera without blur: frames per second its track delivers to a
//             loopback RTCPeerConnection sender (media-source stats), and frames encoded
//   blur      the processed track, the same way; plus ms per frame
//             in the compositor, masks per second and ms per segmentation
// Runs on the CPU only here (no GPU: WebGL is SwiftShader, so the model runs on the CPU).
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './lib/chromium.mjs';
import { fakeCameraFile } from './lib/fake-camera.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html', '.json': 'application/json' };

const PAGE = `<!doctype html><meta charset="utf-8"><body><script type="module">
import { createBlurProcessor, canBlur } from '/dist/esm/blur.js';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/**
 * Frames per second that track delivers to a real sink: a loopback RTCPeerConnection's
 * sender, read from its media-source stats (frames before the encoder's own drops). An
 * in-page reader is no good: it runs on the main thread, which the processor keeps busy.
 */
async function deliveredFps(track, ms) {
  const a = new RTCPeerConnection();
  const b = new RTCPeerConnection();
  a.onicecandidate = (e) => e.candidate && b.addIceCandidate(e.candidate);
  b.onicecandidate = (e) => e.candidate && a.addIceCandidate(e.candidate);
  const sender = a.addTrack(track, new MediaStream([track]));
  await a.setLocalDescription();
  await b.setRemoteDescription(a.localDescription);
  await b.setLocalDescription();
  await a.setRemoteDescription(b.localDescription);
  const count = async () => {
    let frames = 0;
    let encoded = 0;
    (await sender.getStats()).forEach((s) => {
      if (s.type === 'media-source') frames += s.frames ?? 0;
      if (s.type === 'outbound-rtp') encoded += s.framesEncoded ?? 0;
    });
    return { frames, encoded };
  };
  await sleep(1000);
  const c0 = await count();
  const t0 = performance.now();
  await sleep(ms);
  const c1 = await count();
  const s = (performance.now() - t0) / 1000;
  a.close();
  b.close();
  return { fps: (c1.frames - c0.frames) / s, encodedFps: (c1.encoded - c0.encoded) / s };
}
window.bench = async (seconds, options) => {
  const support = canBlur();
  const camera = (await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 360, frameRate: 30 } })).getVideoTracks()[0];
  const settings = camera.getSettings();
  const baseline = await deliveredFps(camera, seconds * 1000);
  const blur = createBlurProcessor({ assetBase: '/dist/blur-assets/', ...options });
  const t0 = performance.now();
  const out = await blur.start(camera);
  const startMs = performance.now() - t0;
  const s0 = blur.stats();
  const output = await deliveredFps(out, seconds * 1000);
  const s1 = blur.stats();
  blur.close();
  camera.stop();
  return { support, settings: { width: settings.width, height: settings.height, frameRate: settings.frameRate }, baselineFps: baseline.fps, baselineEncodedFps: baseline.encodedFps, outFps: output.fps, outEncodedFps: output.encodedFps, startMs,
    drawnFps: s1.fps, maskRate: s1.maskRate, drawMs: s1.drawMs, segmentMs: s1.segmentMs, cpuInference: s1.cpuInference, frames: s1.frames - s0.frames, masks: s1.masks - s0.masks };
};
window.ready = true;
</script>`;

function serve() {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path === '/') return res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
    const file = normalize(join(root, path));
    if (!file.startsWith(join(root, 'dist')) || !existsSync(file) || !statSync(file).isFile()) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : '–');

/** Runs the benchmark and returns its markdown section. */
export async function benchBlur({ seconds = 10 } = {}) {
  if (!existsSync(join(root, 'dist/esm/blur.js')) || !existsSync(join(root, 'dist/blur-assets/selfie_segmentation.js'))) {
    throw new Error('dist/esm/blur.js or dist/blur-assets/ missing: build first (npx rollup -c)');
  }
  const server = await serve();
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: chromiumArgs({ fakeVideo: fakeCameraFile() }) });
  try {
    const page = await browser.newPage();
    const url = `http://127.0.0.1:${server.address().port}/`;
    await page.goto(url);
    await page.waitForFunction(() => window.ready === true);
    const version = browser.version();
    const loadBefore = loadavg()[0];
    const runs = [];
    // Default settings (the model on the CPU where WebGL is software), then the model on WebGL for comparison.
    runs.push({ label: 'blur, default (`<video>` input; auto: CPU inference without a GPU)', r: await page.evaluate(([s]) => window.bench(s, {}), [seconds]) });
    runs.push({ label: 'blur, `MediaStreamTrackProcessor` input', r: await page.evaluate(([s]) => window.bench(s, { input: 'track-processor' }), [seconds]) });
    runs.push({ label: 'blur, model on WebGL (software here)', r: await page.evaluate(([s]) => window.bench(s, { inference: 'gpu', tooSlowMs: 5000 }), [Math.min(seconds, 6)]).catch((e) => ({ error: String(e.message ?? e).split('\n')[0] })) });
    const base = runs[0].r;
    const load = `${loadBefore.toFixed(1)} → ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`;
    const rows = runs
      .map(({ label, r }) =>
        r.error
          ? `| ${label} | – | – | – | – | – | – | failed: ${r.error} |`
          : `| ${label} | ${f1(r.baselineFps)} (${f1(r.baselineEncodedFps)}) | ${f1(r.outFps)} (${f1(r.outEncodedFps)}) — ${f1((100 * r.outFps) / r.baselineFps)} % | ${f1(r.drawnFps)} | ${f1(r.drawMs)} | ${f1(r.maskRate)} | ${f1(r.segmentMs)} | ${Math.round(r.startMs)} ms |`,
      )
      .join('\n');
    return `## Background blur (640×360)

\`npm run bench -- blur\` (scripts/bench-blur.mjs): Debian's Chromium ${version}, headless, \`--disable-gpu\`,
the portrait fixture as a 640×360 30 fps fake camera; the built \`chat-meet/blur\` served from
a local origin. **CPU only: this machine has no GPU** (WebGL is SwiftShader), so these are
the worst case; a machine with a real GPU was not available to this task. Each row measures
the same camera without blur first (baseline: frames per second its track delivers to a
loopback \`RTCPeerConnection\` sender, from the sender's media-source stats; in brackets the
frames the encoder kept), then the blurred track the same way, ${seconds} s each, in the same
page. "Frames drawn" counts the compositor's draws.

| run | camera fps, no blur (encoded) | output fps (encoded) — share of camera | frames drawn per second | ms per frame (compositor) | masks per second | ms per mask | start (load + speed check) |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${rows}

Aim (issue 6): ≥ 24 fps out with the mask refreshed ≥ 10 times a second on this 2-core
machine without a GPU. ${base.error ? '' : `Measured: ${f1(base.outFps)} fps out, ${f1(base.maskRate)} masks/s`} with the
machine's 1-minute load average at ${load} during this run: it is shared with other jobs,
so figures vary between runs (the mask rate adapts down when frames fall behind); the share
of the camera's rate is the comparable number. Segmentation runs on the main thread (MediaPipe's worker mode is broken),
on a 256×144 copy of the frame (the landscape model's input size).`;
  } finally {
    await browser.close();
    server.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(await benchBlur({ seconds: Number(process.argv[2] ?? 10) }));
}
