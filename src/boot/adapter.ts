/**
 * Turns the `signaling` boot option into an adapter. The adapters load with `import()`
 * so that a page's first download stays small (the meet button shows before they arrive).
 */
import { ChatMeetError, ErrorCodes } from '../core/errors.js';
import type { SignalingAdapter } from '../signaling/adapter.js';
import type { BootConfig } from './options.js';

type SignalingOption = NonNullable<BootConfig['signaling']>;

/** `/signal` or `http://host/signal` → `ws://host/signal` (relative to the page). */
export function toWebSocketUrl(url: string, base = typeof location === 'undefined' ? 'http://localhost/' : location.href): string {
  const absolute = new URL(url, base);
  if (absolute.protocol === 'http:') absolute.protocol = 'ws:';
  else if (absolute.protocol === 'https:') absolute.protocol = 'wss:';
  if (absolute.protocol !== 'ws:' && absolute.protocol !== 'wss:') {
    throw new ChatMeetError(ErrorCodes.INVALID_OPTIONS, `signaling.url must be a ws://, wss://, http(s):// or relative URL, not ${JSON.stringify(url)}.`);
  }
  return absolute.href;
}

/** Creates the adapter the option names. Rejects with a coded error for a bad URL. */
export async function createAdapterFor(signaling: SignalingOption): Promise<SignalingAdapter> {
  if (signaling === 'broadcast-channel') {
    const { createBroadcastChannelAdapter } = await import('../signaling/broadcast-channel.js');
    return createBroadcastChannelAdapter();
  }
  if ('connect' in signaling) return signaling as SignalingAdapter;
  const ws = signaling as { url: string | string[]; getToken?: () => string | Promise<string> };
  const urls = [ws.url].flat().map((u) => toWebSocketUrl(u));
  const { createWebSocketAdapter } = await import('../signaling/websocket.js');
  const getToken = ws.getToken;
  return createWebSocketAdapter({ url: urls, ...(getToken ? { getToken: () => getToken() } : {}) });
}
