/**
 * Capturing this client's microphone, camera and screen, with coded errors. Every
 * track made here is stopped by {@link LocalMedia.stopAll}: after a meet the camera
 * light goes off, and a refused capture leaves nothing behind.
 */
import { microphoneConstraints } from '../media/noise.js';
import { ChatMeetError, ErrorCodes } from './errors.js';
import type { MediaProvider, MeetClientOptions } from './types.js';

/** What a capture was for: the permission guide picks its topic by it (camera/microphone, R17; screen, R12). */
export type CaptureWhat = 'microphone' | 'camera' | 'screen';

/**
 * The coded error for a refused or failed capture. `details.what` says which device;
 * `details.bySystem` is true where the browser says the operating system refused (Chrome's
 * "Permission denied by system": macOS Screen Recording, or OS camera privacy), so a
 * screen-share refusal from the OS can be told apart from the user closing the picker.
 */
function mediaError(error: unknown, what: CaptureWhat): ChatMeetError {
  const name = (error as { name?: string })?.name ?? '';
  const message = String((error as { message?: string })?.message ?? '');
  if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError') {
    const bySystem = /by system/i.test(message);
    return new ChatMeetError(ErrorCodes.MEDIA_DENIED, `Access to the ${what} was refused. Allow it in the browser's site settings (and the system's privacy settings), then reload and try again.`, { name, what, bySystem });
  }
  return new ChatMeetError(ErrorCodes.MEDIA_UNAVAILABLE, `The ${what} could not be started (${name || 'unknown error'}). Check that one is connected and not used by another app, or pick another device.`, { name, what });
}

/** What a capture uses: the chosen devices and the noise suppression wanted (`null`: the browser's default). */
export interface CapturePrefs {
  micId: string | null;
  cameraId: string | null;
  noiseSuppression: boolean | null;
}

export interface LocalMedia {
  /** The microphone; `override` replaces the preferred device or noise suppression for this capture. */
  mic(override?: Partial<CapturePrefs>): Promise<MediaStreamTrack>;
  camera(override?: Partial<CapturePrefs>): Promise<MediaStreamTrack>;
  screen(): Promise<MediaStreamTrack>;
  /** A blank video track that only exists so a link negotiates video up front. */
  placeholder(): MediaStreamTrack;
  /** Stops one track made here. */
  stop(track: MediaStreamTrack | null | undefined): void;
  stopAll(): void;
}

export function createLocalMedia(options: MeetClientOptions, prefs: () => CapturePrefs): LocalMedia {
  const md = typeof navigator !== 'undefined' ? navigator.mediaDevices : undefined;
  const provider: MediaProvider = {
    getUserMedia: options.media?.getUserMedia ?? ((c) => md!.getUserMedia(c)),
    getDisplayMedia: options.media?.getDisplayMedia ?? ((c) => md!.getDisplayMedia(c)),
  };
  const live = new Set<MediaStreamTrack>();
  let blank: MediaStreamTrack | null = null;

  /**
   * `anyDevice`: the same request without the preferred device, tried when that device is gone
   * (unplugged, or a saved id the browser no longer knows), so a stale choice never stops a
   * meet. Not for an explicit switch (`override`): that one is refused and the old device stays.
   */
  const capture = async (what: CaptureWhat, get: () => Promise<MediaStream>, kind: 'audio' | 'video', anyDevice?: () => Promise<MediaStream>) => {
    let stream: MediaStream;
    try {
      stream = await get().catch((error: unknown) => {
        const name = (error as { name?: string })?.name; // OverconstrainedError is no DOMException in Chromium
        const gone = name === 'OverconstrainedError' || name === 'NotFoundError';
        if (anyDevice && gone) return anyDevice();
        throw error;
      });
    } catch (error) {
      throw mediaError(error, what);
    }
    const [track, ...extra] = kind === 'audio' ? stream.getAudioTracks() : stream.getVideoTracks();
    // Anything we did not ask for (e.g. tab audio with a screen) is stopped at once.
    for (const t of stream.getTracks()) if (t !== track) t.stop();
    extra.forEach((t) => t.stop());
    if (!track) throw mediaError(new DOMException('no track', 'NotFoundError'), what);
    live.add(track);
    return track;
  };

  return {
    mic: (override = {}) => {
      const p = { ...prefs(), ...override };
      // Noise suppression goes with echo cancellation and auto gain (a call needs both).
      const constraints = (micId: string | null) =>
        p.noiseSuppression === null ? (micId ? { deviceId: { exact: micId } } : true) : microphoneConstraints(p.noiseSuppression, micId);
      const anyMic = p.micId && override.micId === undefined ? () => provider.getUserMedia({ audio: constraints(null) }) : undefined;
      return capture('microphone', () => provider.getUserMedia({ audio: constraints(p.micId) }), 'audio', anyMic);
    },
    camera: (override = {}) => {
      const id = { ...prefs(), ...override }.cameraId;
      const v = options.video ?? {};
      const video: MediaTrackConstraints = { width: { ideal: v.width ?? 640 }, height: { ideal: v.height ?? 360 }, frameRate: { ideal: v.frameRate ?? 24 } };
      const anyCamera = id && override.cameraId === undefined ? () => provider.getUserMedia({ video }) : undefined;
      return capture('camera', () => provider.getUserMedia({ video: id ? { ...video, deviceId: { exact: id } } : video }), 'video', anyCamera);
    },
    screen: () => capture('screen', () => provider.getDisplayMedia({ video: true, audio: false }), 'video'),
    placeholder() {
      if (blank && blank.readyState === 'live') return blank;
      const canvas = document.createElement('canvas');
      canvas.width = 16;
      canvas.height = 16;
      canvas.getContext('2d')?.fillRect(0, 0, 16, 16);
      blank = canvas.captureStream(0).getVideoTracks()[0];
      live.add(blank);
      return blank;
    },
    stop(track) {
      if (!track) return;
      track.stop();
      live.delete(track);
    },
    stopAll() {
      for (const t of live) t.stop();
      live.clear();
      blank = null;
    },
  };
}
