/**
 * R17/R12 for whoever hosts the guide (the booted widget, chat-meet/preact): which refusals
 * open the permission guide, and what its "reload and try again" does. Only lazy chunks
 * import this (nothing here is in the first download).
 */
import { ErrorCodes } from '../../core/errors.js';
import { MEET_LINK_PARAM } from '../../core/links.js';
import type { MeetState } from '../../core/types.js';
import type { ElementEnvironment } from '../base/environment.js';
import { screenGuidePlatform } from './platform.js';

export type GuideTopic = 'media' | 'screen';

/**
 * The guide a capture error calls for, or null. A refused camera or microphone always
 * gets the camera/microphone guide (R17). A refused screen gets the screen-recording guide
 * when the operating system refused (`details.bySystem`, e.g. macOS Screen Recording off),
 * or on Safari, which asks every time (its guide says to allow in that prompt); elsewhere
 * a refusal is the user closing the browser's picker, and a guide would only be in the way.
 */
export function guideTopicFor(error: MeetState['error'], environment: ElementEnvironment | null): GuideTopic | null {
  if (error?.code !== ErrorCodes.MEDIA_DENIED) return null;
  const details = error.details ?? {};
  if (details.what !== 'screen') return 'media';
  if (details.bySystem === true) return 'screen';
  return screenGuidePlatform({ os: environment?.os, userAgent: navigator.userAgent }) === 'safari' ? 'screen' : null;
}

/**
 * Before the guide reloads the page: a meet that is still going is put in the address
 * (`?chat-meet=<id>`, what `joinFromUrl` reads), so the reloaded page joins it again with
 * the permission now granted. A meet that ended (the microphone refused at the start) is
 * not: the user starts again from the button.
 */
export function rejoinAfterReload(meet: MeetState): void {
  const going = meet.status === 'live' || meet.status === 'connecting' || meet.status === 'reconnecting';
  if (!going || !meet.meetId) return;
  const url = new URL(location.href);
  url.searchParams.set(MEET_LINK_PARAM, meet.meetId);
  history.replaceState(history.state, '', url.href);
}
