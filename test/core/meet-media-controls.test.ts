// R14/R15 mid-meet media controls in real Chromium: device switch, noise suppression and a
// video processor, each swapping tracks on the live links with replaceTrack (no new offer).
import { expect } from 'chai';
import type { MeetClient, VideoProcessor } from '../../src/core/types.js';
import { closeSyntheticMicrophones, createWorld, meetOf, participant, syntheticMicrophone, videoFrames, type World } from '../helpers/meet.js';
import { liveTracks, offersMade, openPeerConnections, sentTracks } from '../helpers/spy.js';
import { sleep, waitFor } from '../helpers/wait.js';

/** A processor that paints a solid colour; its start() waits for `release()`. */
function paintProcessor(colour: string) {
  let open!: () => void;
  let gate = new Promise<void>((r) => (open = r));
  const state = { starts: [] as MediaStreamTrack[], stops: 0, output: null as MediaStreamTrack | null };
  let timer: ReturnType<typeof setInterval> | null = null;
  const processor: VideoProcessor & { state: typeof state; release(): void; fail: Error | null } = {
    state,
    fail: null,
    release: () => open(),
    async start(camera) {
      state.starts.push(camera);
      await gate;
      if (processor.fail) throw processor.fail;
      const canvas = Object.assign(document.createElement('canvas'), { width: 160, height: 120 });
      const g = canvas.getContext('2d')!;
      const paint = () => ((g.fillStyle = colour), g.fillRect(0, 0, 160, 120));
      paint();
      timer = setInterval(paint, 50);
      state.output = canvas.captureStream(15).getVideoTracks()[0];
      return state.output;
    },
    stop() {
      state.stops += 1;
      if (timer) clearInterval(timer);
      state.output?.stop();
      state.output = null;
      gate = new Promise<void>((r) => (open = r));
      if (processor.fail === null) open(); // later starts go straight through unless told to fail
    },
  };
  return processor;
}

/** The centre pixel of what `stream` shows, as [r, g, b]. */
async function centre(stream: MediaStream): Promise<number[]> {
  const video = document.createElement('video');
  video.muted = true;
  video.srcObject = new MediaStream(stream.getVideoTracks());
  await video.play();
  await new Promise((r) => video.requestVideoFrameCallback(r));
  await new Promise((r) => video.requestVideoFrameCallback(r));
  const canvas = Object.assign(document.createElement('canvas'), { width: 16, height: 16 });
  const g = canvas.getContext('2d', { willReadFrequently: true })!;
  g.drawImage(video, 0, 0, 16, 16);
  video.srcObject = null;
  return [...g.getImageData(8, 8, 1, 1).data.slice(0, 3)];
}
const isRed = ([r, g, b]: number[]) => r > 180 && g < 80 && b < 80;

