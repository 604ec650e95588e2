/**
 * The settings panel's own preview: captures the chosen camera and microphone while the
 * panel is shown, measures the microphone level (Web Audio analyser, ~15 times a second),
 * and stops every track when the panel goes away or the preview is turned off: opening
 * settings never leaves a camera on. Device lists come from enumerateDevices and follow
 * `devicechange` (a headset plugged in shows up at once).
 *
 * During a meet the panel captures nothing of its own: {@link PreviewController.borrow}
 * shows the meet's own tracks (a second getUserMedia would open the camera twice — two
 * captures, double the camera's load, and on some devices a "camera in use" failure), and
 * never stops them: they belong to the meet.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The devices of one kind, as `enumerateDevices` lists them (labels need a permission first). */
export interface DeviceLists {
  videoinput: MediaDeviceInfo[];
  audioinput: MediaDeviceInfo[];
  audiooutput: MediaDeviceInfo[];
}

export interface PreviewRequest {
  cameraId: string | null;
  micId: string | null;
  noiseSuppression: boolean;
  /** Whether to capture the camera at all (the panel may show the microphone only). */
  camera: boolean;
}

const EMPTY: DeviceLists = { videoinput: [], audioinput: [], audiooutput: [] };
const LEVEL_INTERVAL_MS = 66;

/** Microphone RMS → 0..1 on a 60 dB scale, the way level meters read. */
export function levelFromRms(rms: number): number {
  if (rms <= 0) return 0;
  return Math.min(1, Math.max(0, (20 * Math.log10(rms) + 60) / 60));
}

export class PreviewController implements ReactiveController {
  stream: MediaStream | null = null;
  devices: DeviceLists = EMPTY;
  /** 0..1, the microphone's current level. */
  level = 0;
  /** The last capture failure (a DOMException name and message), or null. */
  error: string | null = null;
  private request: PreviewRequest | null = null;
  /** The meet's tracks shown instead of a capture of our own (not ours to stop), or null. */
  private borrowed: MediaStreamTrack[] | null = null;
  private generation = 0;
  private audio: { context: AudioContext; timer: ReturnType<typeof setInterval> } | null = null;
  private connected = false;

  constructor(private readonly host: ReactiveControllerHost, private readonly getUserMedia = (c: MediaStreamConstraints) => navigator.mediaDevices.getUserMedia(c)) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    navigator.mediaDevices?.addEventListener('devicechange', this.onDeviceChange);
    if (this.borrowed) this.borrow(this.borrowed, true);
    else if (this.request) void this.start(this.request);
    else void this.refreshDevices();
  }

  hostDisconnected(): void {
    this.connected = false;
    navigator.mediaDevices?.removeEventListener('devicechange', this.onDeviceChange);
    this.stop();
  }

  /** Captures what `request` asks for, replacing the previous preview (same request: no-op). */
  async start(request: PreviewRequest): Promise<void> {
    const same = !this.borrowed && this.request && this.stream && JSON.stringify(this.request) === JSON.stringify(request);
    this.request = request;
    if (this.borrowed) {
      this.stopTracks(); // the level meter only: the meet's tracks stay on
      this.borrowed = null;
    }
    if (!this.connected || same) return;
    const generation = ++this.generation;
    this.stopTracks();
    try {
      const stream = await this.getUserMedia({
        audio: { ...(request.micId ? { deviceId: { exact: request.micId } } : {}), noiseSuppression: request.noiseSuppression },
        video: request.camera ? { ...(request.cameraId ? { deviceId: { exact: request.cameraId } } : {}), width: 320, height: 180 } : false,
      });
      if (generation !== this.generation || !this.connected) {
        stream.getTracks().forEach((t) => t.stop()); // superseded while the browser asked
        return;
      }
      this.stream = stream;
      this.error = null;
      this.listen(stream);
    } catch (e) {
      if (generation !== this.generation) return;
      this.error = `${(e as DOMException).name ?? 'Error'}: ${(e as Error).message ?? e}`;
    }
    await this.refreshDevices();
    this.host.requestUpdate();
  }

  /**
   * Shows `tracks` (the meet's microphone, and its camera when on) instead of capturing:
   * no getUserMedia, and {@link stop} leaves them running. The same tracks again: no-op.
   */
  borrow(tracks: MediaStreamTrack[], force = false): void {
    const same = this.borrowed && this.borrowed.length === tracks.length && this.borrowed.every((t, i) => t === tracks[i]);
    if (same && !force) return;
    this.generation++; // a capture of our own still in flight is dropped when it lands
    this.stopTracks();
    this.borrowed = tracks;
    if (!this.connected) return;
    this.error = null;
    this.stream = tracks.length ? new MediaStream(tracks) : null;
    if (this.stream) this.listen(this.stream);
    void this.refreshDevices();
  }

  /** Stops the preview (tracks and level meter) but remembers the request for a restart. */
  stop(): void {
    this.generation++;
    this.stopTracks();
    this.host.requestUpdate();
  }

  /** Forgets the request: nothing restarts when the host reconnects. */
  clear(): void {
    this.request = null;
    this.stop();
    this.borrowed = null;
  }

  private stopTracks() {
    // Borrowed tracks are the meet's: only the preview's own stream is stopped.
    if (!this.borrowed) this.stream?.getTracks().forEach((t) => t.stop());
    this.stream = null;
    if (this.audio) {
      clearInterval(this.audio.timer);
      void this.audio.context.close().catch(() => undefined);
      this.audio = null;
    }
    this.level = 0;
  }

  private listen(stream: MediaStream) {
    if (!stream.getAudioTracks().length || typeof AudioContext === 'undefined') return;
    const context = new AudioContext();
    const analyser = context.createAnalyser();
    analyser.fftSize = 1024;
    context.createMediaStreamSource(stream).connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    const timer = setInterval(() => {
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const s of samples) sum += s * s;
      const level = levelFromRms(Math.sqrt(sum / samples.length));
      if (Math.abs(level - this.level) > 0.01) {
        this.level = level;
        this.host.requestUpdate();
      }
    }, LEVEL_INTERVAL_MS);
    this.audio = { context, timer };
    void context.resume().catch(() => undefined);
  }

  private async refreshDevices() {
    try {
      const all = (await navigator.mediaDevices?.enumerateDevices()) ?? [];
      const lists: DeviceLists = { videoinput: [], audioinput: [], audiooutput: [] };
      // Chrome's 'default' and 'communications' entries repeat a real device; the panel offers "System default" itself.
      for (const d of all) if (d.kind in lists && d.deviceId && d.deviceId !== 'default' && d.deviceId !== 'communications') lists[d.kind].push(d);
      this.devices = lists;
    } catch {
      this.devices = EMPTY;
    }
    this.host.requestUpdate();
  }

  private readonly onDeviceChange = () => {
    void this.refreshDevices();
  };
}
