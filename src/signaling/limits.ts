/**
 * Protocol limits with no schema attached, so that code which needs only a number (the
 * product rules in the first download) does not pull the message schemas with it.
 */

/** R3: at most this many participants in one meet. */
export const MAX_PARTICIPANTS = 10;
