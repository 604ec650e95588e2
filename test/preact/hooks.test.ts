// chat-meet/preact hooks in real Chromium, rendered with Preact's render(): they follow a
// real meet between two memory-adapter clients live, unsubscribe on unmount, follow a new
// client, and say what is wrong when no client is given.
import { expect } from 'chai';
import { h, render } from 'preact';
import type { MeetClient } from '../../src/core/types.js';
import { MeetProvider, useAudioOnlyNotice, useLocalMedia, useMeet, useMeetActions, useParticipants } from '../../src/preact/index.js';
import { createWorld, type World } from '../helpers/meet.js';
import { sleep, waitFor } from '../helpers/wait.js';

let renders = 0;
/** A host component that uses every hook. */
function Panel() {
  renders += 1;
  const meet = useMeet();
  const people = useParticipants();
  const local = useLocalMedia();
  const notice = useAudioOnlyNotice();
  const { accept, setMic } = useMeetActions();
  return h('div', null,
    h('output', { id: 'status' }, meet.status),
    h('span', { id: 'caller' }, meet.caller?.name ?? ''),
    h('ul', null, people.map((p) => h('li', { key: p.id, 'data-id': p.id, 'data-mic': String(p.mic), 'data-connection': p.connection }, p.name))),
    h('span', { id: 'mic' }, local.mic ? 'on' : 'off'),
    h('span', { id: 'notice' }, notice.map((n) => n.name).join(',')),
    h('button', { id: 'accept', onClick: () => void accept() }, 'Accept'),
    h('button', { id: 'mute', onClick: () => setMic(!local.mic) }, 'Mute'),
  );
}

const stores = (c: MeetClient) => [c.$meet, c.$participants, c.$local, c.$audioOnlyNotice] as unknown as { lc: number }[];
const listeners = (c: MeetClient) => stores(c).map((s) => s.lc);

describe('chat-meet/preact hooks', function () {
  this.timeout(40_000);
  let world: World;
  let root: HTMLElement;
  const text = (sel: string) => root.querySelector(sel)?.textContent ?? null;
  beforeEach(() => {
    world = createWorld();
    root = document.createElement('div');
    document.body.append(root);
    renders = 0;
  });
  afterEach(() => {
    render(null, root);
    root.remove();
    world.destroy();
  });

  it('useMeet, useParticipants, useLocalMedia and useMeetActions follow a real meet live: call → ringing → accept → live', async () => {
    const customer = world.add('cust-1', 'customer');
    const manager = world.add('mgr-1', 'manager');
    await Promise.all([customer.ready, manager.ready]);
    render(h(MeetProvider, { client: manager }, h(Panel, null)), root);
    expect(text('#status')).to.equal('idle');
    expect(text('#mic')).to.equal('on');

    await customer.call({ kind: 'voice', conversationId: 'conv-1', assigneeId: 'mgr-1' });
    await waitFor(() => text('#status') === 'ringing-in', 'the manager sees the ring');
    expect(text('#caller')).to.equal('Name cust-1');

    root.querySelector<HTMLButtonElement>('#accept')!.click();
    await waitFor(() => text('#status') === 'live', 'live after accepting through useMeetActions');
    await waitFor(() => root.querySelector('li[data-id="cust-1"]')?.getAttribute('data-connection') === 'connected', 'the customer listed, connected');
    expect(text('li[data-id="cust-1"]')).to.equal('Name cust-1');
    expect(customer.$meet.get().status).to.equal('live');

    // The other side's change arrives through $participants …
    customer.setMic(false);
    await waitFor(() => root.querySelector('li[data-id="cust-1"]')?.getAttribute('data-mic') === 'false', "the customer's mute shown live");
    // … and this side's own through $local, with the action bound from the hook.
    root.querySelector<HTMLButtonElement>('#mute')!.click();
    await waitFor(() => text('#mic') === 'off', 'own mic off');
    await waitFor(() => customer.$participants.get().find((p) => p.id === 'mgr-1')?.mic === false, 'the customer sees the manager muted');

    customer.leave();
    await waitFor(() => !root.querySelector('li[data-id="cust-1"]'), 'the customer gone from the list');
  });

  it('unmounting unsubscribes every hook from the stores; later changes render nothing', async () => {
    const manager = world.add('mgr-1', 'manager');
    const before = listeners(manager);
    render(h(MeetProvider, { client: manager }, h(Panel, null)), root);
    // (The R1 notice is computed from $local and $participants: it listens to them too while it is used.)
    await waitFor(() => listeners(manager).every((n, i) => n > before[i]!), 'a listener on every store');

    render(null, root);
    // The hooks' own listeners go at once; the computed R1 notice lets go of $local and
    // $participants after nanostores' unmount delay (1 s).
    expect(listeners(manager)[0]).to.equal(before[0]);
    expect(listeners(manager)[3]).to.equal(before[3]);
    await waitFor(() => listeners(manager).every((n, i) => n === before[i]), 'no listener left', 3000);
    const count = renders;
    manager.setMic(false);
    await sleep(100);
    expect(renders).to.equal(count);
    expect(root.innerHTML).to.equal('');
  });

  it('a new client in the provider: the hooks leave the old stores and show the new ones', async () => {
    const a = world.add('mgr-a', 'manager');
    const b = world.add('mgr-b', 'manager', { joinMuted: true });
    const baseA = listeners(a);
    const baseB = listeners(b);
    render(h(MeetProvider, { client: a }, h(Panel, null)), root);
    await waitFor(() => listeners(a).every((n, i) => n > baseA[i]!), 'subscribed to a');
    expect(text('#mic')).to.equal('on');

    render(h(MeetProvider, { client: b }, h(Panel, null)), root);
    await waitFor(() => text('#mic') === 'off', "b's joinMuted shown");
    await waitFor(() => listeners(b).every((n, i) => n > baseB[i]!), 'subscribed to b');
    await waitFor(() => listeners(a).every((n, i) => n === baseA[i]), "no listener left on a's stores", 3000);
  });

  it('a null client (not created yet): an idle meet, nobody in it, and actions that say why they fail', async () => {
    let actions: ReturnType<typeof useMeetActions> | null = null;
    function Grab() {
      actions = useMeetActions();
      return null;
    }
    render(h(MeetProvider, { client: null }, h(Panel, null), h(Grab, null)), root);
    expect(text('#status')).to.equal('idle');
    expect(root.querySelectorAll('li')).to.have.length(0);
    expect(text('#mic')).to.equal('off');
    const rejected = await actions!.accept().then(() => null, (e: { code: string }) => e);
    expect(rejected?.code).to.equal('CM_NOT_CONNECTED');
    expect(() => actions!.setMic(false)).to.throw().with.property('code', 'CM_NOT_CONNECTED');
  });

  it('a hook outside any provider and without a client throws a coded error that says what to do', () => {
    let caught: { code?: string; message?: string } | null = null;
    try {
      render(h(Panel, null), root);
    } catch (e) {
      caught = e as { code: string; message: string };
    }
    expect(caught?.code).to.equal('CM_INVALID_OPTIONS');
    expect(caught?.message).to.contain('<MeetProvider client={client}>');
  });

  it('a hook given its own client needs no provider', async () => {
    const manager = world.add('mgr-1', 'manager', { joinMuted: true });
    function Own() {
      return h('span', { id: 'mic' }, useLocalMedia(manager).mic ? 'on' : 'off');
    }
    render(h(Own, null), root);
    expect(text('#mic')).to.equal('off');
    manager.setMic(true);
    await waitFor(() => text('#mic') === 'on', 'live without a provider');
  });
});
