/**
 * Tokens: the host backend (which knows who is logged in and which conversations they
 * may see) signs a short-lived JWT; the signaling server checks it at the WebSocket
 * upgrade and trusts nothing else about the user. HS256 with a shared secret by default;
 * a JWKS URL lets the backend sign with its own keys (RS256, ES256, EdDSA) instead.
 */
import { createRemoteJWKSet, errors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { ChatMeetError, ErrorCodes } from '../core/errors.js';

/** What a token says about its bearer. */
export interface TokenIdentity {
  id: string;
  name: string;
  role: 'customer' | 'manager';
  /** Conversations this user may start, join or ring a meet in. `*` means any (a support manager). */
  conversations: string[];
  /** Team rooms (R9) this user may meet in. `*` means any. */
  teamRooms: string[];
  /** Expiry, in ms since the epoch. */
  expiresAt: number;
}

export interface CreateTokenOptions {
  /** The shared HS256 secret, at least 32 bytes (the same the server is started with). */
  secret: string | Uint8Array;
  userId: string;
  name: string;
  role: 'customer' | 'manager';
  conversations?: string[];
  teamRooms?: string[];
  /** Lifetime in seconds (default 3600). */
  expiresInSeconds?: number;
  issuer?: string;
  audience?: string;
}

const ID = /^[\w.:@-]{1,128}$/;
const SCOPE = /^([\w.:@-]{1,128}|\*)$/;
const MIN_SECRET_BYTES = 32;

/** Turns a secret into key bytes, refusing ones too short to resist brute force. */
export function secretKey(secret: string | Uint8Array): Uint8Array {
  // An unset env var (`secret: process.env.CHAT_MEET_SECRET`) must get a coded error, not a TypeError.
  const key = typeof secret === 'string' ? new TextEncoder().encode(secret) : secret instanceof Uint8Array ? secret : new Uint8Array(0);
  if (key.byteLength < MIN_SECRET_BYTES) {
    throw new ChatMeetError(ErrorCodes.INVALID_OPTIONS, `The token secret must be at least ${MIN_SECRET_BYTES} bytes; generate one with \`openssl rand -hex 32\`.`);
  }
  return key;
}

/**
 * Signs a token for the signaling server. Call it in your backend, after your own login
 * check, and hand the token to the page (e.g. in `ChatMeet('boot', { token })`).
 *
 * @example
 * ```ts
 * import { createToken } from 'chat-meet/server';
 * const token = await createToken({ secret: process.env.CHAT_MEET_SECRET!, userId: 'cust-1', name: 'Mina', role: 'customer', conversations: ['conv-9'] });
 * ```
 */
export async function createToken(options: CreateTokenOptions): Promise<string> {
  const { userId, name, role } = options;
  if (!ID.test(String(userId))) throw new ChatMeetError(ErrorCodes.INVALID_OPTIONS, 'createToken: userId must be 1-128 letters, digits or . _ : @ -.');
  if (role !== 'customer' && role !== 'manager') throw new ChatMeetError(ErrorCodes.INVALID_OPTIONS, "createToken: role must be 'customer' or 'manager'.");
  const scopes = [...(options.conversations ?? []), ...(options.teamRooms ?? [])];
  if (!scopes.every((s) => SCOPE.test(String(s)))) throw new ChatMeetError(ErrorCodes.INVALID_OPTIONS, 'createToken: conversation and team room ids must be 1-128 letters, digits or . _ : @ - (or *).');
  let jwt = new SignJWT({ name: String(name ?? '').slice(0, 100), role, cnv: options.conversations ?? [], trm: options.teamRooms ?? [] })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(userId)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + (options.expiresInSeconds ?? 3600));
  if (options.issuer) jwt = jwt.setIssuer(options.issuer);
  if (options.audience) jwt = jwt.setAudience(options.audience);
  return jwt.sign(secretKey(options.secret));
}

export interface VerifierOptions {
  secret?: string | Uint8Array;
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
}

export type Verify = (token: string | null | undefined) => Promise<TokenIdentity>;

const list = (value: unknown): string[] | null =>
  value === undefined ? [] : Array.isArray(value) && value.length <= 1000 && value.every((s) => typeof s === 'string' && SCOPE.test(s)) ? value : null;

/** Reads our claims from a verified payload; a token with other shapes is refused. */
function identityOf(payload: JWTPayload): TokenIdentity {
  const { sub, name, role, cnv, trm, exp } = payload as JWTPayload & Record<string, unknown>;
  const conversations = list(cnv);
  const teamRooms = list(trm);
  if (typeof sub !== 'string' || !ID.test(sub) || (role !== 'customer' && role !== 'manager') || !conversations || !teamRooms || typeof exp !== 'number') {
    throw new ChatMeetError(ErrorCodes.AUTH_INVALID, 'The token is signed but lacks chat-meet claims (sub, role, exp, cnv, trm): issue it with createToken().');
  }
  return { id: sub, name: typeof name === 'string' ? name.slice(0, 100) : sub, role, conversations, teamRooms, expiresAt: exp * 1000 };
}

/** Builds the token check the server runs at each upgrade. Every failure is a coded ChatMeetError. */
export function createVerifier(options: VerifierOptions): Verify {
  if (!options.secret && !options.jwksUrl) throw new ChatMeetError(ErrorCodes.INVALID_OPTIONS, 'The signaling server needs a token secret (--secret / CHAT_MEET_SECRET) or a JWKS URL (--jwks-url).');
  const key = options.jwksUrl ? createRemoteJWKSet(new URL(options.jwksUrl)) : secretKey(options.secret!);
  const verifyOptions = {
    algorithms: options.jwksUrl ? ['RS256', 'ES256', 'EdDSA', 'PS256'] : ['HS256'],
    issuer: options.issuer,
    audience: options.audience,
    requiredClaims: ['exp', 'sub'],
  };
  return async (token) => {
    if (!token) throw new ChatMeetError(ErrorCodes.AUTH_REQUIRED, 'No token: connect with ?token=<a token from your backend> (see createToken()).');
    if (token.length > 8192) throw new ChatMeetError(ErrorCodes.AUTH_INVALID, 'The token is too long to be a chat-meet token.');
    try {
      const { payload } = await (typeof key === 'function' ? jwtVerify(token, key, verifyOptions) : jwtVerify(token, key, verifyOptions));
      return identityOf(payload);
    } catch (error) {
      if (error instanceof ChatMeetError) throw error;
      if (error instanceof errors.JWTExpired) throw new ChatMeetError(ErrorCodes.AUTH_EXPIRED, 'The token expired: ask your backend for a fresh one and reconnect.');
      throw new ChatMeetError(ErrorCodes.AUTH_INVALID, 'The token was refused (bad signature, algorithm, issuer or audience, or not a JWT): issue it with createToken() and the server\'s secret.', { reason: (error as Error)?.name });
    }
  };
}

/** Whether `identity` may meet in `scope` (a conversation or team room id). */
export function allows(scopes: readonly string[], scope: string): boolean {
  return scopes.includes('*') || scopes.includes(scope);
}
