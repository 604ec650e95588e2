// The Preact storefront: the same customer side as /storefront, written the way a shop
// built with a bundler integrates chat-meet — the npm import, no global, no snippet.
// `npm start` bundles this file with esbuild (demo/serve.mjs).
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { createCommandDispatcher } from 'chat-meet';
import 'chat-meet/define';
import { api, every, params, startHost } from '../lib/host.js';

/** One chat-meet per page: the same command API the script tag exposes, without a global. */
const chatMeet = createCommandDispatcher();

function useMeetState() {
  const [meet, setMeet] = useState({ status: 'idle', kind: null });
  useEffect(() => {
    const handler = (m) => setMeet(m);
    chatMeet('on', 'meetStateChanged', handler);
    return () => chatMeet('off', 'meetStateChanged', handler);
  }, []);
  return meet;
}

function ChatWidget({ session, initial }) {
  const [conversation, setConversation] = useState(initial);
  const [error, setError] = useState(null);
  const [text, setText] = useState('');
  const meet = useMeetState();

  useEffect(() => {
    const onError = (e) => setError(`${e.code}: ${e.message}`);
    chatMeet('on', 'error', onError);
    chatMeet('boot', {
      user: { id: session.user.id, name: session.user.name, role: 'customer' },
      signaling: session.signaling,
      conversation: { id: initial.id, assigneeId: initial.assigneeId, source: initial.source },
      customerCanStartMeet: session.channel.customerCanStartMeet,
      ...(params.get('lang') ? { locale: params.get('lang') } : {}),
    });
    const stop = every(1000, async () => {
      const next = await api.get(`/api/conversations/${initial.id}`);
      chatMeet('updateConversation', { assigneeId: next.assigneeId, source: next.source });
      setConversation(next);
    });
    return () => {
      stop();
      chatMeet('off', 'error', onError);
      chatMeet('shutdown');
    };
  }, []);

  const send = async (event) => {
    event.preventDefault();
    if (!text.trim()) return;
    await api.post(`/api/conversations/${conversation.id}/messages`, { from: session.user.id, text });
    setText('');
  };

  return (
    <section class="widget" aria-labelledby="chat-title">
      <div class="widget-head">
        <h2 id="chat-title">Chat with us</h2>
        <chat-meet-button />
      </div>
      <p class="meta">
        Signed in as <b>{session.user.name}</b> · assignee: <b>{conversation.assigneeName ?? 'nobody yet'}</b> · meet: <output id="meet-status">{meet.status}{meet.kind ? ` (${meet.kind})` : ''}</output>
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
      {error && <p class="error" role="alert">{error}</p>}
    </section>
  );
}

function App({ session, conversation }) {
  return (
    <>
      <header><h1>Ollie's Outdoor Shop</h1><p>Built with Preact; chat-meet comes from <code>import 'chat-meet'</code>. <a href="/">demo home</a></p></header>
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
