import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { createToken } from '../../src/server/auth.js';
import { createSignalingServer, type SignalingServer } from '../../src/server/server.js';
import { openClient, SECRET } from './harness.js';

describe('server auth with the host backend\'s JWKS (asymmetric keys)', () => {
  let jwks: Server;
  let server: SignalingServer;
  let url = '';
  let privateKey: CryptoKey;
  before(async () => {
    const pair = await generateKeyPair('ES256');
    privateKey = pair.privateKey as CryptoKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
    jwks = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })));
    await new Promise<void>((r) => jwks.listen(0, '127.0.0.1', () => r()));
    server = await createSignalingServer({ jwksUrl: `http://127.0.0.1:${(jwks.address() as { port: number }).port}/jwks.json`, issuer: 'https://backend.example', log: () => undefined });
    url = `ws://127.0.0.1:${(await server.listen(0, '127.0.0.1')).port}/`;
  });
  after(async () => {
    await server.close();
    jwks.close();
  });
  const sign = (claims: Record<string, unknown>, issuer = 'https://backend.example') =>
    new SignJWT({ name: 'Ann', role: 'manager', cnv: ['*'], trm: [], ...claims }).setProtectedHeader({ alg: 'ES256', kid: 'k1' }).setSubject('mgr-1').setIssuer(issuer).setExpirationTime('1h').sign(privateKey);

  it('accepts a token signed with the backend\'s key and the right issuer', async () => {
    const client = await openClient(`${url}?token=${await sign({})}`);
    assert.deepEqual(await client.next((f) => f.t === 'hello', 'hello'), { t: 'hello', v: 1, user: { id: 'mgr-1', name: 'Ann', role: 'manager' } });
    client.close();
  });

  it('refuses a wrong issuer and an HS256 token (no algorithm confusion) with CM_AUTH_INVALID', async () => {
    for (const token of [await sign({}, 'https://elsewhere.example'), await createToken({ secret: SECRET, userId: 'x', name: 'X', role: 'manager', issuer: 'https://backend.example' })]) {
      const client = await openClient(`${url}?token=${token}`);
      const error = await client.next((f) => f.t === 'error', 'refusal');
      assert.equal((error as { code: string }).code, 'CM_AUTH_INVALID');
      assert.equal((await client.closed).code, 4401);
    }
  });
});
