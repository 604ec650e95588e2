/**
 * Puts chat-meet's elements on the host page and keeps their properties in step with the
 * boot configuration. The button goes where the host put `<chat-meet-button>` (also ones
 * added later, e.g. by a re-rendered chat widget) or into the `container` option. The ring,
 * the call window and settings are added by the lazy session (./overlays.ts), so this file
 * is all the first download carries.
 */
import type { MeetClient } from '../core/types.js';
import type { ElementEnvironment } from '../elements/base/environment.js';
import type { BootConfig, Conversation } from './options.js';

type ButtonLike = HTMLElement & {
  client: MeetClient | null;
  userRole: string;
  customerCanStartMeet: boolean;
  assigneeId: string | null;
  source: string;
  environment: ElementEnvironment | null;
  locale: string;
};
type Props = Record<string, unknown>;

export interface Mount {
  /** The conversation changed: buttons show or hide at once (R5, R6). */
  setConversation(conversation: Conversation | undefined): void;
  setClient(client: MeetClient): void;
  setEnvironment(environment: ElementEnvironment | null): void;
  /** Adds an element chat-meet owns to the page (removed on destroy). */
  add(el: HTMLElement, overlay?: boolean): void;
  /** Every element chat-meet created goes; the host's own buttons stay, hidden. */
  destroy(): void;
}

export function mountElements(config: BootConfig, doc: Document = document): Mount {
  let conversation = config.conversation;
  let client: MeetClient | null = null;
  let environment = (config.environment as ElementEnvironment | undefined) ?? null;
  let destroyed = false;
  const created: HTMLElement[] = [];
  const buttons = new Set<ButtonLike>();
  /** Ring, call window, settings: they follow the client and the environment too. */
  const overlays = new Set<HTMLElement>();

  const common = (el: HTMLElement) => {
    Object.assign(el, { locale: config.locale ?? '' });
    for (const [name, value] of Object.entries(config.theme ?? {})) el.style.setProperty(name, value);
  };

  function configureButton(el: ButtonLike) {
    buttons.add(el);
    common(el);
    Object.assign(el, {
      client,
      userRole: config.user.role,
      customerCanStartMeet: config.customerCanStartMeet,
      // A team room (R9) needs no assignee: the manager is the one who meets.
      assigneeId: conversation?.teamRoomId ? config.user.id : conversation?.assigneeId ?? null,
      source: conversation?.source ?? 'web',
      environment,
    } satisfies Props);
  }
  const refreshButtons = () => buttons.forEach(configureButton);

  const fromHost = [...doc.querySelectorAll<ButtonLike>('chat-meet-button')];
  if (!fromHost.length && config.container) {
    const place = doc.querySelector(config.container);
    if (place) {
      const el = doc.createElement('chat-meet-button') as ButtonLike;
      created.push(el);
      place.append(el);
      fromHost.push(el);
    }
  }
  fromHost.forEach(configureButton);

  // Buttons the host adds later (a chat widget that renders after boot) get the same setup.
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        const found = node.localName === 'chat-meet-button' ? [node] : [...node.querySelectorAll('chat-meet-button')];
        found.forEach((el) => configureButton(el as ButtonLike));
      }
    }
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true });

  const overlayProps = (el: HTMLElement): Props => ({
    client, userRole: config.user.role, userId: config.user.id, environment,
    // The ring and the call window host the R13 shortcuts (one of them listens).
    ...('shortcuts' in el ? { shortcuts: config.shortcuts ?? 'auto' } : {}),
  });

  return {
    setConversation(next) {
      conversation = next;
      refreshButtons();
    },
    setClient(next) {
      client = next;
      refreshButtons();
      overlays.forEach((el) => Object.assign(el, overlayProps(el)));
    },
    setEnvironment(next) {
      environment = next;
      refreshButtons();
      overlays.forEach((el) => Object.assign(el, { environment }));
    },
    add(el, overlay = true) {
      if (destroyed) return;
      common(el);
      if (overlay) {
        overlays.add(el);
        Object.assign(el, overlayProps(el));
      }
      created.push(el);
      doc.body.append(el);
    },
    destroy() {
      destroyed = true;
      observer.disconnect();
      for (const el of created) el.remove();
      overlays.clear();
      // The host's own buttons stay in its markup, hidden: no client, no assignee.
      for (const el of buttons) Object.assign(el, { client: null, assigneeId: null });
      buttons.clear();
    },
  };
}
