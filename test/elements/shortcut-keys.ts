/**
 * The R13 chords as real KeyboardEvents, for the shortcut tests of the ring and the call
 * window. Headless Chromium on Linux: `$mod` is Control (tinykeys reads navigator.platform).
 */
export type Chord = { key: string; code: string; shift?: boolean };

export const CHORDS: Record<'accept' | 'toggleMic' | 'endForAll' | 'leave', Chord> = {
  accept: { key: ' ', code: 'Space', shift: true },
  toggleMic: { key: 'M', code: 'KeyM', shift: true },
  endForAll: { key: 'O', code: 'KeyO', shift: true },
  leave: { key: 'o', code: 'KeyO' },
};

/** Presses `chord` with Ctrl on `target` (it bubbles to the window); returns the event. */
export function press(chord: Chord, target: EventTarget = document.body, extra: KeyboardEventInit = {}): KeyboardEvent {
  const e = new KeyboardEvent('keydown', { key: chord.key, code: chord.code, ctrlKey: true, shiftKey: Boolean(chord.shift), bubbles: true, composed: true, cancelable: true, ...extra });
  target.dispatchEvent(e);
  return e;
}
