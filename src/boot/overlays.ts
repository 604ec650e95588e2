/**
 * The elements a meet needs beyond the button — the ring, the call window, the settings
 * panel — loaded with `import()` the first time a meet rings or starts (or settings open),
 * and added to the page through the mount (so `shutdown` removes them).
 */
import type { Mount } from './mount.js';

export interface Overlays {
  /** Loads and adds the ring and the call window (once). */
  ensureMeetElements(): Promise<void>;
  /** Loads and opens the settings panel (R14). */
  openSettings(): Promise<void>;
}

export function createOverlays(mount: Mount, doc: Document = document): Overlays {
  let meet: Promise<void> | null = null;
  let settings: HTMLElement | null = null;
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
  };
}
