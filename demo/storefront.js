// The storefront's side of the integration: boot chat-meet for the signed-in customer
// and its conversation; calls made before the SDK loads are queued by the snippet.
const events = document.getElementById('events');
const status = document.getElementById('status');
const log = (text) => events.append(Object.assign(document.createElement('li'), { textContent: text }));

ChatMeet('on', 'booted', (config) => {
  status.textContent = `ready (chat-meet ${ChatMeet.version}), signed in as ${config.user.name}`;
  log(`booted for conversation ${config.conversation?.id}`);
});
ChatMeet('on', 'conversationChanged', (c) => log(`assignee is now ${c.assigneeId ?? 'nobody'}`));
ChatMeet('on', 'error', (e) => log(`error ${e.code}: ${e.message}`));
ChatMeet('boot', {
  user: { id: 'customer-1', name: 'Mina Kim', role: 'customer' },
  conversation: { id: 'conversation-1', assigneeId: 'manager-1', source: 'web' },
});
