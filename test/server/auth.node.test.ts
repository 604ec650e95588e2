import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SignJWT } from 'jose';
import { createToken } from '../../src/server/auth.js';
import { connectAs, openClient, SECRET, startServer, type Running } from './harness.js';

describe('server auth: tokens at the upgrade, origins', () => {
  let run: Running;
  before(async () => { run = await startServer({ allowedOrigins: ['https://shop.example'] }); });
  after(() => run.close());

  async function refusedWith(url: string) {
    const client = await openClient(url);
    const [frame] = await Promise.all([client.next((f) => f.t === 'error', 'error frame'), client.closed]);
    const closed = await client.closed;
    assert.equal(closed.code, 4401);
    // Nothing but the error: no hello, so no message was ever accepted.
    assert.equal(client.frames.length, 0);
    return { code: (frame as { code: string }).code, close: closed.reason };
  }

  it('no token → CM_AUTH_REQUIRED and the socket closes', async () => {
    assert.deepEqual(await refusedWith(run.url), { code: 'CM_AUTH_REQUIRED', close: 'CM_AUTH_REQUIRED' });
  });

  it('a forged token (other secret) → CM_AUTH_INVALID', async () => {
    const forged = await createToken({ secret: 'another-secret-0123456789abcdef0123456789', userId: 'mallory', name: 'M', role: 'manager', conversations: ['*'] });
    assert.equal((await refusedWith(`${run.url}?token=${forged}`)).code, 'CM_AUTH_INVALID');
  });

  it('an expired token → CM_AUTH_EXPIRED', async () => {
    const expired = await createToken({ secret: SECRET, userId: 'old', name: 'O', role: 'customer', expiresInSeconds: -10 });
    assert.equal((await refusedWith(`${run.url}?token=${expired}`)).code, 'CM_AUTH_EXPIRED');
  });

  it('malformed tokens and alg confusion → CM_AUTH_INVALID', async () => {
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"x","role":"manager","exp":9999999999}').toString('base64url')}.`;
    const noClaims = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('x').setExpirationTime('1h').sign(new TextEncoder().encode(SECRET));
    for (const token of ['abc', 'a.b.c', none, noClaims, 'x'.repeat(9000)]) {
      assert.equal((await refusedWith(`${run.url}?token=${encodeURIComponent(token)}`)).code, 'CM_AUTH_INVALID', token.slice(0, 40));
    }
  });

  it('a valid token gets hello with the identity from the token (Bearer header works too)', async () => {
    const client = await connectAs(run, 'alice', { role: 'customer', name: 'Alice' });
    client.close();
    const { WebSocket } = await import('ws');
    const ws = new WebSocket(run.url, { headers: { authorization: `Bearer ${await run.token('bob')}` } });
    const hello = await new Promise<string>((resolve) => ws.once('message', (d) => resolve(String(d))));
    assert.deepEqual(JSON.parse(hello), { t: 'hello', v: 1, user: { id: 'bob', name: 'Name bob', role: 'manager' } });
    ws.close();
  });

  it('Origin: a listed origin connects, another is refused with HTTP 403', async () => {
    const token = await run.token('carol');
    const ok = await openClient(`${run.url}?token=${token}`, { origin: 'https://shop.example' });
    await ok.next((f) => f.t === 'hello', 'hello');
    ok.close();
    await assert.rejects(openClient(`${run.url}?token=${token}`, { origin: 'https://evil.example' }), (e: { status?: number }) => e.status === 403);
    const metrics = await (await fetch(`http://127.0.0.1:${run.port}/metrics`)).text();
    assert.match(metrics, /chat_meet_rejects_total\{code="CM_ORIGIN_REFUSED"\} 1/);
  });

  it('createToken refuses a short secret, a bad user id or role with CM_INVALID_OPTIONS', async () => {
    const base = { secret: SECRET, userId: 'u', name: 'U', role: 'customer' as const };
    for (const bad of [{ secret: 'short' }, { userId: 'has space' }, { role: 'admin' as never }, { conversations: ['a b'] }]) {
      await assert.rejects(createToken({ ...base, ...bad }), (e: { code?: string }) => e.code === 'CM_INVALID_OPTIONS');
    }
  });
});
