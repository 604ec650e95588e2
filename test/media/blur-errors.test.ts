/**
 * Blur's failures are coded and leave nothing behind: assets that do not load, and a
 * device too slow for the speed check (a real measurement against a tiny limit).
 */
import { expect } from 'chai';
import { ChatMeetError } from '../../src/core/errors.js';
import { canBlur, createBlurProcessor } from '../../src/media/blur/index.js';
import { liveTracks } from '../helpers/spy.js';

const assetBase = '/node_modules/@mediapipe/selfie_segmentation/';
const camera = async () => (await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 360 } })).getVideoTracks()[0];

async function failedStart(options: Parameters<typeof createBlurProcessor>[0]) {
  const cam = await camera();
  const live = liveTracks();
  const nodes = document.querySelectorAll('*').length;
  const blur = createBlurProcessor(options);
  const events: ChatMeetError[] = [];
  blur.on('error', (e) => events.push(e));
  const error = (await blur.start(cam).then(() => null, (e: unknown) => e)) as ChatMeetError;
  const after = { live: liveTracks() - live, nodes: document.querySelectorAll('*').length - nodes, camera: cam.readyState, track: blur.track };
  blur.close();
  cam.stop();
  return { error, events, after };
}

describe('blur failures', function () {
  this.timeout(60_000);

  it('canBlur passes here (WebGL2 in software, captureStream, wasm SIMD) and says the GL is software', () => {
    const support = canBlur();
    expect(support.ok).to.equal(true);
    if (support.ok) expect(support.softwareGl).to.equal(true);
  });

  it('assets that do not load: CM_BLUR_LOAD_FAILED naming the URL, nothing left behind', async () => {
    const { error, events, after } = await failedStart({ assetBase: '/no-such-folder/' });
    expect(error).to.be.instanceOf(ChatMeetError);
    expect(error.code).to.equal('CM_BLUR_LOAD_FAILED');
    expect(error.message).to.contain('/no-such-folder/selfie_segmentation.js');
    expect(events.map((e) => e.code)).to.deep.equal(['CM_BLUR_LOAD_FAILED']);
    expect(after).to.deep.equal({ live: 0, nodes: 0, camera: 'live', track: null });
  });

  it('too slow for the speed check: CM_BLUR_TOO_SLOW with the measured time, blur stays off', async () => {
    const { error, events, after } = await failedStart({ assetBase, tooSlowMs: 0.5 });
    expect(error.code).to.equal('CM_BLUR_TOO_SLOW');
    expect(error.details?.segmentMs).to.be.a('number');
    expect(error.message).to.match(/too slow/);
    expect(events).to.have.length(1);
    expect(after.live, 'no output track left live').to.equal(0);
    expect(after.camera).to.equal('live');
    expect(after.track).to.equal(null);
  });
});
