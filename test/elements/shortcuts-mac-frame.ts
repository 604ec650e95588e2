/**
 * R13 on a Mac (a frame whose platform says so before anything loads): the chords take ⌘,
 * not Ctrl, and the ring's hint and aria-keyshortcuts say ⌘ / Meta. Reports what fired.
 */
import './shortcuts-mac-env.js';
import '../../src/elements/ring/ring.js';
import { INTENT_EVENT, type MeetIntent } from '../../src/elements/intents.js';
import { stateClient } from './call-states.js';

async function run() {
  const fired: MeetIntent[] = [];
  document.addEventListener(INTENT_EVENT, (e) => fired.push((e as CustomEvent<MeetIntent>).detail));
  const client = stateClient({ status: 'ringing-in', caller: { id: 'c1', name: 'Mina', role: 'customer', audioOnly: false, mic: true, camera: false, screen: false } }, [], { stream: null });
  const ring = Object.assign(document.createElement('chat-meet-ring'), { client, userRole: 'manager', sound: 'off', locale: 'en' });
  document.body.append(ring);
  await ring.updateComplete;
  const press = (key: string, code: string, mods: KeyboardEventInit) =>
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key, code, bubbles: true, cancelable: true, ...mods }));
  const hint = ring.shadowRoot!.querySelector('.hint')?.textContent;
  const aria = ring.shadowRoot!.querySelector('[part="accept"]')?.getAttribute('aria-keyshortcuts');
  press(' ', 'Space', { ctrlKey: true, shiftKey: true });
  const withCtrl = fired.length;
  press(' ', 'Space', { metaKey: true, shiftKey: true });
  client.$meet.setKey('status', 'live');
  press('m', 'KeyM', { metaKey: true, shiftKey: true });
  press('o', 'KeyO', { metaKey: true, shiftKey: true });
  press('o', 'KeyO', { metaKey: true });
  press('o', 'KeyO', { ctrlKey: true });
  return { hint, aria, withCtrl, fired };
}

(window as unknown as { macResult: Promise<unknown> }).macResult = run();
