/**
 * The meet context: one meet client (and who uses it) for every hook and component below a
 * {@link MeetProvider}. Hooks and components may also take a client of their own.
 */
import { createContext, h, type ComponentChildren, type JSX } from 'preact';
import { useContext, useMemo } from 'preact/hooks';
import { ChatMeetError, ErrorCodes, reportToConsole } from '../core/errors.js';
import type { MeetClient } from '../core/types.js';
import type { ElementEnvironment } from '../elements/base/environment.js';
import type { Role } from '../signaling/protocol.js';

/** The languages of the elements' labels. */
export type MeetLocale = 'ko' | 'en' | 'ja';

/** What a {@link MeetProvider} shares with the hooks and components below it. */
export interface MeetContextValue {
  /** The meet client, or `null` while it does not exist yet (the hooks then report an idle meet). */
  client: MeetClient | null;
  /** Who this client is: the components' default `userRole` and `userId`. */
  user: { id?: string; role: Role };
  locale?: MeetLocale;
  environment?: ElementEnvironment | null;
  /** Where failures of what the user asked for go (they are also on `$meet.error` where the core knows them). */
  onError: (error: ChatMeetError) => void;
}

/** Props of {@link MeetProvider}. */
export interface MeetProviderProps {
  /** From `createMeetClient()`; `null` until you have one (e.g. while signing in). */
  client: MeetClient | null;
  /** This user: `role` picks the customer button or the manager menu (R5, R7); `id` keys saved settings. Default role: `customer`. */
  user?: { id?: string; role?: Role };
  /** Labels' language for every component below; default: the browser's. */
  locale?: MeetLocale;
  /** From `detectEnvironment()` (`chat-meet/environment`); without it the elements guess cautiously. */
  environment?: ElementEnvironment | null;
  /** Receives failures of intents (a call that could not start, a device that failed). Default: a console line with the code. */
  onError?: (error: ChatMeetError) => void;
  children?: ComponentChildren;
}

/** @internal The context object; `undefined` outside any provider. */
export const MeetContext = createContext<MeetContextValue | undefined>(undefined);

/**
 * Shares one meet client with every chat-meet hook and component below it.
 *
 * @example
 * ```tsx
 * import { MeetProvider, MeetButton, MeetRing, MeetCall } from 'chat-meet/preact';
 *
 * <MeetProvider client={client} user={{ id: 'cust-1', role: 'customer' }} locale="en">
 *   <MeetButton conversation={{ id: 'conv-42', assigneeId: 'mgr-7' }} />
 *   <MeetRing />
 *   <MeetCall />
 * </MeetProvider>
 * ```
 */
export function MeetProvider(props: MeetProviderProps): JSX.Element {
  const { client, user, locale, environment, onError, children } = props;
  const value = useMemo<MeetContextValue>(
    () => ({ client, user: { id: user?.id, role: user?.role ?? 'customer' }, locale, environment, onError: onError ?? reportToConsole }),
    [client, user?.id, user?.role, locale, environment, onError],
  );
  return h(MeetContext.Provider, { value }, children);
}

/**
 * @internal The client a hook or component uses: its own `client` argument when given
 * (`null` included), else the provider's. Without either it throws: that is a wiring
 * mistake, not a state to render.
 */
export function useClientOf(explicit: MeetClient | null | undefined, who: string): MeetClient | null {
  const context = useContext(MeetContext);
  if (explicit !== undefined) return explicit;
  if (!context) {
    throw new ChatMeetError(ErrorCodes.INVALID_OPTIONS, `${who} needs a meet client: pass one, or render it inside <MeetProvider client={client}>.`);
  }
  return context.client;
}

/** @internal The provider's value, with defaults outside one. */
export function useMeetContext(): MeetContextValue {
  return useContext(MeetContext) ?? OUTSIDE;
}
const OUTSIDE: MeetContextValue = { client: null, user: { role: 'customer' }, onError: reportToConsole };
