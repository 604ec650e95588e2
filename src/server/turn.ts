/**
 * Time-limited TURN credentials in the "TURN REST API" scheme that coturn checks with
 * `use-auth-secret` + `static-auth-secret`: the username is `<expiry unix time>:<user>`
 * and the password is base64(HMAC-SHA1(secret, username)). No per-user state in coturn.
 */
import { createHmac } from 'node:crypto';

export interface TurnOptions {
  /** coturn's `static-auth-secret`. */
  secret: string;
  /** TURN URLs, e.g. `turn:turn.example.com:3478?transport=udp`. */
  urls: string[];
  /** How long the credentials stay valid (default 3600 s). */
  ttlSeconds?: number;
}

export interface TurnServer {
  urls: string[];
  username: string;
  credential: string;
}

/** Credentials for `userId`, valid for `ttlSeconds` from `now`. */
export function turnCredentials(options: TurnOptions, userId: string, now = Date.now()): TurnServer {
  const expiry = Math.floor(now / 1000) + (options.ttlSeconds ?? 3600);
  const username = `${expiry}:${userId}`;
  const credential = createHmac('sha1', options.secret).update(username).digest('base64');
  return { urls: [...options.urls], username, credential };
}
