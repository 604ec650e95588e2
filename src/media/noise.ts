/**
 * R14/R15 noise suppression on the microphone: the browser's own `noiseSuppression`
 * constraint (always together with echo cancellation and auto gain, which a call needs),
 * applied with `applyConstraints()` where that takes, else by re-acquiring the microphone,
 * and read back with `getSettings()` so the UI shows what is really in effect.
 * Where the browser has no such constraint (Safari, iOS), the toggle says so; an RNNoise
 * AudioWorklet for those is a later step (docs/blur.md#noise-suppression).
 */

export type NoiseSuppressionSupport = { supported: true } | { supported: false; reason: string };

/** Whether this browser lets a page turn its noise suppression on and off. */
export function noiseSuppressionSupport(mediaDevices: MediaDevices | undefined = globalThis.navigator?.mediaDevices): NoiseSuppressionSupport {
  const supported = mediaDevices?.getSupportedConstraints?.().noiseSuppression === true;
  return supported
    ? { supported: true }
    : { supported: false, reason: 'This browser does not let pages switch its microphone noise suppression; it uses its own setting.' };
}

/** The microphone constraints for noise suppression `on` (echo cancellation and auto gain stay on). */
export function microphoneConstraints(on: boolean, deviceId?: string | null): MediaTrackConstraints {
  return { noiseSuppression: on, echoCancellation: true, autoGainControl: true, ...(deviceId ? { deviceId: { exact: deviceId } } : {}) };
}

/** What the track says is in effect: `null` where the browser does not report it. */
export function readNoiseSuppression(track: MediaStreamTrack | null | undefined): boolean | null {
  const value = track?.getSettings().noiseSuppression;
  return typeof value === 'boolean' ? value : null;
}

/**
 * Sets noise suppression on `track`. Tries `applyConstraints()`; when the setting read back
 * does not match (Chromium fixes audio processing when the device opens), stops `track` —
 * while it is open, a new capture of the same device inherits its processing — and calls
 * `reacquire` for a new one with {@link microphoneConstraints}; the caller swaps it in with
 * `replaceTrack`. If that capture fails, the microphone is re-acquired as it was. Resolves
 * with the track to use and what is in effect (read back, never assumed).
 */
export async function setNoiseSuppression(
  track: MediaStreamTrack,
  on: boolean,
  reacquire: (constraints: MediaTrackConstraints) => Promise<MediaStreamTrack>,
): Promise<{ track: MediaStreamTrack; inEffect: boolean | null; reacquired: boolean }> {
  const deviceId = track.getSettings().deviceId;
  await track.applyConstraints({ ...track.getConstraints(), ...microphoneConstraints(on) }).catch(() => undefined);
  const now = readNoiseSuppression(track);
  if (now === on || now === null) return { track, inEffect: now, reacquired: false };
  track.stop();
  const fresh = await reacquire(microphoneConstraints(on, deviceId)).catch(() => reacquire(microphoneConstraints(!on, deviceId)));
  return { track: fresh, inEffect: readNoiseSuppression(fresh), reacquired: true };
}
