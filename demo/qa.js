// The QA panel: switches for every scenario, applied to a storefront in an iframe
// (the customer). Backend-side switches go to the host backend's REST routes; browser-side
// ones (in-app browser, language, online) are the storefront's URL and presence.
import { api, noBackend, setNoBackend, startHost } from './lib/host.js';

const form = document.getElementById('switches');
const holder = document.getElementById('customer');
form.elements.noBackend.checked = noBackend();
document.getElementById('backend').textContent = noBackend() ? 'none (msw + BroadcastChannel)' : 'the demo server (/api, /signal)';

await startHost();
const [conversation, channel] = await Promise.all([api.get('/api/conversations/conv-1'), api.get('/api/channel')]);
form.elements.assignee.value = conversation.assigneeId ?? '';
form.elements.source.value = conversation.source;
form.elements.customerCanStartMeet.checked = channel.customerCanStartMeet;

function storefrontUrl() {
  const q = new URLSearchParams({ customer: 'cust-1', conversation: 'conv-1' });
  if (form.elements.inapp.value) q.set('inapp', form.elements.inapp.value);
  if (form.elements.lang.value) q.set('lang', form.elements.lang.value);
  return `/storefront?${q}`;
}
function renderCustomer() {
  if (!form.elements.online.checked) {
    holder.replaceChildren(Object.assign(document.createElement('p'), { className: 'offline', textContent: 'The customer is offline (no storefront open).' }));
    return;
  }
  const frame = Object.assign(document.createElement('iframe'), { src: storefrontUrl(), title: 'The customer: storefront with the chat widget' });
  frame.allow = 'camera; microphone; display-capture; autoplay; clipboard-write';
  holder.replaceChildren(frame);
}
renderCustomer();

form.addEventListener('change', async (event) => {
  const name = event.target.name;
  if (name === 'customerCanStartMeet') await api.patch('/api/channel', { customerCanStartMeet: event.target.checked });
  else if (name === 'assignee') await api.patch('/api/conversations/conv-1', { assigneeId: event.target.value || null });
  else if (name === 'source') await api.patch('/api/conversations/conv-1', { source: event.target.value });
  else if (name === 'noBackend') {
    setNoBackend(event.target.checked);
    location.reload();
  } else renderCustomer(); // online, in-app browser, language: a new storefront
});
document.getElementById('reset').addEventListener('click', async () => {
  await api.post('/api/reset');
  location.reload();
});
