/**
 * The elements a meet needs beyond the button — the ring, the call window, the settings
 * panel, the permission guide — loaded with `import()` the first time a meet rings or
 * starts (or settings open, or a permission is refused), and added to the page through the
 * mount (so `shutdown` removes them).
 */
import type { Mount } from './mount.js';
import type { GuideTopic } from '../elements/permission-guide/topic.js';

export interface Overlays {
  /** Loads and adds the ring and the call window (once). */
  ensureMeetElements(): Promise<void>;
  /** Loads and opens the settings panel (R14). */
  openSettings(): Promise<void>;
  /**
   * Loads and shows the permission guide for `topic` (R17 camera/microphone, R12 screen),
   * over the page; `beforeReload` runs when the user presses "reload and try again", just
   * before the page reloads. One guide at a time: a second refusal replaces its topic.
   */
  openGuide(topic: GuideTopic, beforeReload: () => void): Promise<void>;
}

export function createOverlays(mount: Mount, doc: Document = document): Overlays {
  let meet: Promise<void> | null = null;
  let settings: HTMLElement | null = null;
  let guide: (HTMLElement & { topic: GuideTopic }) | null = null;
  let reloadHook = () => {};
  return {
    ensureMeetElements() {
      meet ??= Promise.all([import('../elements/ring/ring.js'), import('../elements/call/call.js')]).then(() => {
        mount.add(doc.createElement('chat-meet-ring'));
        mount.add(doc.createElement('chat-meet-call'));
      });
      return meet;
    },
    async openSettings() {
      await import('../elements/settings/settings.js');
      if (!settings) {
        const panel = doc.createElement('chat-meet-settings');
        Object.assign(panel, { closable: true });
        panel.setAttribute('role', 'dialog');
        panel.addEventListener('chat-meet-settings-close', () => (panel.hidden = true));
        mount.add(panel);
        settings = panel;
      }
      settings.hidden = false;
    },
    async openGuide(topic, beforeReload) {
      await import('../elements/permission-guide/permission-guide.js');
      reloadHook = beforeReload;
      if (!guide) {
        // Focus moves into the guide; closing it gives focus back to where the user was (the
        // control that asked, e.g. the call window's share-screen button), not to the page.
        const returnTo = deepActiveElement(doc);
        const panel = doc.createElement('chat-meet-permission-guide');
        Object.assign(panel, { overlay: true });
        // Closed means gone: the next refusal mounts a fresh guide, which takes focus again.
        panel.addEventListener('chat-meet-guide-close', () => {
          panel.remove();
          if (guide === panel) guide = null;
          if (returnTo?.isConnected) returnTo.focus();
        });
        // The element reloads after this listener unless the host cancels the event.
        panel.addEventListener('chat-meet-reload', () => reloadHook());
        mount.add(panel);
        guide = panel;
      }
      guide.topic = topic;
    },
  };
}

/** The focused element, inside shadow roots too (`document.activeElement` stops at a host). */
function deepActiveElement(doc: Document): HTMLElement | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement && active !== doc.body ? active : null;
}
