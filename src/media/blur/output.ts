/**
 * Turns the compositor's canvas into the track peers receive: `captureStream(0)`, with
 * `requestFrame()` after each draw, so the track carries exactly the frames drawn (the
 * frame clock keeps drawing in hidden tabs). Every browser with WebGL2 has it.
 */
export interface OutputTrack {
  readonly track: MediaStreamTrack;
  /** Sends what the canvas shows now as the next frame. */
  push(): void;
  stop(): void;
}

export function createOutputTrack(canvas: HTMLCanvasElement): OutputTrack {
  const track = canvas.captureStream(0).getVideoTracks()[0] as CanvasCaptureMediaStreamTrack;
  return {
    track,
    push: () => track.requestFrame(),
    stop: () => track.stop(),
  };
}
