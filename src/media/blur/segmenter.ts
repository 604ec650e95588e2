/**
 * MediaPipe selfie segmentation, contained. The package is a classic script that sets
 * globals, appends `<script>` tags to `document.body`, calls `alert()` when WebGL is
 * missing, and throws on `VideoFrame` input. It runs here inside a hidden same-origin
 * iframe (in a closed shadow root, so not even `window.frames` changes): its globals,
 * script tags and `alert` are the iframe's, and its input is always a canvas.
 * See docs/decisions/0006-blur-containment-and-pipeline.md.
 */
import { ChatMeetError, ErrorCodes } from '../../core/errors.js';

/** One segmentation: the mask to upload at once (its pixels are reused by the next call). */
export type Mask = HTMLCanvasElement | ImageBitmap;

export interface Segmenter {
  /** Segments `input`; `use` gets the mask and must upload it before returning. */
  segment(input: HTMLCanvasElement, use: (mask: Mask) => void): Promise<void>;
  /** Frees the wasm graph and removes the iframe. */
  close(): void;
}

export interface SegmenterOptions {
  /** Absolute URL of the folder with MediaPipe's files, ending in `/`. */
  assetBase: string;
  /** Run the model on the CPU (XNNPACK) instead of WebGL: faster without a real GPU. */
  cpuInference: boolean;
  /** Where the hidden iframe goes; default `document`. */
  document?: Document;
  /** A result later than this fails the segmentation (a hung graph must not hang blur). */
  timeoutMs?: number;
}

interface MediaPipeResults {
  segmentationMask: Mask;
  image?: Mask;
}
interface MediaPipeSolution {
  setOptions(options: Record<string, unknown>): void;
  onResults(listener: (results: MediaPipeResults) => void): void;
  initialize(): Promise<void>;
  send(inputs: { image: HTMLCanvasElement }): Promise<void>;
  close(): Promise<void>;
}
type SandboxWindow = Window & { SelfieSegmentation?: new (config: { locateFile: (file: string) => string }) => MediaPipeSolution };

const failed = (code: string, message: string, details?: Record<string, unknown>) => new ChatMeetError(code, message, details);

function loadScript(doc: Document, src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = doc.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(failed(ErrorCodes.BLUR_LOAD_FAILED, `Blur could not load ${src}. Serve chat-meet's dist/blur-assets/ there (or set assetBase), and allow it in the page's CSP (script-src, connect-src, 'wasm-unsafe-eval').`, { src }));
    doc.head.appendChild(script);
  });
}

/** Makes the hidden iframe that hosts MediaPipe; returns it with its host element. */
function makeSandbox(doc: Document): { host: HTMLElement; frame: HTMLIFrameElement } {
  const host = doc.createElement('div');
  host.setAttribute('data-chat-meet', 'blur');
  host.hidden = true;
  host.style.display = 'none';
  const root = host.attachShadow({ mode: 'closed' });
  const frame = doc.createElement('iframe');
  frame.title = 'chat-meet background blur';
  frame.tabIndex = -1;
  frame.setAttribute('aria-hidden', 'true');
  root.appendChild(frame);
  (doc.body ?? doc.documentElement).appendChild(host);
  return { host, frame };
}

/**
 * Loads MediaPipe into a hidden iframe and initializes the landscape model.
 * Rejects with `CM_BLUR_LOAD_FAILED` (assets, CSP) or `CM_BLUR_FAILED` (e.g. its alert).
 */
export async function loadSegmenter(options: SegmenterOptions): Promise<Segmenter> {
  const doc = options.document ?? document;
  const timeoutMs = options.timeoutMs ?? 20_000;
  const { host, frame } = makeSandbox(doc);
  const win = frame.contentWindow as SandboxWindow | null;
  const frameDoc = frame.contentDocument;
  let closed = false;
  let solution: MediaPipeSolution | null = null;
  let fault: ChatMeetError | null = null;
  let waiting: { use: (mask: Mask) => void; resolve: () => void; reject: (e: unknown) => void } | null = null;

  const close = () => {
    if (closed) return;
    closed = true;
    waiting?.reject(failed(ErrorCodes.BLUR_FAILED, 'Blur was stopped.'));
    waiting = null;
    void solution?.close().catch(() => undefined);
    host.remove();
  };
  const fail = (error: ChatMeetError) => {
    fault ??= error;
    waiting?.reject(error);
    waiting = null;
  };

  if (!win || !frameDoc) {
    host.remove();
    throw failed(ErrorCodes.BLUR_UNSUPPORTED, 'Blur needs a same-origin iframe, which this page does not allow.', { reason: 'dom' });
  }
  // The package alerts (a modal dialog in the host page!) when it gets no WebGL context.
  win.alert = (message?: unknown) => fail(failed(ErrorCodes.BLUR_FAILED, `Blur's segmentation could not start: ${String(message)} Blur stays off.`, { alert: String(message) }));
  try {
    await loadScript(frameDoc, `${options.assetBase}selfie_segmentation.js`);
    const Solution = win.SelfieSegmentation;
    if (typeof Solution !== 'function') throw failed(ErrorCodes.BLUR_LOAD_FAILED, `${options.assetBase}selfie_segmentation.js is not MediaPipe selfie segmentation 0.1.1675465747; serve chat-meet's dist/blur-assets/ there.`);
    solution = new Solution({ locateFile: (file) => `${options.assetBase}${file}` });
    // modelSelection 1: the landscape model (144x256 input), made for video calls.
    solution.setOptions({ modelSelection: 1, selfieMode: false, useCpuInference: options.cpuInference });
    solution.onResults((results) => {
      const current = waiting;
      waiting = null;
      try {
        if (current) current.use(results.segmentationMask);
        current?.resolve();
      } catch (error) {
        current?.reject(error);
      } finally {
        for (const bitmap of [results.segmentationMask, results.image]) if (bitmap && 'close' in bitmap) bitmap.close();
      }
    });
    await withTimeout(solution.initialize(), timeoutMs, 'initialize');
    if (fault) throw fault;
  } catch (error) {
    close();
    // After its alert the package fails on its own missing context: report the alert.
    if (fault) throw fault;
    if (error instanceof ChatMeetError) throw error;
    throw failed(ErrorCodes.BLUR_LOAD_FAILED, `Blur's segmentation model could not be loaded (${(error as Error)?.message ?? error}). Check that ${options.assetBase} serves chat-meet's dist/blur-assets/ and that the CSP allows 'wasm-unsafe-eval'.`);
  }

  return {
    async segment(input, use) {
      if (closed) throw failed(ErrorCodes.BLUR_FAILED, 'Blur was stopped.');
      if (fault) throw fault;
      if (waiting) throw failed(ErrorCodes.BLUR_FAILED, 'A segmentation is already running.');
      const result = new Promise<void>((resolve, reject) => (waiting = { use, resolve, reject }));
      try {
        await withTimeout(solution!.send({ image: input }), timeoutMs, 'send');
      } catch (error) {
        fail(error instanceof ChatMeetError ? error : failed(ErrorCodes.BLUR_FAILED, `Segmentation failed: ${(error as Error)?.message ?? error}. Blur turned itself off.`));
      }
      // send() resolves after the graph ran; a frame without a result releases the wait.
      const unanswered = waiting as { resolve: () => void } | null;
      if (unanswered) {
        waiting = null;
        unanswered.resolve();
      }
      return result;
    },
    close,
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(failed(ErrorCodes.BLUR_FAILED, `Segmentation ${what} took longer than ${ms} ms; blur turned itself off.`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
