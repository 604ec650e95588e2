#!/usr/bin/env node
/**
 * `chat-meet-server`: runs the reference signaling server. Flags win over environment
 * variables; `chat-meet-server --help` lists both. SIGTERM/SIGINT drain gracefully.
 */
import { parseArgs } from 'node:util';
import { ChatMeetError, ErrorCodes } from '../core/errors.js';
import { createSignalingServer, type SignalingServerOptions } from './server.js';

const HELP = `chat-meet-server: the reference signaling server for chat-meet

Usage: chat-meet-server [flags]

  --port N            PORT                      listen port (default 8787; 0 picks a free one)
  --host H            HOST                      listen address (default 0.0.0.0)
  --secret S          CHAT_MEET_SECRET          HS256 token secret, >= 32 bytes
  --jwks-url URL      CHAT_MEET_JWKS_URL        or verify tokens with your backend's JWKS
  --issuer I          CHAT_MEET_ISSUER          expected token issuer (optional)
  --audience A        CHAT_MEET_AUDIENCE        expected token audience (optional)
  --origins LIST      CHAT_MEET_ORIGINS         comma-separated allowed origins
  --redis-url URL     REDIS_URL                 many nodes as one (presence, rooms, routing)
  --webhook-url URL   CHAT_MEET_WEBHOOK_URL     follow-ups (R7) are POSTed here
  --turn-secret S     CHAT_MEET_TURN_SECRET     coturn static-auth-secret
  --turn-urls LIST    CHAT_MEET_TURN_URLS       comma-separated turn: URLs
  --ring-timeout MS   CHAT_MEET_RING_TIMEOUT_MS ring timeout (default 120000)
  --node-id ID        CHAT_MEET_NODE_ID         this node's id (default random)
  --help
`;

/** Bad configuration: one coded line on stderr and exit 1 (no stack trace to read through). */
function fail(error: unknown): never {
  console.error(`chat-meet-server: ${(error as Error & { code?: string }).code ?? 'error'}: ${(error as Error).message}`);
  process.exit(1);
}
const invalid = (message: string) => new ChatMeetError(ErrorCodes.INVALID_OPTIONS, message);

let parsed;
try {
  parsed = parseArgs({
    options: {
      port: { type: 'string' }, host: { type: 'string' }, secret: { type: 'string' }, 'jwks-url': { type: 'string' },
      issuer: { type: 'string' }, audience: { type: 'string' }, origins: { type: 'string' }, 'redis-url': { type: 'string' },
      'webhook-url': { type: 'string' }, 'turn-secret': { type: 'string' }, 'turn-urls': { type: 'string' },
      'ring-timeout': { type: 'string' }, 'node-id': { type: 'string' }, help: { type: 'boolean' },
    },
    strict: true,
  });
} catch (error) {
  // node:util's own message ("Unknown option '--prot'") is clear; the code should be ours.
  fail(invalid(`${(error as Error).message}. See chat-meet-server --help.`));
}
const { values } = parsed;

if (values.help) {
  process.stdout.write(HELP);
  process.exit(0);
}

const env = process.env;
const list = (s: string | undefined) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : undefined);
const turnSecret = values['turn-secret'] ?? env.CHAT_MEET_TURN_SECRET;
const turnUrls = list(values['turn-urls'] ?? env.CHAT_MEET_TURN_URLS);
const ringTimeout = values['ring-timeout'] ?? env.CHAT_MEET_RING_TIMEOUT_MS ?? '120000';
const options: SignalingServerOptions = {
  secret: values.secret ?? env.CHAT_MEET_SECRET,
  jwksUrl: values['jwks-url'] ?? env.CHAT_MEET_JWKS_URL,
  issuer: values.issuer ?? env.CHAT_MEET_ISSUER,
  audience: values.audience ?? env.CHAT_MEET_AUDIENCE,
  allowedOrigins: list(values.origins ?? env.CHAT_MEET_ORIGINS),
  redisUrl: values['redis-url'] ?? env.REDIS_URL,
  webhookUrl: values['webhook-url'] ?? env.CHAT_MEET_WEBHOOK_URL,
  turn: turnSecret && turnUrls ? { secret: turnSecret, urls: turnUrls } : undefined,
  ringTimeoutMs: Number(ringTimeout),
  nodeId: values['node-id'] ?? env.CHAT_MEET_NODE_ID,
};
const port = Number(values.port ?? env.PORT ?? 8787);
const host = values.host ?? env.HOST ?? '0.0.0.0';

try {
  if (turnSecret && !turnUrls) throw invalid('--turn-secret needs --turn-urls (e.g. turn:turn.example.com:3478).');
  // Without the secret the URLs would be dropped silently and relay-only meets would fail later.
  if (turnUrls && !turnSecret) throw invalid('--turn-urls needs --turn-secret (coturn\'s static-auth-secret).');
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw invalid(`--port must be 0-65535, not ${values.port ?? env.PORT}.`);
  // A non-number would become setTimeout(NaN): every ring would time out at once.
  if (!/^\d+$/.test(ringTimeout) || Number(ringTimeout) < 1000) throw invalid(`--ring-timeout must be milliseconds, at least 1000, not ${ringTimeout}.`);
  const server = await createSignalingServer(options);
  const { port: bound } = await server.listen(port, host);
  if (!options.allowedOrigins) console.warn('[chat-meet-server] no --origins given: pages from any origin may connect');
  // The line tests and scripts wait for.
  console.log(`chat-meet-server listening on ${host}:${bound} (node ${server.nodeId}, ${options.redisUrl ? 'redis' : 'in-memory'})`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`chat-meet-server: ${signal}, draining`);
    server.drain().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
} catch (error) {
  fail(error);
}