describe('meet client: devices, noise suppression, video processor', function () {
  this.timeout(60_000);
  let world: World;
  let a: MeetClient;
  let b: MeetClient;
  beforeEach(async () => {
    world = createWorld();
    a = world.add('p0');
    b = world.add('p1');
  });
  afterEach(async () => {
    world.destroy();
    await closeSyntheticMicrophones();
    await waitFor(() => openPeerConnections() === 0, 'no open peer connection');
  });

  it('R14: setDevices switches the microphone and camera mid-meet with replaceTrack only', async () => {
    await meetOf(world, a, [b]);
    await a.setCamera(true);
    const devices = await navigator.mediaDevices.enumerateDevices();
    const micId = devices.filter((d) => d.kind === 'audioinput').at(-1)!.deviceId;
    const cameraId = devices.filter((d) => d.kind === 'videoinput').at(-1)!.deviceId;
    const [oldMic, oldCamera] = [sentTracks('audio').find((t) => a.$local.get().stream!.getAudioTracks().includes(t))!, a.$local.get().stream!.getVideoTracks()[0]];
    const offers = offersMade();
    await a.setDevices({ micId, cameraId });
    expect(a.$local.get().devices).to.deep.equal({ micId, cameraId });
    const [mic, camera] = [a.$local.get().stream!.getAudioTracks()[0], a.$local.get().stream!.getVideoTracks()[0]];
    expect(mic.getSettings().deviceId).to.equal(micId);
    expect(camera.getSettings().deviceId).to.equal(cameraId);
    expect(sentTracks('audio')).to.include(mic);
    expect(sentTracks('video')).to.include(camera);
    expect([oldMic.readyState, oldCamera.readyState]).to.deep.equal(['ended', 'ended']);
    expect(sentTracks('audio')).to.not.include(oldMic);
    expect(offersMade(), 'no renegotiation').to.equal(offers);
    expect(await videoFrames(participant(b, 'p0')!.stream)).to.equal(true);
  });

  it('R14: a device that does not exist is refused with a code and the old one keeps going', async () => {
    await meetOf(world, a, [b]);
    const mic = a.$local.get().stream!.getAudioTracks()[0];
    const code = await a.setDevices({ micId: 'no-such-microphone' }).then(() => 'resolved', (e: { code: string }) => e.code);
    expect(code).to.equal('CM_MEDIA_UNAVAILABLE');
    expect(a.$local.get().devices.micId).to.equal(null);
    expect(mic.readyState).to.equal('live');
    expect(sentTracks('audio')).to.include(mic);
  });

  it('R14: devices chosen outside a meet are used by the next one', async () => {
    const devices = await navigator.mediaDevices.enumerateDevices();
    const micId = devices.filter((d) => d.kind === 'audioinput').at(-1)!.deviceId;
    await a.setDevices({ micId });
    expect(a.$local.get().devices).to.deep.equal({ micId, cameraId: null });
    await meetOf(world, a, [b]);
    expect(a.$local.get().stream!.getAudioTracks()[0].getSettings().deviceId).to.equal(micId);
  });

  it('R14: a remembered device that is gone (unplugged, stale id) falls back to the default; the meet starts', async () => {
    await a.setDevices({ micId: 'unplugged-microphone', cameraId: 'unplugged-camera' });
    await meetOf(world, a, [b]);
    const mic = a.$local.get().stream!.getAudioTracks()[0];
    expect(mic.readyState).to.equal('live');
    expect(sentTracks('audio')).to.include(mic);
    await a.setCamera(true);
    expect(a.$local.get().camera).to.equal(true);
    expect(a.$local.get().stream!.getVideoTracks()[0].readyState).to.equal('live');
  });

  it('R15: noise suppression switches on the live mic, read back with getSettings(), no renegotiation', async () => {
    // b must not hold the same fake microphone: a re-capture of an open device keeps its processing.
    b.destroy();
    b = world.add('p1', 'manager', { media: syntheticMicrophone(0) });
    await meetOf(world, a, [b]);
    expect(a.$local.get().noiseSuppression).to.equal(true);
    const offers = offersMade();
    await a.setNoiseSuppression(false);
    const off = a.$local.get().stream!.getAudioTracks()[0];
    expect(a.$local.get().noiseSuppression).to.equal(false);
    expect(off.getSettings()).to.deep.include({ noiseSuppression: false, echoCancellation: true });
    expect(sentTracks('audio')).to.include(off);
    a.setMic(false);
    await a.setNoiseSuppression(true);
    const on = a.$local.get().stream!.getAudioTracks()[0];
    expect(a.$local.get().noiseSuppression).to.equal(true);
    expect(on.getSettings().noiseSuppression).to.equal(true);
    expect(on.enabled, 'a muted mic stays muted after a re-acquire').to.equal(false);
    expect(sentTracks('audio')).to.include(on);
    expect(offersMade()).to.equal(offers);
    expect(participant(b, 'p0')!.connection).to.equal('connected');
  });

  it('R15: noise suppression is null where the browser cannot switch it; the next meet uses the wish', async () => {
    b.destroy();
    b = world.add('p1', 'manager', { media: syntheticMicrophone(0) });
    const proto = MediaDevices.prototype;
    const original = proto.getSupportedConstraints;
    proto.getSupportedConstraints = function () {
      const { noiseSuppression: _, ...rest } = original.call(this);
      return rest;
    };
    let plain: MeetClient;
    try {
      plain = world.add('p7');
    } finally {
      proto.getSupportedConstraints = original;
    }
    expect(plain.$local.get().noiseSuppression).to.equal(null);
    await plain.setNoiseSuppression(true);
    expect(plain.$local.get().noiseSuppression).to.equal(null);
    // Where it can: the choice made before a meet is what the meet's mic gets.
    await a.setNoiseSuppression(false);
    expect(a.$local.get().noiseSuppression).to.equal(false);
    await meetOf(world, a, [b]);
    expect(a.$local.get().noiseSuppression).to.equal(false);
    expect(a.$local.get().stream!.getAudioTracks()[0].getSettings().noiseSuppression).to.equal(false);
  });

  it('R14: a video processor\'s output is sent instead of the camera; nothing raw goes out before start() resolves', async () => {
    await meetOf(world, a, [b]);
    await a.setCamera(true);
    const camera = a.$local.get().stream!.getVideoTracks()[0];
    expect(sentTracks('video')).to.include(camera);
    const red = paintProcessor('#f00');
    let rawSeen = 0;
    let watching = false;
    const watch = setInterval(() => watching && sentTracks('video').includes(camera) && (rawSeen += 1), 10);
    const offers = offersMade();
    try {
      const applied = a.setVideoProcessor(red);
      watching = true;
      expect(a.$local.get().videoProcessor).to.equal(true);
      await waitFor(() => red.state.starts.length === 1, 'processor started');
      expect(red.state.starts[0]).to.equal(camera);
      await sleep(300); // start() is still pending: the links must carry no camera at all
      expect(sentTracks('video')).to.not.include(camera);
      red.release();
      await applied;
      expect(sentTracks('video')).to.include(red.state.output);
      expect(a.$local.get().stream!.getVideoTracks()[0]).to.equal(red.state.output);
      await waitFor(async () => isRed(await centre(participant(b, 'p0')!.stream!)), 'b sees the processed (red) video', 15_000);
      // Camera off stops the processor; on again starts it on the new camera, still nothing raw.
      await a.setCamera(false);
      expect(red.state.stops).to.equal(1);
      expect(sentTracks('video')).to.have.length(0);
      await a.setCamera(true);
      expect(red.state.starts).to.have.length(2);
      expect(sentTracks('video')).to.deep.equal([red.state.output]);
      expect(rawSeen, 'times the raw camera was seen on a link while the processor was set').to.equal(0);
      watching = false;
      // Removing it sends the camera again.
      await a.setVideoProcessor(null);
      expect(a.$local.get().videoProcessor).to.equal(false);
      expect(red.state.stops).to.equal(2);
      const raw = a.$local.get().stream!.getVideoTracks()[0];
      expect(sentTracks('video')).to.deep.equal([raw]);
      expect(offersMade(), 'no renegotiation').to.equal(offers);
    } finally {
      clearInterval(watch);
    }
  });

  it('R14: a processor that fails to start is dropped with a code; the camera goes out as before', async () => {
    await meetOf(world, a, [b]);
    await a.setCamera(true);
    const camera = a.$local.get().stream!.getVideoTracks()[0];
    const broken = paintProcessor('#f00');
    broken.fail = new Error('no GPU today');
    broken.release();
    const code = await a.setVideoProcessor(broken).then(() => 'resolved', (e: { code: string }) => e.code);
    expect(code).to.equal('CM_VIDEO_PROCESSOR_FAILED');
    expect(a.$local.get().videoProcessor).to.equal(false);
    expect(a.$meet.get().error?.code).to.equal('CM_VIDEO_PROCESSOR_FAILED');
    expect(sentTracks('video')).to.deep.equal([camera]);
    const bad = await a.setVideoProcessor({} as VideoProcessor).then(() => 'resolved', (e: { code: string }) => e.code);
    expect(bad).to.equal('CM_INVALID_OPTIONS');
  });

  it('a processor set before the meet applies when the camera turns on; leave stops it and every track', async () => {
    const red = paintProcessor('#f00');
    red.release();
    await a.setVideoProcessor(red);
    expect(red.state.starts).to.have.length(0);
    await meetOf(world, a, [b], 'video');
    await waitFor(() => a.$local.get().camera, 'camera on');
    expect(red.state.starts).to.have.length(1);
    expect(sentTracks('video')).to.include(red.state.output);
    expect(sentTracks('video')).to.not.include(red.state.starts[0]);
    const output = red.state.output!;
    a.leave();
    expect(output.readyState).to.equal('ended');
    expect(red.state.starts[0].readyState).to.equal('ended');
    b.leave();
    await waitFor(() => liveTracks() === 0, 'no live track');
    expect(a.$local.get().videoProcessor, 'the choice outlives the meet').to.equal(true);
  });
});
