/**
 * The WebSocket adapter against the real reference server (started by the signaling
 * plugin in web-test-runner.config.mjs): the shared contract, then reconnects.
 */
import { expect } from 'chai';
import type { SignalingAdapter } from '../../src/signaling/adapter.js';
import type { SignalMessage } from '../../src/signaling/protocol.js';
import { createWebSocketAdapter } from '../../src/signaling/websocket.js';
import { runAdapterContract } from './contract.js';

interface Config { url: string; restartUrl: string; turn: { urls: string[] } | null }
const config = async (): Promise<Config> => (await fetch('/__signaling/config')).json();
const tokenFor = async (id: string, role = 'manager', conversations = 'conv-1'): Promise<string> =>
  (await (await fetch(`/__signaling/token?user=${encodeURIComponent(id)}&role=${role}&conversations=${conversations}`)).json()).token;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(cond: () => boolean, what: string, ms = 8000) {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

runAdapterContract('websocket (reference server)', async () => {
  const { url } = await config();
  return {
    create: () => createWebSocketAdapter({ url, getToken: (self) => tokenFor(self.id, self.role) }),
    injectRaw: async (to, from, raw) => {
      await fetch(`/__signaling/inject?to=${encodeURIComponent(to)}&from=${encodeURIComponent(from)}&raw=${encodeURIComponent(JSON.stringify(raw) ?? 'null')}`);
    },
    timeoutMs: 4000,
  };
});

describe('websocket adapter: connection life', function () {
  this.timeout(30_000);
  let open: SignalingAdapter[] = [];
  afterEach(() => {
    for (const a of open) a.close();
    open = [];
  });
  const make = (url: string | string[], extra = {}) => {
    const a = createWebSocketAdapter({ url, getToken: (self) => tokenFor(self.id, self.role), backoff: { baseMs: 100, maxMs: 1000 }, ...extra });
    open.push(a);
    return a;
  };
  const left = (meetId: string): SignalMessage => ({ type: 'participant-left', meetId });
  const member = (id: string) => ({ id, name: id, role: 'manager' as const, audioOnly: false, mic: true, camera: false, screen: false });

  it('a refused token rejects connect with its code; a token for another user is refused too', async () => {
    const { url } = await config();
    const expired = createWebSocketAdapter({ url, getToken: () => fetch('/__signaling/token?user=ex&ttl=-30').then((r) => r.json()).then((j) => j.token) });
    const e1 = await expired.connect({ id: 'ex', name: 'Ex', role: 'customer' }).then(() => null, (e) => e);
    expect(e1?.code).to.equal('CM_AUTH_EXPIRED');
    const forged = createWebSocketAdapter({ url });
    const e2 = await forged.connect({ id: 'f', name: 'F', role: 'customer', token: 'not.a.token' }).then(() => null, (e) => e);
    expect(e2?.code).to.equal('CM_AUTH_INVALID');
    const other = createWebSocketAdapter({ url, getToken: () => tokenFor('someone-else') });
    const e3 = await other.connect({ id: 'me', name: 'Me', role: 'manager' }).then(() => null, (e) => e);
    expect(e3?.code).to.equal('CM_AUTH_INVALID');
    const none = createWebSocketAdapter({ url: 'ws://127.0.0.1:1/' });
    const e4 = await none.connect({ id: 'n', name: 'N', role: 'manager', token: 'x' }).then(() => null, (e) => e);
    expect(e4?.code).to.equal('CM_NOT_CONNECTED');
  });

  it('reconnects after the node drains, resumes its room, and delivers what it held meanwhile', async () => {
    const { restartUrl } = await config();
    const id = `rc-${Date.now().toString(36)}`;
    // The mover is on the node that restarts, and comes back slowly (backoff ≥ 750 ms), so
    // that the watcher, connecting to the new node right away, is there to receive.
    const mover = make(restartUrl, { backoff: { baseMs: 1500, maxMs: 3000 } });
    const states: string[] = [];
    mover.on('state', (s) => states.push(s));
    await mover.connect({ id: `${id}-mover`, name: 'Mover', role: 'manager' });
    await mover.join(`${id}-room`, member(`${id}-mover`));
    const restarted = fetch('/__signaling/restart');
    await until(() => states.includes('reconnecting'), 'reconnecting');
    // Sent while down: held, then delivered after the room is resumed.
    mover.broadcast(`${id}-room`, left('held-1'));
    mover.send(`${id}-watch`, left('held-2'));
    await restarted;
    const got: SignalMessage[] = [];
    const watcher = make(restartUrl);
    watcher.on('message', (m) => got.push(m));
    await watcher.connect({ id: `${id}-watch`, name: 'Watch', role: 'manager' });
    await watcher.join(`${id}-room`, member(`${id}-watch`));
    expect(states.filter((s) => s === 'open')).to.have.length(1, 'the mover is still away');
    await until(() => states.filter((s) => s === 'open').length === 2, 'open again');
    await until(() => got.length === 2, 'the held messages');
    expect(got.map((m) => m.meetId)).to.deep.equal(['held-1', 'held-2']);
    // The room was resumed on the new node: a third joiner sees both.
    const third = make(restartUrl);
    await third.connect({ id: `${id}-third`, name: 'Third', role: 'manager' });
    const snap = await third.join(`${id}-room`, member(`${id}-third`));
    expect(snap.members.map((m) => m.id).sort()).to.deep.equal([`${id}-mover`, `${id}-watch`]);
  });

  it('requests are refused with the server\'s code (R3 full room, R11 end-for-all by a customer)', async () => {
    const { url } = await config();
    const cust = createWebSocketAdapter({ url, getToken: (self) => tokenFor(self.id, 'customer') });
    open.push(cust);
    const errors: string[] = [];
    cust.on('error', (e) => errors.push(e.code));
    await cust.connect({ id: `cu-${Date.now().toString(36)}`, name: 'C', role: 'customer' });
    await cust.join('r11-room', member('x'));
    cust.broadcast('r11-room', { type: 'end-for-all', meetId: 'r11-room' });
    await until(() => errors.includes('CM_NOT_ALLOWED'), 'CM_NOT_ALLOWED');
  });
});
