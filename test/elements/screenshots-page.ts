/**
 * The page the screenshot test opens in headless Chromium: every element in each state,
 * mounted one at a time by `window.chatMeetShots.show(index)`. Bundled with esbuild by
 * test/elements/screenshots.node.test.ts.
 */
import '../../src/elements/call/call.js';
import '../../src/elements/settings/settings.js';
import { callStates, stopCanvasStreams } from './call-states.js';
import { elementStates } from './screenshots-states.js';

export interface Shot {
  tag: string;
  state: string;
  caption: string;
  /** Viewport to use (default 900 x 640). */
  viewport?: { width: number; height: number };
  /** What to photograph: the element's box, or its shadow root's `.window` (fixed-position call window). */
  clip: 'element' | 'window' | 'viewport';
  mount(): HTMLElement;
  ready?(el: HTMLElement): Promise<void> | void;
}

const everything = { inApp: false, mobile: false, supports: { meet: true, blur: true, noiseSuppression: true, speakerSelection: true } };
const nothingOffered = {
  inApp: false,
  mobile: false,
  supports: { meet: true, blur: false, noiseSuppression: false, speakerSelection: false },
  reasons: { blur: 'Background blur needs WebGL2, which this browser does not have.' },
};

function element(tag: string, props: Record<string, unknown>): HTMLElement {
  const el = document.createElement(tag);
  Object.assign(el, props);
  return el;
}

const tall = { width: 900, height: 1000 };

const shots: Shot[] = [
  // Popups (menus, sheets) are positioned outside the element's box: those get a small viewport.
  ...elementStates.map<Shot>((e) => ({ ...e, clip: e.ready ? 'viewport' : 'element', viewport: e.viewport ?? (e.ready ? { width: 420, height: 480 } : undefined) })),
  ...Object.entries(callStates).map<Shot>(([state, { caption, make }]) => ({
    tag: 'chat-meet-call',
    state,
    caption,
    clip: state === 'mobile' ? 'viewport' : 'window',
    viewport: state === 'mobile' ? { width: 390, height: 760 } : state === 'live-ten-manager' || state === 'screen-share' ? { width: 1000, height: 900 } : undefined,
    mount: () => {
      const { client, props } = make();
      return element('chat-meet-call', { client, locale: 'en', ...props });
    },
  })),
  {
    tag: 'chat-meet-call', state: 'live-two-korean', caption: 'the same window in Korean', clip: 'window',
    mount: () => element('chat-meet-call', { client: callStates['live-two'].make().client, locale: 'ko', userRole: 'manager' }),
  },
  {
    tag: 'chat-meet-settings', state: 'everything-offered', caption: 'camera preview, live microphone level, every switch offered', clip: 'element', viewport: tall,
    mount: () => element('chat-meet-settings', { userId: 'shots-1', environment: everything, locale: 'en', closable: true }),
  },
  {
    tag: 'chat-meet-settings', state: 'nothing-offered', caption: 'R15: no speaker choice, blur and noise suppression disabled with the reason', clip: 'element', viewport: tall,
    mount: () => element('chat-meet-settings', { userId: 'shots-2', environment: nothingOffered, locale: 'en', preview: false }),
  },
  {
    tag: 'chat-meet-settings', state: 'japanese', caption: 'in Japanese, with saved choices', clip: 'element', viewport: tall,
    mount: () => {
      localStorage.setItem('chat-meet:settings:shots-3', JSON.stringify({ joinMuted: true, blur: true, noiseSuppression: true }));
      return element('chat-meet-settings', { userId: 'shots-3', environment: everything, locale: 'ja' });
    },
  },
];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Mounts shot `index` alone on the page and resolves with the box to photograph once its videos show frames. */
async function show(index: number): Promise<{ x: number; y: number; width: number; height: number }> {
  document.body.replaceChildren();
  stopCanvasStreams();
  const shot = shots[index];
  const el = shot.mount();
  // The manager's menu opens towards the start edge: give it room (a button at the very
  // left edge would clip it; reported to the button's owner).
  document.body.style.paddingLeft = shot.tag === 'chat-meet-button' ? '160px' : '';
  document.body.append(el);
  await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  await shot.ready?.(el);
  const deadline = Date.now() + 8000;
  // Settings: wait for the preview and the device lists; everyone: wait for video frames.
  while (Date.now() < deadline) {
    const root = el.shadowRoot!;
    const videos = [...root.querySelectorAll('video')].filter((v) => v.srcObject && getComputedStyle(v).opacity !== '0');
    const previewPending = shot.tag === 'chat-meet-settings' && (el as HTMLElement & { preview: boolean }).preview && !root.querySelector('.preview video');
    if (!previewPending && videos.every((v) => v.readyState >= 2 && v.videoWidth > 0)) break;
    await sleep(50);
  }
  await sleep(shot.tag === 'chat-meet-settings' ? 1200 : 300); // let the level meter and canvases move
  const box = shot.clip === 'window' ? el.shadowRoot!.querySelector('.window')! : el;
  const r = shot.clip === 'viewport' ? { x: 0, y: 0, width: innerWidth, height: innerHeight } : box.getBoundingClientRect();
  const pad = shot.clip === 'viewport' ? 0 : 8;
  return { x: Math.max(0, r.x - pad), y: Math.max(0, r.y - pad), width: Math.ceil(r.width + pad * 2), height: Math.ceil(r.height + pad * 2) };
}

(window as unknown as { chatMeetShots: unknown }).chatMeetShots = {
  list: shots.map(({ tag, state, caption, viewport }) => ({ tag, state, caption, viewport })),
  show,
};
