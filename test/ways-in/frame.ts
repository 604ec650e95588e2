/**
 * Loads a page into a same-origin iframe (srcdoc), so each way in starts from a clean
 * window, and waits until the page's `window.ChatMeet` is the live API.
 */
export interface FramePage {
  win: Window & { ChatMeet?: ((...args: unknown[]) => unknown) & { loaded?: boolean; version?: string }; log?: unknown[] };
  frame: HTMLIFrameElement;
  remove(): void;
}

export async function loadFrame(html: string): Promise<FramePage> {
  const frame = document.createElement('iframe');
  frame.srcdoc = html;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  return { win: frame.contentWindow as FramePage['win'], frame, remove: () => frame.remove() };
}

export async function waitFor(check: () => unknown, what: string, timeoutMs = 10_000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The inline snippet as integrators paste it, pointed at this test server's build. */
export async function snippetSource(): Promise<string> {
  const text = await (await fetch('/dist/cdn/loader-snippet.min.js')).text();
  return text.replace(/https:\/\/cdn\.jsdelivr\.net\/npm\/chat-meet@[^/]+\/dist\/cdn\/boot\.js/, `${location.origin}/dist/cdn/boot.js`);
}

/** Calls a page makes before chat-meet has loaded; they must replay in this order. */
export const QUEUED_CALLS = `
  window.log = [];
  ChatMeet('on', 'booted', function (c) { log.push('booted:' + c.user.id); });
  ChatMeet('on', 'conversationChanged', function (c) { log.push('conversation:' + c.assigneeId); });
  ChatMeet('boot', { user: { id: 'cust-1', name: 'Mina' }, conversation: { id: 'conv-1' } });
  ChatMeet('updateConversation', { assigneeId: 'mgr-7' });
`;
