/**
 * The ring sound, made with WebAudio (no audio file to host, fetch or allow in a CSP).
 *
 * Autoplay rules: a page may not start sound before the user has interacted with it. The
 * tone asks its AudioContext to resume; where the browser refuses, it stays silent
 * (`blocked`) and starts the moment the context runs — after the next click or key press
 * on the page, which it also uses to resume. It never throws and never plays after stop().
 */

/** `incoming`: two short beeps every 3 s; `outgoing`: a ringback tone, 1 s in every 3 s. */
export type RingPattern = 'incoming' | 'outgoing';
export type RingToneState = 'playing' | 'blocked' | 'stopped';

export interface RingTone {
  readonly state: RingToneState;
  /** The node the tone leaves through (to the speakers); tests listen to it. */
  readonly output: AudioNode | null;
  stop(): void;
}

export interface RingToneOptions {
  /** Makes the AudioContext; default `new AudioContext()`. */
  context?: () => AudioContext;
  /** Called whenever {@link RingTone.state} changes. */
  onState?: (state: RingToneState) => void;
  /** Loudness 0–1; default 0.15 (a notice, not an alarm). */
  volume?: number;
}

const PATTERNS: Record<RingPattern, { freqs: number[]; cycle: number; on: [number, number][] }> = {
  incoming: { freqs: [660, 880], cycle: 3, on: [[0, 0.35], [0.5, 0.85]] },
  outgoing: { freqs: [440, 480], cycle: 3, on: [[0, 1]] },
};

const GESTURES = ['pointerdown', 'keydown', 'touchend'] as const;

export function startRingTone(pattern: RingPattern, options: RingToneOptions = {}): RingTone {
  let state: RingToneState = 'blocked';
  let ctx: AudioContext | null = null;
  let gain: GainNode | null = null;
  let oscillators: OscillatorNode[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  const p = PATTERNS[pattern];
  const volume = options.volume ?? 0.15;

  const set = (next: RingToneState) => {
    if (state === next) return;
    state = next;
    options.onState?.(next);
  };
  const resume = () => void ctx?.resume().catch(() => undefined);
  const unlisten = () => GESTURES.forEach((g) => document.removeEventListener(g, resume, true));

  // Schedules one cycle of the pattern on the audio clock, then the next one just before it ends.
  const schedule = () => {
    if (!ctx || !gain || state !== 'playing') return;
    const t0 = ctx.currentTime + 0.05;
    for (const [from, to] of p.on) {
      gain.gain.setValueAtTime(0, t0 + from);
      gain.gain.linearRampToValueAtTime(volume, t0 + from + 0.02);
      gain.gain.setValueAtTime(volume, t0 + to - 0.02);
      gain.gain.linearRampToValueAtTime(0, t0 + to);
    }
    timer = setTimeout(schedule, p.cycle * 1000);
  };

  const onContextState = () => {
    if (!ctx || state === 'stopped') return;
    if (ctx.state === 'running' && state !== 'playing') {
      set('playing');
      unlisten();
      schedule();
    } else if (ctx.state !== 'running' && state === 'playing') {
      if (timer) clearTimeout(timer);
      set('blocked');
    }
  };

  try {
    ctx = options.context ? options.context() : new AudioContext();
    gain = ctx.createGain();
    gain.gain.value = 0;
    gain.connect(ctx.destination);
    oscillators = p.freqs.map((f) => {
      const o = ctx!.createOscillator();
      o.frequency.value = f;
      o.connect(gain!);
      o.start();
      return o;
    });
    ctx.addEventListener('statechange', onContextState);
    GESTURES.forEach((g) => document.addEventListener(g, resume, true));
    resume();
    onContextState();
  } catch {
    // No WebAudio here (or it refused): the ring is visual only.
    ctx = null;
    set('stopped');
  }

  return {
    get state() {
      return state;
    },
    get output() {
      return gain;
    },
    stop() {
      if (timer) clearTimeout(timer);
      unlisten();
      set('stopped');
      if (!ctx) return;
      ctx.removeEventListener('statechange', onContextState);
      oscillators.forEach((o) => {
        try {
          o.stop();
        } catch {
          /* already stopped */
        }
      });
      void ctx.close().catch(() => undefined);
      ctx = null;
    },
  };
}
