/**
 * R15 in a browser without WebGL (Chromium with --disable-3d-apis; this file runs in the
 * no-webgl browser group, scripts/lib/fake-camera.mjs): blur is off with the reason,
 * and MediaPipe's alert() never reaches the page.
 */
import { expect } from 'chai';
import { ChatMeetError } from '../../../src/core/errors.js';
import { canBlur, createBlurProcessor, enableBlur } from '../../../src/media/blur/index.js';
import { loadSegmenter } from '../../../src/media/blur/segmenter.js';
import { createWorld } from '../../helpers/meet.js';
import { liveTracks } from '../../helpers/spy.js';

const assetBase = new URL('/node_modules/@mediapipe/selfie_segmentation/', location.href).href;

/** Records the host page's alert() calls (a real one would block the page). */
function watchAlerts() {
  const calls: unknown[] = [];
  const original = window.alert;
  window.alert = (message?: unknown) => void calls.push(message);
  return { calls, restore: () => (window.alert = original) };
}

describe('blur where WebGL is off', () => {
  it('canBlur says no, with the reason and a coded error', () => {
    const support = canBlur();
    expect(support.ok).to.equal(false);
    if (support.ok) return;
    expect(support.reason).to.equal('webgl2');
    expect(support.error).to.be.instanceOf(ChatMeetError);
    expect(support.error.code).to.equal('CM_BLUR_UNSUPPORTED');
    expect(support.error.message).to.match(/WebGL2/);
  });

  it('start() rejects with CM_BLUR_UNSUPPORTED, emits it, and leaves no track behind', async () => {
    const camera = (await navigator.mediaDevices.getUserMedia({ video: true })).getVideoTracks()[0];
    const live = liveTracks();
    const blur = createBlurProcessor({ assetBase });
    const emitted: ChatMeetError[] = [];
    blur.on('error', (e) => emitted.push(e));
    const error = await blur.start(camera).then(() => null, (e: unknown) => e);
    expect(error).to.be.instanceOf(ChatMeetError);
    expect((error as ChatMeetError).code).to.equal('CM_BLUR_UNSUPPORTED');
    expect(emitted.map((e) => e.code)).to.deep.equal(['CM_BLUR_UNSUPPORTED']);
    expect(liveTracks()).to.equal(live);
    expect(camera.readyState, 'the camera is the caller\'s: untouched').to.equal('live');
    blur.close();
    camera.stop();
  });

  it('enableBlur() rejects and never hands the client a processor', async () => {
    const world = createWorld();
    const client = world.add('m1');
    const errors: string[] = [];
    try {
      const error = await enableBlur(client, { assetBase, onError: (e) => errors.push(e.code) }).then(() => null, (e: unknown) => e);
      expect((error as ChatMeetError).code).to.equal('CM_BLUR_UNSUPPORTED');
      expect(errors).to.deep.equal(['CM_BLUR_UNSUPPORTED']);
      expect(client.$local.get().videoProcessor).not.to.equal(true);
    } finally {
      world.destroy();
    }
  });

  it("contains MediaPipe's alert(): a coded CM_BLUR_FAILED instead of a dialog, no globals, nothing left in the DOM", async () => {
    const alerts = watchAlerts();
    const globals = new Set(Object.getOwnPropertyNames(window));
    const nodes = document.querySelectorAll('*').length;
    try {
      // MediaPipe itself, without canBlur() in front: it finds no WebGL and alerts.
      const error = await loadSegmenter({ assetBase, cpuInference: true }).then(() => null, (e: unknown) => e);
      expect(error).to.be.instanceOf(ChatMeetError);
      expect((error as ChatMeetError).code).to.equal('CM_BLUR_FAILED');
      expect(String((error as ChatMeetError).details?.alert)).to.match(/WebGL/);
      expect(alerts.calls, 'the host page saw no alert').to.deep.equal([]);
      expect(Object.getOwnPropertyNames(window).filter((k) => !globals.has(k)), 'new globals').to.deep.equal([]);
      expect(document.querySelectorAll('*').length, 'DOM nodes left behind').to.equal(nodes);
      expect(window.length, 'frames').to.equal(0);
    } finally {
      alerts.restore();
    }
  });
});
