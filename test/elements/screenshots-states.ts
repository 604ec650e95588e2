/**
 * States of the other elements (UI-A's button, ring and permission guide) for the axe test
 * and the screenshots, next to the call window's (call-states.ts) and the settings panel's.
 * Each mounts an element, then `ready` drives it into the state (opens a menu, a sheet).
 */
import '../../src/elements/button/button.js';
import '../../src/elements/ring/ring.js';
import type { MeetState } from '../../src/core/types.js';
import type { ElementEnvironment } from '../../src/elements/base/environment.js';
import { stateClient } from './call-states.js';

export interface ElementState {
  tag: string;
  state: string;
  caption: string;
  mount(): HTMLElement;
  /** Runs once the element rendered: puts it into the state. */
  ready?(el: HTMLElement): Promise<void> | void;
}

const desktop: ElementEnvironment = { inApp: false, os: 'windows', mobile: false, supports: { meet: true, screenShare: true } };
const inAppUrl: ElementEnvironment = { inApp: true, os: 'android', mobile: true, supports: { meet: false }, escape: { kind: 'intent', url: 'intent://shop.example/help#Intent;scheme=https;end' } };
const inAppInstructions: ElementEnvironment = { inApp: true, os: 'ios', mobile: true, supports: { meet: false }, escape: { kind: 'instructions' } };

function make(tag: string, props: Record<string, unknown>): HTMLElement {
  const el = document.createElement(tag);
  Object.assign(el, { locale: 'en', ...props });
  return el;
}
const click = async (el: HTMLElement, selector: string) => {
  el.shadowRoot!.querySelector<HTMLElement>(selector)!.click();
  await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
};

/** A ring driven through its meet statuses (the ring records transitions, so outcomes replay them). */
function ring(statuses: Partial<MeetState>[], props: Record<string, unknown> = {}) {
  return () => {
    const client = stateClient({ status: 'idle', caller: { id: 'cust-1', name: 'Mina Kim', role: 'customer', audioOnly: false, mic: true, camera: false, screen: false } }, []);
    const el = make('chat-meet-ring', { client, sound: 'off', calleeName: 'Mina Kim', ...props });
    (el as HTMLElement & { replay: () => void }).replay = () => statuses.forEach((s) => client.$meet.set({ ...client.$meet.get(), ...s }));
    return el;
  };
}
const replay = async (el: HTMLElement) => {
  (el as HTMLElement & { replay: () => void }).replay();
  await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
};

export const ringStates: ElementState[] = [
  { tag: 'chat-meet-ring', state: 'incoming-video', caption: 'R10: a video meet rings (accept, decline; the R13 shortcut shown for managers)', mount: ring([{ status: 'ringing-in', kind: 'video' }], { userRole: 'manager' }), ready: replay },
  { tag: 'chat-meet-ring', state: 'incoming-voice', caption: 'a voice meet rings a customer', mount: ring([{ status: 'ringing-in', kind: 'voice' }]), ready: replay },
  { tag: 'chat-meet-ring', state: 'outgoing', caption: 'calling…, with cancel', mount: ring([{ status: 'ringing-out', kind: 'video' }], { userRole: 'manager' }), ready: replay },
  { tag: 'chat-meet-ring', state: 'declined', caption: 'R10: the callee declined', mount: ring([{ status: 'ringing-out' }, { status: 'ended', endReason: 'declined' }]), ready: replay },
  { tag: 'chat-meet-ring', state: 'timed-out', caption: 'R10: nobody answered', mount: ring([{ status: 'ringing-out' }, { status: 'ended', endReason: 'timeout' }]), ready: replay },
  { tag: 'chat-meet-ring', state: 'cancelled-in', caption: 'R10: the caller cancelled', mount: ring([{ status: 'ringing-in' }, { status: 'ended', endReason: 'cancelled' }]), ready: replay },
  { tag: 'chat-meet-ring', state: 'missed-in', caption: 'R10: a missed meet', mount: ring([{ status: 'ringing-in' }, { status: 'ended', endReason: 'timeout' }]), ready: replay },
  { tag: 'chat-meet-ring', state: 'follow-up', caption: 'R7: the customer was offline; a follow-up link was sent', mount: ring([{ status: 'ringing-out', meetId: 'm-7' }, { status: 'live', followUpLink: 'https://shop.example/help?chat-meet=m-7' }], { userRole: 'manager' }), ready: replay },
  { tag: 'chat-meet-ring', state: 'incoming-japanese', caption: 'ringing, in Japanese', mount: ring([{ status: 'ringing-in', kind: 'video' }], { locale: 'ja' }), ready: replay },
];

const buttonStates: ElementState[] = [
  { tag: 'chat-meet-button', state: 'customer-video', caption: 'R5: a customer in a web chat with an assignee', mount: () => make('chat-meet-button', { environment: desktop, assigneeId: 'mgr-1' }) },
  { tag: 'chat-meet-button', state: 'customer-voice', caption: 'a voice meet button', mount: () => make('chat-meet-button', { environment: desktop, assigneeId: 'mgr-1', kind: 'voice' }) },
  { tag: 'chat-meet-button', state: 'manager-menu', caption: 'R7: a manager\'s menu, open', mount: () => make('chat-meet-button', { environment: desktop, userRole: 'manager', assigneeId: 'mgr-1' }), ready: (el) => click(el, '[part="button"]') },
  { tag: 'chat-meet-button', state: 'in-app-escape', caption: 'R16: an in-app browser with a one-tap way out', mount: () => make('chat-meet-button', { environment: inAppUrl, assigneeId: 'mgr-1' }), ready: (el) => click(el, '[part="button"]') },
  { tag: 'chat-meet-button', state: 'in-app-instructions', caption: 'R16: an in-app browser without one: instructions and the link to copy', mount: () => make('chat-meet-button', { environment: inAppInstructions, assigneeId: 'mgr-1' }), ready: (el) => click(el, '[part="button"]') },
  { tag: 'chat-meet-button', state: 'manager-menu-korean', caption: 'the manager\'s menu in Korean', mount: () => make('chat-meet-button', { environment: desktop, userRole: 'manager', assigneeId: 'mgr-1', locale: 'ko' }), ready: (el) => click(el, '[part="button"]') },
];

export const elementStates: ElementState[] = [...buttonStates, ...ringStates];
