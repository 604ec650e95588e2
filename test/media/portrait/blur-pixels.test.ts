/**
 * Background blur on real pixels: the fake camera plays the portrait fixture (this file
 * runs in the portrait-camera browser group, scripts/lib/fake-camera.mjs).
 */
import { expect } from 'chai';
import { createBlurProcessor, type BlurProcessor } from '../../../src/media/blur/index.js';
import { BODY, detail, FACE, FLAG, grabFrame, SHUTTLE } from '../pixels.js';

const assetBase = '/node_modules/@mediapipe/selfie_segmentation/';
// Functional tests must not depend on this shared machine's speed: no speed limits here.
const noSpeedLimits = { tooSlowMs: 60_000, minFps: 0 };

describe('blur processor on the portrait camera', () => {
  let camera: MediaStreamTrack;
  let blur: BlurProcessor | null = null;
  beforeEach(async () => {
    const stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 360, frameRate: 30 } });
    camera = stream.getVideoTracks()[0];
  });
  afterEach(() => {
    blur?.close();
    blur = null;
    camera.stop();
  });

  it('blurs the background (fine detail drops by a measured factor) while the face keeps its detail', async () => {
    const raw = await grabFrame(camera);
    blur = createBlurProcessor({ assetBase, ...noSpeedLimits });
    const out = await blur.start(camera);
    expect(out.kind).to.equal('video');
    expect(out).not.to.equal(camera);
    const blurred = await grabFrame(out);
    const ratio = (box: typeof FACE) => detail(blurred, box) / detail(raw, box);
    const face = ratio(FACE);
    const body = ratio(BODY);
    const flag = ratio(FLAG);
    const shuttle = ratio(SHUTTLE);
    console.log(`detail kept — face ${face.toFixed(2)}, body ${body.toFixed(2)}, flag ${flag.toFixed(2)}, shuttle ${shuttle.toFixed(2)} (raw face ${detail(raw, FACE).toFixed(1)}, flag ${detail(raw, FLAG).toFixed(1)}, shuttle ${detail(raw, SHUTTLE).toFixed(1)})`);
    expect(detail(raw, FLAG), 'the raw camera has background detail to lose').to.be.greaterThan(3);
    expect(face, 'the face keeps its detail').to.be.greaterThan(0.8);
    expect(body, 'the helmet ring and suit keep their detail').to.be.greaterThan(0.8);
    expect(flag, 'the flag loses its detail').to.be.lessThan(0.35);
    expect(shuttle, 'the shuttle loses its detail').to.be.lessThan(0.35);
  });
});
