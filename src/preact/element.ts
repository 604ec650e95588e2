/**
 * @internal How a component drives its custom element: it loads the element's chunk on
 * mount (define.ts), sets properties (never attributes: a client or an environment is not
 * a string, and Lit keeps properties set before the element is defined), listens to the
 * element's events, and turns its intents into the client's actions (bindIntents).
 */
import { h, type JSX } from 'preact';
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { asCoded } from '../core/as-coded.js';
import { ChatMeetError, ErrorCodes } from '../core/errors.js';
import type { MeetClient } from '../core/types.js';
import { bindIntents, INTENT_EVENT, type IntentHost, type MeetIntent } from '../elements/intents.js';

/** HTML attributes a component passes on to its element (`class`, `style`, `id`, `aria-*`, `data-*`, ...). */
export type ElementAttributes = Omit<JSX.HTMLAttributes<HTMLElement>, 'ref' | 'onChange' | 'onClose' | 'onError' | 'children'> & {
  // JSX allows data-* on any element; h() callers get the same.
  [data: `data-${string}`]: string | number | boolean | undefined;
};

export interface ElementSpec {
  tag: string;
  /** Loads and defines the element (once; later calls are no-ops). */
  load: () => Promise<unknown>;
  /** Properties to set; `undefined` leaves the element's own default. */
  props: Record<string, unknown>;
  /** Element events → handlers (the latest render's). */
  events?: Record<string, ((event: CustomEvent) => void) | undefined>;
  /** Turn intents into actions on this client; `undefined`: the element sends none. */
  intents?: { client: MeetClient | null; host: Omit<IntentHost, 'onError'> };
  onError: (error: ChatMeetError) => void;
  attributes: ElementAttributes;
}

export function useChatMeetElement(spec: ElementSpec): JSX.Element {
  const ref = useRef<HTMLElement>(null);
  const latest = useRef(spec);
  latest.current = spec;
  const applied = useRef(new Map<string, unknown>());

  useEffect(() => {
    spec.load().catch((e) => latest.current.onError(asCoded(e)));
  }, [spec.tag]);

  // Like Preact's own DOM diff: only what changed since the last render is set, so the
  // element keeps state of its own (a minimised window) until a prop says otherwise.
  useLayoutEffect(() => {
    const el = ref.current as unknown as Record<string, unknown> | null;
    if (!el) return;
    for (const [name, value] of Object.entries(spec.props)) {
      if (value === undefined || (applied.current.has(name) && applied.current.get(name) === value)) continue;
      applied.current.set(name, value);
      el[name] = value;
    }
  });

  // Listeners and intents bind in layout effects, before the browser paints the element: with
  // useEffect a click in the first frames after mounting would go nowhere.
  const eventNames = Object.keys(spec.events ?? {}).join(' ');
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !eventNames) return;
    const offs = eventNames.split(' ').map((name) => {
      const listener = (e: Event) => latest.current.events?.[name]?.(e as CustomEvent);
      el.addEventListener(name, listener);
      return () => el.removeEventListener(name, listener);
    });
    return () => offs.forEach((off) => off());
  }, [eventNames]);

  const wantsIntents = Boolean(spec.intents);
  const client = spec.intents?.client ?? null;
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !wantsIntents) return;
    const onError = (e: unknown) => latest.current.onError(asCoded(e));
    if (!client) {
      // Nothing to run a call on yet: say so instead of a button that silently does nothing.
      const refuse = (e: Event) => {
        if ((e as CustomEvent<MeetIntent>).detail?.type === 'call') onError(new ChatMeetError(ErrorCodes.NOT_CONNECTED, 'There is no meet client yet, so no meet can start: give <MeetProvider> a client from createMeetClient().'));
      };
      el.addEventListener(INTENT_EVENT, refuse);
      return () => el.removeEventListener(INTENT_EVENT, refuse);
    }
    const host = () => latest.current.intents?.host;
    return bindIntents(el, client, {
      call: (kind) => host()?.call(kind),
      setBlur: (on) => host()?.setBlur?.(on),
      openSettings: () => host()?.openSettings?.(),
      escapeInApp: () => host()?.escapeInApp?.(),
      onError,
    });
  }, [client, wantsIntents]);

  return h(spec.tag, { ...spec.attributes, ref });
}
