/**
 * Meet links (R7): the follow-up sent to an offline or missed callee carries one, and
 * opening it joins that meet. The integrator decides what a link looks like (their
 * page, their router); by default it is the current page with `?chat-meet=<meetId>`.
 */
import { ChatMeetError, ErrorCodes } from './errors.js';

/** The query parameter of default meet links. */
export const MEET_LINK_PARAM = 'chat-meet';
const ID = /^[\w.:@-]{1,128}$/;

/** The default link builder: this page, with the meet id in the query. */
export function defaultMeetLink(meetId: string): string {
  const base = typeof location === 'undefined' ? 'https://example.invalid/' : `${location.origin}${location.pathname}`;
  return `${base}?${MEET_LINK_PARAM}=${encodeURIComponent(meetId)}`;
}

/**
 * Reads the meet id from a link (any URL with `?chat-meet=` or `#chat-meet=`) or takes a
 * bare meet id as is. Throws `CM_INVALID_LINK` for anything else.
 */
export function meetIdFromLink(link: string): string {
  const text = String(link ?? '').trim();
  if (ID.test(text)) return text;
  try {
    const url = new URL(text);
    const hash = new URLSearchParams(url.hash.replace(/^#/, ''));
    const id = url.searchParams.get(MEET_LINK_PARAM) ?? hash.get(MEET_LINK_PARAM);
    if (id && ID.test(id)) return id;
  } catch {
    // not a URL: fall through to the error
  }
  throw new ChatMeetError(ErrorCodes.INVALID_LINK, `This is not a meet link: expected a URL with ?${MEET_LINK_PARAM}=<meet id> (or the meet id itself).`, { link: text.slice(0, 200) });
}

/** A fresh meet id: unguessable enough that a link is the key to the meet. */
export function newMeetId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `m-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
