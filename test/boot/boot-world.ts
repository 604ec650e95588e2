/** A booted page for the boot tests: one dispatcher (the page's `ChatMeet`) and peers on a memory hub. */
import { createCommandDispatcher, type CommandDispatcher } from '../../src/boot/commands.js';
import type { BootOptions } from '../../src/boot/options.js';
import { createMeetClient } from '../../src/core/client.js';
import type { MeetClient } from '../../src/core/types.js';
import '../../src/elements/button/button.js';
import { createMemoryAdapter, createMemoryHub, type MemoryHub } from '../../src/signaling/memory.js';
import '../helpers/spy.js';

export interface BootWorld {
  hub: MemoryHub;
  ChatMeet: CommandDispatcher;
  /** Console errors chat-meet printed, in order. */
  errors: string[];
  /** Events the page received, as `name:status` or `name`. */
  events: { name: string; payload: unknown }[];
  /** A manager (or customer) outside the booted page, on the same hub. */
  peer(id: string, role?: 'customer' | 'manager'): MeetClient;
  /** Boot options with a memory adapter on the hub. */
  options(extra?: Partial<BootOptions>): BootOptions;
  destroy(): void;
}

export function createBootWorld(): BootWorld {
  const hub = createMemoryHub();
  const ChatMeet = createCommandDispatcher();
  const errors: string[] = [];
  const events: BootWorld['events'] = [];
  const peers: MeetClient[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => {
    const line = args.map(String).join(' ');
    if (line.startsWith('[chat-meet]')) errors.push(line);
    else original.apply(console, args);
  };
  for (const name of ['booted', 'connected', 'shutdown', 'conversationChanged', 'meetStateChanged', 'error']) {
    ChatMeet('on', name, (payload: unknown) => events.push({ name, payload }));
  }
  return {
    hub, ChatMeet, errors, events,
    peer(id, role = 'manager') {
      const client = createMeetClient({
        adapter: createMemoryAdapter(hub),
        self: { id, name: `Name ${id}`, role },
        video: { width: 160, height: 120, frameRate: 15 },
      });
      peers.push(client);
      return client;
    },
    options(extra = {}) {
      return {
        user: { id: 'cust-1', name: 'Mina', role: 'customer' },
        conversation: { id: 'conv-1', assigneeId: 'mgr-1', source: 'web' },
        signaling: createMemoryAdapter(hub) as never,
        ...extra,
      };
    },
    destroy() {
      ChatMeet('shutdown');
      peers.splice(0).forEach((p) => p.destroy());
      console.error = original;
    },
  };
}

/** The shadow-root button of a `<chat-meet-button>`, or null while hidden. */
export const shownButton = (el: Element | null) => el?.shadowRoot?.querySelector<HTMLButtonElement>('[part="button"]') ?? null;

export const statuses = (world: BootWorld) =>
  world.events.filter((e) => e.name === 'meetStateChanged').map((e) => (e.payload as { status: string }).status);
