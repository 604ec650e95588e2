/**
 * Anything thrown, as a coded error: a {@link ChatMeetError} as it is, anything else (a bug,
 * a browser exception no module turned into a code) as `CM_PEER_FAILED` with its message, so
 * a host's handler always gets a `code`. The boot, the meet client and the Preact components
 * all report through it.
 *
 * A module of its own, not in ./errors.ts: errors.ts is a chunk of the first download shared
 * with the lazy ones, and this function there cost it about 40 B gzip (test/build/size-budget);
 * here rollup puts it with the boot, which needs it anyway.
 */
import { ChatMeetError, ErrorCodes } from './errors.js';

/** @internal */
export const asCoded = (error: unknown): ChatMeetError =>
  error instanceof ChatMeetError ? error : new ChatMeetError(ErrorCodes.PEER_FAILED, `Unexpected failure: ${(error as Error)?.message ?? String(error)}`);
