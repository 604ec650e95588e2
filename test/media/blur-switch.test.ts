/** The settings switch's setBlur: loads chat-meet/blur on first use, serializes quick clicks. */
import { expect } from 'chai';
import { createBlurSwitch } from '../../src/media/blur-switch.js';
import { createWorld, meetOf, type World } from '../helpers/meet.js';
import { sentTracks } from '../helpers/spy.js';
import { waitFor } from '../helpers/wait.js';

const options = { assetBase: '/node_modules/@mediapipe/selfie_segmentation/', tooSlowMs: 60_000, minFps: 0 };

describe('blur switch', function () {
  this.timeout(120_000);
  let world: World;
  afterEach(() => world.destroy());

  it('on, off, on again mid-meet; quick clicks end in the last state', async () => {
    world = createWorld();
    const a = world.add('p0');
    const b = world.add('p1');
    await meetOf(world, a, [b], 'video');
    await a.setCamera(false);
    await b.setCamera(true);
    const blur = createBlurSwitch(b, options);
    await blur.set(true);
    expect(blur.on).to.equal(true);
    expect(b.$local.get().videoProcessor).to.equal(true);
    // The blurred track is a canvas capture; the camera is not.
    const isBlurred = (t: MediaStreamTrack | undefined) => t instanceof CanvasCaptureMediaStreamTrack;
    await waitFor(() => isBlurred(sentTracks('video')[0]), 'the blurred track goes out');
    const blurred = sentTracks('video')[0];
    await blur.set(false);
    expect(blur.on).to.equal(false);
    expect(b.$local.get().videoProcessor).to.equal(false);
    await waitFor(() => sentTracks('video').length === 1 && !isBlurred(sentTracks('video')[0]), 'the camera goes out again');
    expect(blurred.readyState).to.equal('ended');
    // Three clicks without waiting: the end state is the last one, with one processor at most.
    const clicks = [blur.set(true), blur.set(false), blur.set(true)];
    await Promise.all(clicks);
    expect(blur.on).to.equal(true);
    expect(b.$local.get().videoProcessor).to.equal(true);
    await waitFor(() => isBlurred(sentTracks('video')[0]), 'blurred again');
    expect(sentTracks('video').filter((t) => t.readyState === 'live')).to.have.length(1);
    await blur.set(false);
  });
});
