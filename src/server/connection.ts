/** One authenticated WebSocket connection, as the server tracks it. */
import type { WebSocket } from 'ws';
import type { TokenIdentity } from './auth.js';
import { TokenBucket } from './rate-limit.js';

export interface Connection {
  /** `node/n`: unique across the cluster. */
  readonly key: string;
  readonly ws: WebSocket;
  readonly user: TokenIdentity;
  readonly rooms: Set<string>;
  readonly bucket: TokenBucket;
  /** Frames are handled one after another so a slow one (a Redis round trip) never reorders them. */
  chain: Promise<void>;
  /** Cleared on each ping, set on pong; a connection still false at the next ping is dead. */
  alive: boolean;
  /** Refused frames lately; too many and the connection is closed as abusive. */
  strikes: number;
  closed: boolean;
  expiryTimer?: ReturnType<typeof setTimeout>;
}

export function send(conn: Connection, frame: string): void {
  if (conn.closed || conn.ws.readyState !== 1) return;
  conn.ws.send(frame);
}
