// The Preact storefront: the same customer side as /storefront, written the way a shop
// built with a bundler integrates chat-meet — `chat-meet/preact` (components and hooks over
// the meet client), no global, no snippet. `npm start` bundles this file with esbuild
// (demo/serve.mjs).
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { createBroadcastChannelAdapter, createMeetClient, createWebSocketAdapter } from 'chat-meet';
import { MeetButton, MeetCall, MeetPermissionGuide, MeetProvider, MeetRing, MeetSettings, savedMeetOptions, useMeet, usePermissionGuide } from 'chat-meet/preact';
import { api, every, params, startHost } from '../lib/host.js';

/** The meet client for the signed-in customer, made from what the shop's backend returned. */
function useMeetClientFor(session) {
  const [client, setClient] = useState(null);
  useEffect(() => {
    const { signaling, user } = session;
    const adapter = signaling === 'broadcast-channel'
      ? createBroadcastChannelAdapter()
      : createWebSocketAdapter({ url: new URL(signaling.url, location.href).href.replace(/^http/, 'ws') });
    // R14: what the customer chose in the settings panel (join muted, noise suppression,
    // devices) holds from the first meet, as it does in the booted widget.
    const created = createMeetClient({ adapter, self: { id: user.id, name: user.name, role: 'customer', token: signaling.token }, ...savedMeetOptions(user.id) });
    setClient(created);
    created.ready.then(() => (document.body.dataset.connected = 'true'), () => undefined); // for QA and the e2e test
    // R7: a follow-up link (`?chat-meet=<id>`) joins that meet; the link leaves the address bar.
    if (params.has('chat-meet')) {
      const link = location.href;
      const url = new URL(link);
      url.searchParams.delete('chat-meet');
      history.replaceState(history.state, '', url.href);
      created.ready.then(() => created.join(link)).catch(() => undefined); // the error shows from $meet
    }
    return () => created.destroy();
  }, [session]);
  return client;
}

function MeetStatus() {
  const meet = useMeet();
  return <output id="meet-status">{meet.status}{meet.kind ? ` (${meet.kind})` : ''}</output>;
}

function MeetError({ error }) {
  const meet = useMeet();
  const shown = error ?? meet.error;
  return shown ? <p class="error" role="alert">{`${shown.code}: ${shown.message}`}</p> : null;
}

/** The ring, the call window, device settings and the permission guide: shown when needed. */
function MeetOverlays({ assigneeName }) {
  const [settings, setSettings] = useState(false);
  const guide = usePermissionGuide();
  return (
    <>
      <MeetRing calleeName={assigneeName ?? ''} />
      <MeetCall onOpenSettings={() => setSettings(true)} />
      {settings && <MeetSettings role="dialog" aria-label="Device settings" style={{ position: 'fixed', right: '16px', bottom: '16px', zIndex: 2147483001 }} closable onClose={() => setSettings(false)} />}
      {guide.topic && <MeetPermissionGuide overlay topic={guide.topic} onClose={guide.dismiss} />}
    </>
  );
}

function ChatWidget({ session, initial }) {
  const [conversation, setConversation] = useState(initial);
  const [error, setError] = useState(null);
  const [text, setText] = useState('');
  const client = useMeetClientFor(session);

  useEffect(() => every(1000, async () => setConversation(await api.get(`/api/conversations/${initial.id}`))), []);

  const send = async (event) => {
    event.preventDefault();
    if (!text.trim()) return;
    await api.post(`/api/conversations/${conversation.id}/messages`, { from: session.user.id, text });
    setText('');
  };

  return (
    <MeetProvider client={client} user={{ id: session.user.id, role: 'customer' }} locale={params.get('lang') ?? undefined} onError={setError}>
      <section class="widget" aria-labelledby="chat-title">
        <div class="widget-head">
          <h2 id="chat-title">Chat with us</h2>
          <MeetButton
            conversation={{ id: conversation.id, assigneeId: conversation.assigneeId, source: conversation.source }}
            customerCanStartMeet={session.channel.customerCanStartMeet}
          />
        </div>
        <p class="meta">
          Signed in as <b>{session.user.name}</b> · assignee: <b>{conversation.assigneeName ?? 'nobody yet'}</b> · meet: <MeetStatus />
        </p>
        <ol class="messages" aria-label="Messages">
          {conversation.messages.map((m) => (
            <li class={m.from === session.user.id ? 'mine' : 'theirs'}>
              <span class="text">{m.text}</span>
              {m.link && <a class="meet-link" href={m.link.replace('/storefront', '/preact')}>Join the meet</a>}
            </li>
          ))}
        </ol>
        <form onSubmit={send}>
          <input value={text} onInput={(e) => setText(e.currentTarget.value)} aria-label="Message" placeholder="Write a message…" />
          <button>Send</button>
        </form>
        <MeetError error={error} />
      </section>
      <MeetOverlays assigneeName={conversation.assigneeName} />
    </MeetProvider>
  );
}

function App({ session, conversation }) {
  return (
    <>
      <header><h1>Ollie's Outdoor Shop</h1><p>Built with Preact; chat-meet comes from <code>import 'chat-meet/preact'</code>. <a href="/">demo home</a></p></header>
      <main>
        <section class="products" aria-label="Products">
          {[['Ridge 2 tent', '₩289,000'], ['Pocket stove', '₩39,000'], ['Trail poles', '₩99,000']].map(([name, price]) => (
            <article><h2>{name}</h2><p class="price">{price}</p></article>
          ))}
        </section>
        <ChatWidget session={session} initial={conversation} />
      </main>
    </>
  );
}

await startHost();
const customerId = params.get('customer') ?? 'cust-1';
const session = await api.post('/api/session', { userId: customerId });
const conversations = await api.get(`/api/conversations?customer=${customerId}`);
render(<App session={session} conversation={conversations.find((c) => c.id === params.get('conversation')) ?? conversations[0]} />, document.getElementById('app'));
