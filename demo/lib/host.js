// What every demo page shares: the host backend's REST API (the Node server's, or msw's
// mock in "no backend" mode), the URL's switches, and small DOM helpers.

const NO_BACKEND_KEY = 'chat-meet-demo:no-backend';
export const params = new URLSearchParams(location.search);

/** "No backend" mode (QA panel): msw answers /api/* in the browser; meets go through BroadcastChannel. */
export const noBackend = () => params.get('backend') === 'none' || localStorage.getItem(NO_BACKEND_KEY) === '1';
export function setNoBackend(on) {
  if (on) localStorage.setItem(NO_BACKEND_KEY, '1');
  else localStorage.removeItem(NO_BACKEND_KEY);
}

/** Starts the mock backend first when the page runs without one. */
export async function startHost() {
  if (noBackend()) {
    const { startMockBackend } = await import('/dist/demo/mock-backend.js');
    await startMockBackend();
  }
}

async function request(method, path, body) {
  const res = await fetch(path, { method, headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined });
  const data = await res.json().catch(() => null);
  if (!res.ok) throw new Error(`${method} ${path}: ${data?.code ?? res.status} ${data?.message ?? ''}`);
  return data;
}
export const api = {
  get: (path) => request('GET', path),
  post: (path, body = {}) => request('POST', path, body),
  patch: (path, body) => request('PATCH', path, body),
};

/** `h('li', { class: 'x' }, 'text', child)`: a tiny element builder (no innerHTML, no injection). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v == null) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  el.append(...children.flat().filter((c) => c != null && c !== false));
  return el;
}

/** Renders chat messages; a follow-up's meet link (R7) is a link. */
export function renderMessages(list, conversation, selfId, names = {}) {
  const atBottom = list.scrollTop + list.clientHeight >= list.scrollHeight - 8;
  list.replaceChildren(
    ...conversation.messages.map((m) =>
      h('li', { class: m.from === selfId ? 'mine' : 'theirs' },
        h('span', { class: 'who' }, names[m.from] ?? m.from),
        h('span', { class: 'text' }, m.text),
        m.link ? h('a', { class: 'meet-link', href: m.link, 'data-meet-link': '' }, 'Join the meet') : null,
      ),
    ),
  );
  if (atBottom) list.scrollTop = list.scrollHeight;
}

/** Calls `fn` now and every `ms` (the demo polls its backend; a real one might push). */
export function every(ms, fn) {
  let stopped = false;
  const tick = async () => {
    if (stopped) return;
    try {
      await fn();
    } catch (error) {
      console.warn('[demo]', error);
    }
    setTimeout(tick, ms);
  };
  void tick();
  return () => (stopped = true);
}

/** User agents for the QA panel's simulated in-app browsers (R16). */
export const IN_APP_AGENTS = {
  kakaotalk: 'Mozilla/5.0 (Linux; Android 13; SM-S911N) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36 KAKAOTALK 10.4.3',
  instagram: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 309.0.0.40.113',
  facebook: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/442.0.0.32.113]',
  line: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Line/13.20.0',
};

/**
 * The environment an in-app browser is detected as (R16): no meets, and the app's way out
 * to the system browser where it has one (KakaoTalk, LINE), steps where it has none.
 */
export function inAppEnvironment(app) {
  const here = location.href.replace(/([?&])inapp=[^&]*&?/, '$1').replace(/[?&]$/, '');
  const escape = {
    kakaotalk: { kind: 'url', url: `kakaotalk://web/openExternal?url=${encodeURIComponent(here)}` },
    line: { kind: 'url', url: `${here}${here.includes('?') ? '&' : '?'}openExternalBrowser=1` },
  }[app] ?? { kind: 'instructions' };
  return { inApp: true, mobile: true, os: app === 'kakaotalk' ? 'android' : 'ios', supports: { meet: false, screenShare: false }, escape };
}
