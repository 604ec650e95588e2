/**
 * The one contract every signaling adapter must pass (issue 3). An adapter's test file
 * calls {@link runAdapterContract} with a factory for its backend:
 *
 * ```ts
 * import { runAdapterContract } from './contract.js';
 * runAdapterContract('memory', () => {
 *   const hub = createMemoryHub();
 *   return { create: () => createMemoryAdapter(hub), injectRaw: (to, from, raw) => hub.inject(to, from, raw), reports: () => hub.reports };
 * });
 * ```
 *
 * Works in mocha (browser via web-test-runner) with chai; every wait is bounded so a
 * broken adapter fails fast instead of hanging the run.
 */
import { expect } from 'chai';
import type { SignalingAdapter } from '../../src/signaling/adapter.js';
import type { BackendReport, Member, SignalMessage } from '../../src/signaling/protocol.js';

/** What one test gets from the adapter under test. */
export interface ContractHarness {
  /** A new, not yet connected adapter on this test's shared backend. */
  create(): SignalingAdapter | Promise<SignalingAdapter>;
  /**
   * Delivers raw, unvalidated data to user `to` as if user `from` had sent it, so the
   * suite can check validation. Leave it out if the backend cannot; those tests skip.
   */
  injectRaw?(to: string, from: string, raw: unknown): void | Promise<void>;
  /** The reports the backend received, when it can tell; otherwise that check skips. */
  reports?(): BackendReport[];
  /** Whether the adapter emits `presence` events when another user connects or leaves (default true). */
  presenceEvents?: boolean;
  /** Longest wait for a delivery in ms (default 2000). */
  timeoutMs?: number;
  /** Called after each test, after every adapter was closed. */
  dispose?(): void | Promise<void>;
}

type Received = { message: SignalMessage; from: string };

