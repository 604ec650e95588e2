/**
 * Blur in a real meet: two meet clients (real WebRTC in one page), the portrait as camera.
 * The peer receives the processed track (real pixels), blur toggles mid-meet with
 * replaceTrack only (no new offer), and the sender never shows the raw camera while on.
 */
import { expect } from 'chai';
import type { MeetClient } from '../../../src/core/types.js';
import { enableBlur } from '../../../src/media/blur/index.js';
import { createWorld, meetOf, participant, type World } from '../../helpers/meet.js';
import { offersMade, sentTracks } from '../../helpers/spy.js';
import { waitFor } from '../../helpers/wait.js';
import { detail, FACE, FLAG, grabFrame, SHUTTLE } from '../pixels.js';

const assetBase = '/node_modules/@mediapipe/selfie_segmentation/';
// Functional tests must not depend on this shared machine's speed: no speed limits here.
const noSpeedLimits = { tooSlowMs: 60_000, minFps: 0 };

/** The video tracks the open links send. */
const sentVideo = () => sentTracks('video');

/** Background detail relative to the face's, in what `viewer` receives from `id`. */
async function backgroundShare(viewer: MeetClient, id: string): Promise<number> {
  const track = participant(viewer, id)!.stream!.getVideoTracks()[0];
  const img = await grabFrame(track, 640, 360, 3);
  return (detail(img, FLAG) + detail(img, SHUTTLE)) / 2 / detail(img, FACE);
}

describe('blur in a meet', function () {
  this.timeout(200_000);
  let world: World;
  let a: MeetClient;
  let b: MeetClient;
  beforeEach(async () => {
    world = createWorld({ video: { width: 640, height: 360, frameRate: 30 } });
    a = world.add('p0');
    b = world.add('p1');
    await meetOf(world, a, [b], 'video');
    // Only b sends video, so every video sender in the page is one of b's.
    await a.setCamera(false);
    await b.setCamera(true);
    await waitFor(() => Boolean(participant(a, 'p1')?.stream?.getVideoTracks()[0]), 'a receives b\'s video', 20_000);
  });
  afterEach(() => world.destroy());

  it('the peer receives the blurred track; blur toggles off and on mid-meet without renegotiation', async () => {
    const raw = await backgroundShare(a, 'p1');
    const offersBefore = offersMade();

    const blur = await enableBlur(b, { assetBase, ...noSpeedLimits });
    expect(b.$local.get().videoProcessor).to.equal(true);
    const out = blur.track!;
    expect(out).to.be.instanceOf(MediaStreamTrack);
    await waitFor(() => sentVideo().includes(out), 'b sends the blurred track', 10_000);
    expect(sentVideo().some((t) => t !== out && t.readyState === 'live'), 'no link sends the raw camera').to.equal(false);
    const blurred = await backgroundShare(a, 'p1');
    console.log(`background detail relative to the face, as the peer receives it: raw ${raw.toFixed(2)}, blurred ${blurred.toFixed(2)} (×${(blurred / raw).toFixed(2)})`);
    expect(blurred, 'the peer sees the background blurred').to.be.lessThan(raw * 0.6);

    await b.setVideoProcessor(null);
    blur.close();
    expect(b.$local.get().videoProcessor).to.equal(false);
    expect(out.readyState).to.equal('ended');
    await waitFor(() => sentVideo().length > 0 && !sentVideo().includes(out), 'b sends the camera again', 10_000);
    const again = await backgroundShare(a, 'p1');
    expect(again, 'sharp again after blur off').to.be.greaterThan(blurred * 1.4);

    const blur2 = await enableBlur(b, { assetBase, ...noSpeedLimits });
    await waitFor(() => sentVideo().includes(blur2.track!), 'b sends the blurred track again', 10_000);
    expect(offersMade() - offersBefore, 'offers made by toggling blur').to.equal(0);
    expect(a.$meet.get().status).to.equal('live');
    blur2.close();
  });

  it('turning the camera off stops the blur loop; on again blurs again', async () => {
    const blur = await enableBlur(b, { assetBase, ...noSpeedLimits });
    await b.setCamera(false);
    await waitFor(() => !blur.stats().running, 'the loop stops with the camera', 10_000);
    await b.setCamera(true);
    await waitFor(() => blur.stats().running && sentVideo().includes(blur.track!), 'blur runs on the new camera track', 20_000);
    blur.close();
  });
});
