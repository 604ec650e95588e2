// The QA panel's "no backend" mode: msw answers the host backend's REST routes in the
// browser (the same routes as demo/backend.mjs, from demo/lib/backend-rules.js). The data
// lives in localStorage so every tab of this origin sees the same conversations; meets
// go through the BroadcastChannel adapter, which needs no server either.
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { listenBroadcastReports } from 'chat-meet';
import { createDemoDatabase, routeBackend } from './backend-rules.js';

const KEY = 'chat-meet-demo:mock-db';

function load() {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? 'null');
    if (saved) return { ...saved, seenFollowUps: new Set(saved.seenFollowUps ?? []) };
  } catch {
    // a broken save starts over
  }
  return createDemoDatabase();
}
const FOLLOW_UPS = 'chat-meet-demo:mock-follow-ups';
const followUps = () => JSON.parse(localStorage.getItem(FOLLOW_UPS) ?? '[]');
// Without a server, the tabs' own reports (sent over BroadcastChannel) are the follow-up log (R7).
listenBroadcastReports((report, from) => {
  if (report.type !== 'follow-up') return;
  // Every open tab hears the report: keep one entry.
  if (followUps().some((f) => f.meetId === report.meetId && f.calleeId === report.calleeId && f.reason === report.reason)) return;
  const log = [...followUps(), { ...report, from, at: new Date().toISOString(), delivery: 'mock backend' }].slice(-50);
  localStorage.setItem(FOLLOW_UPS, JSON.stringify(log));
});

const save = (db) => localStorage.setItem(KEY, JSON.stringify({ ...db, seenFollowUps: [...db.seenFollowUps] }));

let started = null;
export function startMockBackend() {
  started ??= (async () => {
    const worker = setupWorker(
      http.all('/api/*', async ({ request }) => {
        const url = new URL(request.url);
        const body = request.method === 'GET' ? null : await request.json().catch(() => ({}));
        const db = load();
        const answer = await routeBackend(db, { method: request.method, url, body, signalingFor: async () => 'broadcast-channel', followUps });
        if (!answer) return HttpResponse.json({ code: 'NOT_FOUND', message: `${url.pathname} is not mocked` }, { status: 404 });
        save(db);
        return HttpResponse.json(answer.body, { status: answer.status });
      }),
    );
    await worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, onUnhandledRequest: 'bypass', quiet: true });
    document.documentElement.dataset.backend = 'msw';
  })();
  return started;
}