const member = (id: string, role: Member['role'] = 'manager'): Member => ({
  id, name: `User ${id}`, role, audioOnly: false, mic: true, camera: false, screen: false,
});
const ring = (meetId: string, caller: string): SignalMessage => ({
  type: 'ring', meetId, kind: 'voice', caller: member(caller), conversationId: 'conv-1',
});
const left = (meetId: string): SignalMessage => ({ type: 'participant-left', meetId });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs the adapter contract against the backend `makeHarness` builds, once per test. */
export function runAdapterContract(name: string, makeHarness: () => ContractHarness | Promise<ContractHarness>): void {
  describe(`signaling adapter contract: ${name}`, function () {
    this.timeout(20_000);
    let harness: ContractHarness;
    let open: SignalingAdapter[] = [];
    let seq = 0;
    let prefix = '';

    beforeEach(async () => {
      harness = await makeHarness();
      open = [];
      prefix = `t${Date.now().toString(36)}${(seq += 1)}`;
    });
    afterEach(async () => {
      for (const a of open) a.close();
      await harness.dispose?.();
    });

    const wait = async (cond: () => boolean, what: string) => {
      const end = Date.now() + (harness.timeoutMs ?? 2000);
      while (!cond()) {
        if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
        await sleep(10);
      }
    };
    /** Connects a user and records every message it receives. */
    const user = async (short: string) => {
      const id = `${prefix}-${short}`;
      const adapter = await harness.create();
      open.push(adapter);
      const inbox: Received[] = [];
      const errors: { code: string }[] = [];
      adapter.on('message', (message, from) => inbox.push({ message, from }));
      adapter.on('error', (e) => errors.push(e));
      await adapter.connect({ id, name: `User ${short}`, role: 'manager' });
      return { id, adapter, inbox, errors };
    };
    const room = () => `${prefix}-room`;

    it('send delivers to that user only, in order, with the sender id', async () => {
      const [a, b, c] = [await user('a'), await user('b'), await user('c')];
      for (let i = 0; i < 5; i += 1) a.adapter.send(b.id, ring(`m${i}`, a.id));
      await wait(() => b.inbox.length === 5, 'five messages at b');
      expect(b.inbox.map((r) => r.message.meetId)).to.deep.equal(['m0', 'm1', 'm2', 'm3', 'm4']);
      expect(b.inbox.every((r) => r.from === a.id)).to.equal(true);
      expect(b.inbox[0].message).to.deep.include({ type: 'ring', kind: 'voice', conversationId: 'conv-1' });
      await sleep(50);
      expect(c.inbox).to.have.length(0);
      expect(a.inbox).to.have.length(0);
    });

    it('join answers who is already in the room, not counting the joiner', async () => {
      const [a, b] = [await user('a'), await user('b')];
      const first = await a.adapter.join(room(), member(a.id));
      expect(first.roomId).to.equal(room());
      expect(first.members).to.have.length(0);
      const second = await b.adapter.join(room(), member(b.id));
      expect(second.members.map((m) => m.id)).to.deep.equal([a.id]);
    });

    it('broadcast reaches every other member of the room, not the sender, not outsiders', async () => {
      const [a, b, c, out] = [await user('a'), await user('b'), await user('c'), await user('out')];
      for (const u of [a, b, c]) await u.adapter.join(room(), member(u.id));
      a.adapter.broadcast(room(), left(room()));
      await wait(() => b.inbox.length === 1 && c.inbox.length === 1, 'broadcast at b and c');
      expect(b.inbox[0]).to.deep.equal({ message: { type: 'participant-left', meetId: room() }, from: a.id });
      await sleep(50);
      expect(a.inbox).to.have.length(0);
      expect(out.inbox).to.have.length(0);
    });

    it('after leave, room broadcasts no longer arrive and the snapshot no longer lists the leaver', async () => {
      const [a, b, c] = [await user('a'), await user('b'), await user('c')];
      await a.adapter.join(room(), member(a.id));
      await b.adapter.join(room(), member(b.id));
      await b.adapter.leave(room());
      a.adapter.broadcast(room(), left(room()));
      await sleep(100);
      expect(b.inbox).to.have.length(0);
      const snap = await c.adapter.join(room(), member(c.id));
      expect(snap.members.map((m) => m.id)).to.deep.equal([a.id]);
    });

    it('R3: the 11th join is refused with CM_ROOM_FULL', async () => {
      const users = [];
      for (let i = 0; i < 11; i += 1) users.push(await user(`u${i}`));
      for (const u of users.slice(0, 10)) await u.adapter.join(room(), member(u.id));
      const eleventh = users[10];
      const refused = await eleventh.adapter.join(room(), member(eleventh.id)).then(() => null, (e: { code?: string }) => e);
      expect(refused, 'join should reject').to.not.equal(null);
      expect(refused!.code).to.equal('CM_ROOM_FULL');
      // A place frees up when someone leaves.
      await users[0].adapter.leave(room());
      const snap = await eleventh.adapter.join(room(), member(eleventh.id));
      expect(snap.members).to.have.length(9);
    });

    it('isOnline: true for a connected user, false for an unknown one and after close', async () => {
      const [a, b] = [await user('a'), await user('b')];
      expect(await a.adapter.isOnline(b.id)).to.equal(true);
      expect(await a.adapter.isOnline(`${prefix}-nobody`)).to.equal(false);
      b.adapter.close();
      b.adapter.close(); // idempotent
      await wait(() => true, '');
      let online = true;
      const end = Date.now() + (harness.timeoutMs ?? 2000) * 3;
      while (online && Date.now() < end) {
        online = await a.adapter.isOnline(b.id);
        if (online) await sleep(50);
      }
      expect(online).to.equal(false);
    });

    it('presence: others hear a user come online and go offline', async function () {
      if (harness.presenceEvents === false) this.skip();
      const a = await user('a');
      const seen: string[] = [];
      a.adapter.on('presence', (p) => seen.push(`${p.userId}:${p.online}`));
      const b = await user('b');
      await wait(() => seen.includes(`${b.id}:true`), 'b online');
      b.adapter.close();
      await wait(() => seen.includes(`${b.id}:false`), 'b offline');
    });

    it('an invalid incoming message is dropped with a CM_INVALID_MESSAGE error event, never thrown', async function () {
      if (!harness.injectRaw) this.skip();
      const [a, b] = [await user('a'), await user('b')];
      const bad: unknown[] = [
        { type: 'ring', meetId: 'm1' },
        { type: 'nope', meetId: 'm1' },
        { type: 'signal', meetId: 'm1', epoch: -1, data: { type: 'offer', sdp: 'x' } },
        { type: 'participant-left', meetId: 'bad id with spaces' },
        'not an object',
        null,
      ];
      for (const raw of bad) await harness.injectRaw!(b.id, a.id, raw);
      await wait(() => b.errors.length === bad.length, 'one error per invalid message');
      expect(b.errors.every((e) => e.code === 'CM_INVALID_MESSAGE')).to.equal(true);
      expect(b.inbox).to.have.length(0);
      // The adapter keeps working afterwards.
      a.adapter.send(b.id, left('m1'));
      await wait(() => b.inbox.length === 1, 'a valid message after invalid ones');
    });

    it('on returns an unsubscribe; close drops every handler', async () => {
      const [a, b] = [await user('a'), await user('b')];
      const extra: Received[] = [];
      const off = b.adapter.on('message', (message, from) => extra.push({ message, from }));
      a.adapter.send(b.id, left('m1'));
      await wait(() => extra.length === 1, 'first message');
      off();
      a.adapter.send(b.id, left('m2'));
      await wait(() => b.inbox.length === 2, 'second message at the other handler');
      expect(extra).to.have.length(1);
      b.adapter.close();
      a.adapter.send(b.id, left('m3'));
      await sleep(100);
      expect(b.inbox).to.have.length(2);
    });

    it('report resolves for a valid report and reaches the backend', async () => {
      const a = await user('a');
      const report: BackendReport = { type: 'meet-kind-changed', meetId: 'm1', kind: 'video' };
      await a.adapter.report(report);
      if (harness.reports) await wait(() => harness.reports!().some((r) => r.type === 'meet-kind-changed' && r.meetId === 'm1'), 'report at backend');
    });

    it('state: emits open once connected, once', async () => {
      const adapter = await harness.create();
      open.push(adapter);
      const states: string[] = [];
      adapter.on('state', (s) => states.push(s));
      await adapter.connect({ id: `${prefix}-s`, name: 'S', role: 'customer' });
      await wait(() => states.includes('open'), 'open');
      await sleep(50);
      expect(states.filter((s) => s === 'open')).to.have.length(1);
    });
  });
}
