// The storefront's side of the integration (customer): ask the shop's backend who is
// signed in (and for a chat-meet token), boot chat-meet for the conversation, and keep
// it informed when the conversation changes. ChatMeet() calls made before the SDK loads
// are queued by the loader snippet.
import { api, every, IN_APP_AGENTS, inAppEnvironment, params, renderMessages, startHost } from './lib/host.js';

const $ = (id) => document.getElementById(id);
const customerId = params.get('customer') ?? 'cust-1';

ChatMeet('on', 'meetStateChanged', (m) => {
  $('meet-status').textContent = m.status + (m.kind ? ` (${m.kind})` : '');
  document.body.dataset.meet = m.status;
  document.body.dataset.kind = m.kind ?? '';
  document.body.dataset.endReason = m.endReason ?? '';
});
ChatMeet('on', 'connected', () => {
  document.body.dataset.connected = 'true';
  // R8: the desk rings in a conversation it has just opened only once the widget holds it.
  void api.patch(`/api/conversations/${conversation.id}`, { customerReady: true });
});
ChatMeet('on', 'error', (e) => Object.assign($('error'), { hidden: false, textContent: `${e.code}: ${e.message}` }));

await startHost();
const session = await api.post('/api/session', { userId: customerId });
const mine = await api.get(`/api/conversations?customer=${customerId}`);
let conversation = mine.find((c) => c.id === params.get('conversation')) ?? mine[0];
$('me').textContent = session.user.name;

const toBoot = (c) => ({ id: c.id, assigneeId: c.assigneeId, source: c.source });
let channel = JSON.stringify(session.channel);
function boot() {
  ChatMeet('boot', {
    user: { id: session.user.id, name: session.user.name, role: 'customer' },
    signaling: session.signaling,
    conversation: toBoot(conversation),
    customerCanStartMeet: session.channel.customerCanStartMeet,
    ...(params.get('lang') ? { locale: params.get('lang') } : {}),
    // QA: a simulated in-app browser (R16): chat-meet gets the environment such a browser has.
    ...(IN_APP_AGENTS[params.get('inapp')] ? { environment: inAppEnvironment(params.get('inapp')) } : {}),
  });
}
boot();

const names = { [session.user.id]: 'You' };
every(1000, async () => {
  // A manager opened a new conversation with this customer (R8): the widget moves to it,
  // with a fresh token that lists it (unless a meet is ringing or running right now).
  const newest = (await api.get(`/api/conversations?customer=${customerId}`))[0];
  const busy = !['idle', 'ended', undefined].includes(document.body.dataset.meet);
  if (newest && newest.id !== conversation.id && newest.customerReady === false && !busy) {
    Object.assign(session, await api.post('/api/session', { userId: customerId }));
    conversation = newest;
    boot();
  }
  const next = await api.get(`/api/conversations/${conversation.id}`);
  names[next.assigneeId] = next.assigneeName;
  $('assignee').textContent = next.assigneeName ?? 'nobody yet';
  if (next.assigneeId !== conversation.assigneeId || next.source !== conversation.source) ChatMeet('updateConversation', toBoot(next));
  conversation = next;
  for (const m of next.messages) names[m.from] ??= m.from.startsWith('mgr') ? 'Support' : m.from;
  renderMessages($('messages'), next, session.user.id, names);
  // The channel setting changed (QA panel): boot again with it.
  const setting = await api.get('/api/channel');
  if (JSON.stringify(setting) !== channel) {
    channel = JSON.stringify(setting);
    session.channel = setting;
    boot();
  }
});

$('send').addEventListener('submit', async (event) => {
  event.preventDefault();
  const input = event.target.elements.text;
  if (!input.value.trim()) return;
  await api.post(`/api/conversations/${conversation.id}/messages`, { from: session.user.id, text: input.value });
  input.value = '';
});
