/**
 * Puts chat-meet's elements on the host page and keeps their properties in step with the
 * boot configuration. The button goes where the host put `<chat-meet-button>` (also ones
 * added later, e.g. by a re-rendered chat widget) or into the `container` option; the ring
 * and the call window load with `import()` when a meet first rings or starts, so the
 * first download stays small.
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
  /** Loads and adds the ring and the call window (once). */
  ensureMeetElements(): Promise<void>;
  /** Loads and opens the settings panel (R14). */
  openSettings(): Promise<void>;
  /** Every element chat-meet created goes; the host's own buttons stay, hidden. */
  destroy(): void;
}

export function mountElements(config: BootConfig, doc: Document = document): Mount {
  let conversation = config.conversation;
  let client: MeetClient | null = null;
  let environment: ElementEnvironment | null = null;
  let destroyed = false;
  const created: HTMLElement[] = [];
  const buttons = new Set<ButtonLike>();
  let ring: HTMLElement | null = null;
  let call: HTMLElement | null = null;
  let settings: HTMLElement | null = null;
  let meetElements: Promise<void> | null = null;

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

  function overlayProps(): Props {
    return { client, userRole: config.user.role, userId: config.user.id, environment };
  }

  return {
    setConversation(next) {
      conversation = next;
      refreshButtons();
    },
    setClient(next) {
      client = next;
      refreshButtons();
      for (const el of [ring, call]) if (el) Object.assign(el, overlayProps());
    },
    setEnvironment(next) {
      environment = next;
      refreshButtons();
      for (const el of [call, settings]) if (el) Object.assign(el, { environment });
    },
    ensureMeetElements() {
      meetElements ??= Promise.all([import('../elements/ring/ring.js'), import('../elements/call/call.js')]).then(() => {
        if (destroyed) return;
        ring = doc.createElement('chat-meet-ring');
        call = doc.createElement('chat-meet-call');
        for (const el of [ring, call]) {
          common(el);
          Object.assign(el, overlayProps());
          created.push(el);
          doc.body.append(el);
        }
      });
      return meetElements;
    },
    async openSettings() {
      await import('../elements/settings/settings.js');
      if (destroyed) return;
      if (!settings) {
        settings = doc.createElement('chat-meet-settings');
        common(settings);
        Object.assign(settings, { userId: config.user.id, environment, closable: true });
        settings.setAttribute('role', 'dialog');
        settings.addEventListener('chat-meet-settings-close', () => settings && (settings.hidden = true));
        created.push(settings);
        doc.body.append(settings);
      }
      settings.hidden = false;
    },
    destroy() {
      destroyed = true;
      observer.disconnect();
      for (const el of created) el.remove();
      // The host's own buttons stay in its markup, hidden: no client, no assignee.
      for (const el of buttons) Object.assign(el, { client: null, assigneeId: null });
      buttons.clear();
    },
  };
}
