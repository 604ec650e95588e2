/**
 * The blur processor's life: MediaPipe contained while it runs (no alert, no globals, no
 * script tags in the page), the camera ending stops the loop, stop() ends the output.
 */
import { expect } from 'chai';
import { createBlurProcessor, type BlurProcessor } from '../../../src/media/blur/index.js';
import { sleep, waitFor } from '../../helpers/wait.js';

const assetBase = '/node_modules/@mediapipe/selfie_segmentation/';
// Functional tests must not depend on this shared machine's speed: no speed limits here.
const noSpeedLimits = { tooSlowMs: 60_000, minFps: 0 };
const camera = async () => (await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 360, frameRate: 30 } })).getVideoTracks()[0];

describe('blur processor lifecycle', () => {
  let blur: BlurProcessor | null = null;
  afterEach(() => {
    blur?.close();
    blur = null;
  });

  it('runs MediaPipe without an alert, new globals or script tags in the page, and cleans up on close()', async () => {
    const alerts: unknown[] = [];
    const original = window.alert;
    window.alert = (m?: unknown) => void alerts.push(m);
    const globals = new Set(Object.getOwnPropertyNames(window));
    const scripts = document.scripts.length;
    const nodes = document.querySelectorAll('*').length;
    const cam = await camera();
    try {
      blur = createBlurProcessor({ assetBase, ...noSpeedLimits });
      await blur.start(cam);
      expect(alerts).to.deep.equal([]);
      expect(Object.getOwnPropertyNames(window).filter((k) => !globals.has(k)), 'new globals').to.deep.equal([]);
      expect('SelfieSegmentation' in window || 'createMediapipeSolutionsWasm' in window).to.equal(false);
      expect(document.scripts.length, 'script tags in the page').to.equal(scripts);
      expect(window.length, 'window.frames (the iframe sits in a closed shadow root)').to.equal(0);
      blur.close();
      blur = null;
      expect(document.querySelectorAll('*').length, 'DOM nodes left after close()').to.equal(nodes);
    } finally {
      window.alert = original;
      cam.stop();
    }
  });

  for (const input of ['track-processor', 'video'] as const) {
  it(`keeps drawing every frame and refreshes the mask (${input} input); stop() ends the output, the camera stays the caller's`, async () => {
    const cam = await camera();
    blur = createBlurProcessor({ assetBase, input, ...noSpeedLimits });
    const out = await blur.start(cam);
    await sleep(2000);
    const s = blur.stats();
    expect(s.input).to.equal(input);
    console.log(`${input} input, running 2 s: ${s.frames} frames (${s.fps.toFixed(1)} fps), ${s.masks} masks (${s.maskRate.toFixed(1)}/s), draw ${s.drawMs.toFixed(1)} ms, segment ${s.segmentMs.toFixed(1)} ms, cpu ${s.cpuInference}, worker clock ${s.workerClock}`);
    expect(s.running).to.equal(true);
    expect(s.frames).to.be.greaterThan(s.masks - 1);
    expect(s.masks).to.be.greaterThan(1);
    expect(s.workerClock).to.equal(true);
    blur.stop();
    expect(out.readyState).to.equal('ended');
    expect(cam.readyState).to.equal('live');
    expect(blur.stats().running).to.equal(false);
    cam.stop();
  });
  }

  it('stops the loop when the camera ends (camera off)', async () => {
    const cam = await camera();
    blur = createBlurProcessor({ assetBase, ...noSpeedLimits });
    const out = await blur.start(cam);
    cam.stop();
    // A locally stopped track fires no 'ended': the loop sees readyState on its next tick.
    await waitFor(() => !blur!.stats().running, 'the loop to stop', 5000);
    const frames = blur.stats().frames;
    await sleep(300);
    expect(blur.stats().frames).to.equal(frames);
    expect(out.readyState).to.equal('ended');
  });

  it('restarts on a new camera track without reloading the model', async () => {
    blur = createBlurProcessor({ assetBase, ...noSpeedLimits });
    const first = await camera();
    await blur.start(first);
    const second = await camera();
    const t0 = performance.now();
    const out = await blur.start(second);
    const ms = performance.now() - t0;
    expect(out.readyState).to.equal('live');
    console.log(`restart took ${ms.toFixed(0)} ms`);
    first.stop();
    second.stop();
  });
});
