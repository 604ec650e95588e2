/**
 * Binds the R13 shortcuts for as long as an element is connected, rebinding when its
 * client, role or setting change. `<chat-meet-ring>` and `<chat-meet-call>` host it (either
 * may be the only one a page mounts); bindMeetShortcuts lets one of them listen per client.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { MeetClient } from '../../core/types.js';
import type { Role } from '../../signaling/protocol.js';
import { bindMeetShortcuts, shortcutsEnabled, type ShortcutsSetting } from './shortcuts.js';

export interface ShortcutsConfig {
  client: MeetClient | null;
  role: Role;
  setting: ShortcutsSetting;
}

export class ShortcutsController implements ReactiveController {
  private unbind: (() => void) | null = null;
  private key: readonly unknown[] = [];

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly config: () => ShortcutsConfig,
  ) {
    host.addController(this);
  }

  /** Whether shortcuts are on here (this host or another on the same client listens; a meet may still have to ring to use them). */
  get enabled(): boolean {
    return this.unbind !== null;
  }

  hostConnected(): void {
    this.sync(true);
  }

  hostUpdate(): void {
    this.sync(false);
  }

  hostDisconnected(): void {
    this.unbind?.();
    this.unbind = null;
    this.key = [];
  }

  private sync(force: boolean): void {
    const { client, role, setting } = this.config();
    const key = [client, role, setting];
    if (!force && key.every((v, i) => v === this.key[i])) return;
    this.key = key;
    this.unbind?.();
    this.unbind = client && shortcutsEnabled(setting, role) ? bindMeetShortcuts({ client, role, source: this.host }) : null;
  }
}
