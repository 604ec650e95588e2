// Bad configuration of the reference server stops it with one coded line (docs/server.md:
// "Bad configuration stops the process with a coded message"), never a stack trace or a
// server that starts and misbehaves (a ring timeout of NaN would end every ring at once).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { describe, it } from 'node:test';
import { createToken } from '../../src/server/auth.js';

const SECRET = 'cli-config-secret-0123456789abcdef0123456789';

/** Runs the CLI to its exit (a server that starts is killed after 15 s and fails the test). */
function runCli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', '--port', '0', '--host', '127.0.0.1', ...args], {
    env: { ...process.env, CHAT_MEET_SECRET: SECRET, CHAT_MEET_TURN_SECRET: '', CHAT_MEET_TURN_URLS: '', CHAT_MEET_RING_TIMEOUT_MS: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  return new Promise((resolve) => child.on('exit', (code) => (clearTimeout(timer), resolve({ code, stderr }))));
}

describe('chat-meet-server refuses bad configuration with a coded message', () => {
  const cases: [string, string[], Record<string, string>, RegExp][] = [
    ['an unknown flag', ['--prot', '9000'], {}, /^chat-meet-server: CM_INVALID_OPTIONS: Unknown option '--prot'.*--help/m],
    ['--turn-secret without --turn-urls', ['--turn-secret', 'abc'], {}, /^chat-meet-server: CM_INVALID_OPTIONS: --turn-secret needs --turn-urls/m],
    ['--turn-urls without --turn-secret', ['--turn-urls', 'turn:turn.example.com:3478'], {}, /^chat-meet-server: CM_INVALID_OPTIONS: --turn-urls needs --turn-secret/m],
    ['a port out of range', ['--port', '99999'], {}, /^chat-meet-server: CM_INVALID_OPTIONS: --port must be 0-65535/m],
    ['a ring timeout that is not a number (environment)', [], { CHAT_MEET_RING_TIMEOUT_MS: '2min' }, /^chat-meet-server: CM_INVALID_OPTIONS: --ring-timeout must be milliseconds/m],
  ];
  for (const [what, args, env, message] of cases) {
    it(what, async () => {
      const { code, stderr } = await runCli(args, env);
      assert.equal(code, 1, stderr);
      assert.match(stderr, message);
      assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
    });
  }
});

describe('createToken', () => {
  it('an unset secret (process.env.CHAT_MEET_SECRET missing) is CM_INVALID_OPTIONS, not a TypeError', async () => {
    await assert.rejects(
      createToken({ secret: process.env.CHAT_MEET_SECRET_THAT_IS_NOT_SET as string, userId: 'cust-1', name: 'Mina', role: 'customer' }),
      (e: Error & { code?: string }) => e.code === 'CM_INVALID_OPTIONS' && /secret/.test(e.message),
    );
  });
});
