// The desk (manager side): conversations, assign/unassign, the meet menu (R7), the
// customer profile that opens a new conversation with a meet (R8), the follow-up log.
// Incoming rings from customers appear through chat-meet's ring element.
import { api, every, h, params, renderMessages, startHost } from './lib/host.js';

const $ = (id) => document.getElementById(id);
const managerId = params.get('manager') ?? 'mgr-1';

ChatMeet('on', 'meetStateChanged', (m) => {
  $('meet-status').textContent = m.status + (m.kind ? ` (${m.kind})` : '');
  document.body.dataset.meet = m.status;
  document.body.dataset.kind = m.kind ?? '';
  document.body.dataset.endReason = m.endReason ?? '';
  if (m.followUpLink) document.body.dataset.followUp = m.followUpLink;
});
ChatMeet('on', 'connected', () => (document.body.dataset.connected = 'true'));
ChatMeet('on', 'error', (e) => Object.assign($('error'), { hidden: false, textContent: `${e.code}: ${e.message}` }));

await startHost();
const session = await api.post('/api/session', { userId: managerId });
const directory = await api.get('/api/directory');
const names = Object.fromEntries([...directory.managers, ...directory.customers].map((u) => [u.id, u.name]));
$('me').textContent = session.user.name;

let conversations = await api.get('/api/conversations');
let selectedId = params.get('conversation') ?? conversations[0]?.id;
const selected = () => conversations.find((c) => c.id === selectedId);
const toBoot = (c) => ({ id: c.id, assigneeId: c.assigneeId, source: c.source, customerId: c.customerId });

ChatMeet('boot', {
  user: { id: session.user.id, name: session.user.name, role: 'manager' },
  signaling: session.signaling,
  conversation: toBoot(selected()),
  // R7: the follow-up link opens the customer's page (the default would be this desk page).
  meetLink: (meetId) => `${location.origin}/storefront?chat-meet=${encodeURIComponent(meetId)}`,
});

function render() {
  const c = selected();
  $('conversations').replaceChildren(
    ...conversations.map((x) =>
      h('li', {},
        h('button', { type: 'button', 'data-conversation': x.id, 'aria-current': x.id === selectedId ? 'true' : false, onclick: () => select(x.id) },
          h('b', {}, x.customerName), ` · ${x.source}`, h('small', {}, x.assigneeName ? `assigned to ${x.assigneeName}` : 'unassigned')),
      ),
    ),
  );
  if (!c) return;
  $('conv-title').textContent = `${c.customerName} — ${c.id}`;
  $('assignee').textContent = c.assigneeName ?? 'nobody';
  $('source').textContent = c.source;
  $('assign').disabled = c.assigneeId === managerId;
  $('unassign').disabled = !c.assigneeId;
  renderMessages($('messages'), c, managerId, names);
  const customer = directory.customers.find((x) => x.id === c.customerId);
  $('profile').replaceChildren(
    ...[['Name', customer?.name], ['E-mail', customer?.email], ['Phone', customer?.phone], ['Conversations', conversations.filter((x) => x.customerId === c.customerId).length]].flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, String(v ?? '—'))]),
  );
}

function select(id) {
  selectedId = id;
  ChatMeet('updateConversation', toBoot(selected()));
  render();
}

async function refresh() {
  const before = selected();
  conversations = await api.get('/api/conversations');
  const now = selected();
  if (now && (now.assigneeId !== before?.assigneeId || now.source !== before?.source)) ChatMeet('updateConversation', toBoot(now));
  render();
  const followUps = await api.get('/api/follow-ups');
  $('follow-ups').replaceChildren(
    ...followUps.slice(-10).reverse().map((f) => h('li', {}, `${f.reason === 'offline' ? 'Offline' : 'Missed'}: ${names[f.calleeId] ?? f.calleeId} (${f.conversationId ?? 'team'}) `, h('a', { href: f.link, class: 'follow-up-link' }, 'meet link'), h('small', {}, ` ${f.delivery ?? ''}`))),
  );
}
every(1000, refresh);

async function assign(assigneeId) {
  await api.patch(`/api/conversations/${selectedId}`, { assigneeId });
  await refresh();
}
$('assign').addEventListener('click', () => assign(managerId));
$('unassign').addEventListener('click', () => assign(null));

// R8: a new conversation with this customer, assigned to me, with a meet in it.
async function meetFromProfile(kind) {
  const customerId = selected()?.customerId;
  const created = await api.post('/api/conversations', { customerId, assigneeId: managerId });
  conversations = await api.get('/api/conversations');
  select(created.id);
  // An online customer's widget picks up the new conversation, with a token that lists it,
  // and says so once connected (customerReady), within a second or two; an offline
  // customer gets a follow-up link instead (R7).
  const until = Date.now() + 10_000;
  while (Date.now() < until && !(await api.get(`/api/conversations/${created.id}`)).customerReady) await new Promise((r) => setTimeout(r, 250));
  ChatMeet('startMeet', { kind });
}
$('profile-video').addEventListener('click', () => meetFromProfile('video'));
$('profile-voice').addEventListener('click', () => meetFromProfile('voice'));

$('send').addEventListener('submit', async (event) => {
  event.preventDefault();
  const input = event.target.elements.text;
  if (!input.value.trim()) return;
  await api.post(`/api/conversations/${selectedId}/messages`, { from: managerId, text: input.value });
  input.value = '';
  await refresh();
});
render();
