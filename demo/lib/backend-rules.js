// The demo host backend's routes and data, shared by the Node server (demo/backend.mjs)
// and the browser mock (demo/lib/mock-backend.js, msw). Plain JS, no dependencies.

export const MANAGERS = [
  { id: 'mgr-1', name: 'Jun Park', role: 'manager' },
  { id: 'mgr-2', name: 'Sora Lee', role: 'manager' },
  { id: 'mgr-3', name: 'Hana Choi', role: 'manager' },
];
export const CUSTOMERS = [
  { id: 'cust-1', name: 'Mina Kim', role: 'customer', email: 'mina@example.com', phone: '+82 10-1234-5678' },
  { id: 'cust-2', name: 'Alex Martin', role: 'customer', email: 'alex@example.com', phone: '+1 555-0100' },
  { id: 'cust-3', name: 'Yuki Tanaka', role: 'customer', email: 'yuki@example.jp', phone: '+81 90-0000-0000' },
];
export const TEAM_ROOM = { id: 'team-support', name: 'Support team', memberIds: MANAGERS.map((m) => m.id) };

/** A fresh demo database: three conversations, one per source kind. */
export function createDemoDatabase() {
  const now = Date.now();
  const message = (from, text, ago) => ({ from, text, at: new Date(now - ago).toISOString() });
  return {
    channel: { customerCanStartMeet: true },
    seq: 3,
    seenFollowUps: new Set(),
    conversations: [
      { id: 'conv-1', customerId: 'cust-1', assigneeId: 'mgr-1', source: 'web', messages: [message('cust-1', 'Hi! My tent pole snapped on the first trip.', 600_000), message('mgr-1', 'Sorry to hear that. Can you show me on video?', 540_000)] },
      { id: 'conv-2', customerId: 'cust-2', assigneeId: null, source: 'web', messages: [message('cust-2', 'Do you ship to Canada?', 300_000)] },
      { id: 'conv-3', customerId: 'cust-3', assigneeId: 'mgr-2', source: 'kakao', messages: [message('cust-3', 'Sent from KakaoTalk: is the stove in stock?', 120_000)] },
    ],
  };
}

export const findUser = (id) => [...MANAGERS, ...CUSTOMERS].find((u) => u.id === id) ?? null;
const ok = (body) => ({ status: 200, body });
const fail = (status, code, message) => ({ status, body: { code, message } });
const withNames = (c) => ({ ...c, customerName: findUser(c.customerId)?.name ?? c.customerId, assigneeName: c.assigneeId ? findUser(c.assigneeId)?.name ?? c.assigneeId : null });

/** R7: the backend delivers each new follow-up as a chat message carrying the meet link. */
function deliverFollowUps(db, followUps) {
  for (const f of followUps()) {
    const key = `${f.meetId}:${f.calleeId}:${f.reason}`;
    if (db.seenFollowUps.has(key)) continue;
    db.seenFollowUps.add(key);
    const conversation = db.conversations.find((c) => c.id === f.conversationId);
    conversation?.messages.push({ from: f.from, text: f.reason === 'offline' ? 'I started a meet while you were away. Join it here:' : 'You missed my call. Join the meet here:', link: f.link, at: f.at ?? new Date().toISOString() });
  }
}

/**
 * Answers one request, or null when the route is not the backend's.
 * `signalingFor(user, conversations, teamRooms)` returns the `signaling` boot option.
 */
export async function routeBackend(db, { method, url, body, signalingFor, followUps }) {
  const path = url.pathname;
  deliverFollowUps(db, followUps);
  if (path === '/api/follow-ups' && method === 'GET') return ok(followUps());
  if (path === '/api/directory' && method === 'GET') return ok({ managers: MANAGERS, customers: CUSTOMERS, teamRoom: TEAM_ROOM });
  if (path === '/api/channel') {
    if (method === 'PATCH' && typeof body?.customerCanStartMeet === 'boolean') db.channel.customerCanStartMeet = body.customerCanStartMeet;
    return ok(db.channel);
  }
  if (path === '/api/session' && method === 'POST') {
    // A real backend takes the user from its own login; the demo lets the page say who it is.
    const user = findUser(body?.userId);
    if (!user) return fail(404, 'UNKNOWN_USER', `No demo user ${JSON.stringify(body?.userId)}: use mgr-1..3 or cust-1..3.`);
    const mine = db.conversations.filter((c) => c.customerId === user.id);
    const conversations = user.role === 'manager' ? ['*'] : mine.map((c) => c.id);
    const teamRooms = user.role === 'manager' ? [TEAM_ROOM.id] : [];
    return ok({ user, channel: db.channel, signaling: await signalingFor(user, conversations, teamRooms) });
  }
  if (path === '/api/conversations') {
    if (method === 'GET') {
      const customer = url.searchParams.get('customer');
      return ok(db.conversations.filter((c) => !customer || c.customerId === customer).map(withNames));
    }
    if (method === 'POST') {
      // R8: from a customer's profile, a manager opens a new conversation (with a meet in it).
      if (!findUser(body?.customerId) || findUser(body.customerId).role !== 'customer') return fail(400, 'BAD_CUSTOMER', 'customerId must be a demo customer.');
      db.seq += 1;
      const conversation = { id: `conv-${db.seq}`, customerId: body.customerId, assigneeId: body.assigneeId ?? null, source: 'web', messages: [], customerReady: false };
      db.conversations.unshift(conversation);
      return { status: 201, body: withNames(conversation) };
    }
  }
  const match = /^\/api\/conversations\/([\w-]+)(\/messages)?$/.exec(path);
  if (match) {
    const conversation = db.conversations.find((c) => c.id === match[1]);
    if (!conversation) return fail(404, 'NO_CONVERSATION', `No conversation ${match[1]}.`);
    if (match[2] && method === 'POST') {
      if (typeof body?.text !== 'string' || !body.text.trim() || !findUser(body.from)) return fail(400, 'BAD_MESSAGE', 'A message needs text and a demo user as from.');
      conversation.messages.push({ from: body.from, text: body.text.slice(0, 2000), at: new Date().toISOString() });
      return { status: 201, body: withNames(conversation) };
    }
    if (method === 'PATCH') {
      if ('assigneeId' in (body ?? {})) {
        if (body.assigneeId !== null && findUser(body.assigneeId)?.role !== 'manager') return fail(400, 'BAD_ASSIGNEE', 'assigneeId must be a manager id or null.');
        conversation.assigneeId = body.assigneeId;
      }
      if (typeof body?.source === 'string') conversation.source = body.source;
      // R8: the customer's widget is connected with a token that lists this conversation; the
      // desk waits for it before ringing in a conversation it has just opened.
      if (body?.customerReady === true) conversation.customerReady = true;
      return ok(withNames(conversation));
    }
    if (method === 'GET') return ok(withNames(conversation));
  }
  if (path === '/api/reset' && method === 'POST') {
    Object.assign(db, createDemoDatabase());
    return ok({ reset: true });
  }
  return null;
}
