/**
 * Ticks that keep coming in a hidden tab. Browsers throttle a hidden page's timers (to
 * 1 Hz or less) and stop requestAnimationFrame, which would freeze the video peers see;
 * a dedicated worker's timers are not throttled that way. Where a worker cannot be made
 * (a CSP without `worker-src blob:`), page timers take over and a hidden tab runs slower.
 */
export interface FrameClock {
  /** Whether ticks come from a worker (unthrottled in hidden tabs). */
  readonly worker: boolean;
  stop(): void;
}

const WORKER_SOURCE = 'let t;onmessage=(e)=>{clearInterval(t);if(e.data>0)t=setInterval(()=>postMessage(0),e.data)}';

export function startFrameClock(intervalMs: number, tick: () => void): FrameClock {
  let worker: Worker | null = null;
  let url: string | null = null;
  try {
    url = URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' }));
    worker = new Worker(url);
    worker.onmessage = () => tick();
    worker.postMessage(intervalMs);
  } catch {
    worker?.terminate();
    worker = null;
  }
  const timer = worker ? null : setInterval(tick, intervalMs);
  return {
    worker: worker !== null,
    stop() {
      worker?.terminate();
      if (url) URL.revokeObjectURL(url);
      if (timer) clearInterval(timer);
      worker = null;
      url = null;
    },
  };
}
