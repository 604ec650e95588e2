// The team chat room (R9): a manager starts a meet that rings the other managers of the room.
import { api, h, params, startHost } from './lib/host.js';

const $ = (id) => document.getElementById(id);
const managerId = params.get('manager') ?? 'mgr-1';

ChatMeet('on', 'meetStateChanged', (m) => {
  $('meet-status').textContent = m.status + (m.kind ? ` (${m.kind})` : '');
  document.body.dataset.meet = m.status;
  document.body.dataset.kind = m.kind ?? '';
  document.body.dataset.endReason = m.endReason ?? '';
});
ChatMeet('on', 'connected', () => (document.body.dataset.connected = 'true'));
ChatMeet('on', 'error', (e) => Object.assign($('error'), { hidden: false, textContent: `${e.code}: ${e.message}` }));

await startHost();
const session = await api.post('/api/session', { userId: managerId });
const { managers, teamRoom } = await api.get('/api/directory');
$('me').textContent = session.user.name;
$('room-title').textContent = `#${teamRoom.name}`;
$('members').textContent = managers.map((m) => m.name).join(', ');
$('switch').replaceChildren(...managers.filter((m) => m.id !== managerId).map((m) => h('a', { href: `/team?manager=${m.id}` }, m.name, ' ')));

ChatMeet('boot', {
  user: { id: session.user.id, name: session.user.name, role: 'manager' },
  signaling: session.signaling,
  // A team room: a call rings the other members (R9).
  conversation: { id: teamRoom.id, teamRoomId: teamRoom.id, memberIds: teamRoom.memberIds.filter((id) => id !== managerId) },
});
