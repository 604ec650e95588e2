/**
 * States of the other elements (UI-A's button, ring and permission guide) for the axe test
 * and the screenshots, next to the call window's (call-states.ts) and the settings panel's.
 * Each mounts an element, then `ready` drives it into the state (opens a menu, a sheet).
 */
import '../../src/elements/button/button.js';
import '../../src/elements/ring/ring.js';
import '../../src/elements/permission-guide/permission-guide.js';
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
  /** The screenshot's viewport, for a state photographed whole (default: 420 x 480 with `ready`). */
  viewport?: { width: number; height: number };
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

/** R17/R12: the permission guide for each platform's steps, as a booted widget shows it on a refusal. */
function guide(topic: 'media' | 'screen', platform: string, props: Record<string, unknown> = {}) {
  return () => {
    const el = make('chat-meet-permission-guide', { topic, platform, ...props });
    // In the flow (not `overlay`) it spans its container: a panel's width keeps the picture tight.
    if (!props.overlay) el.style.width = '460px';
    return el;
  };
}
const mac: ElementEnvironment = { inApp: false, os: 'macos', mobile: false, supports: { meet: true, screenShare: true } };

export const guideStates: ElementState[] = [
  { tag: 'chat-meet-permission-guide', state: 'media-chrome', caption: 'R17: camera and microphone refused in Chrome on Windows, Mac or Linux', mount: guide('media', 'chrome') },
  { tag: 'chat-meet-permission-guide', state: 'media-edge', caption: 'R17: the same in Edge', mount: guide('media', 'edge') },
  { tag: 'chat-meet-permission-guide', state: 'media-safari', caption: 'R17: the same in Safari on a Mac', mount: guide('media', 'safari', { environment: mac }) },
  { tag: 'chat-meet-permission-guide', state: 'media-ios', caption: 'R17: on an iPhone or iPad, with the note to start the meet again', mount: guide('media', 'ios') },
  { tag: 'chat-meet-permission-guide', state: 'media-android', caption: 'R17: on Android (Chrome ends the meet when a permission changes: start again)', mount: guide('media', 'android') },
  { tag: 'chat-meet-permission-guide', state: 'media-other', caption: 'R17: any other browser', mount: guide('media', 'other') },
  { tag: 'chat-meet-permission-guide', state: 'screen-mac-chrome', caption: 'R12: macOS blocks screen capture for Chrome: System Settings → Screen Recording', mount: guide('screen', 'mac-chrome', { environment: mac }) },
  { tag: 'chat-meet-permission-guide', state: 'screen-mac-edge', caption: 'R12: the same for Edge on a Mac', mount: guide('screen', 'mac-edge', { environment: mac }) },
  { tag: 'chat-meet-permission-guide', state: 'screen-safari', caption: 'R12: Safari asks every time', mount: guide('screen', 'safari', { environment: mac }) },
  { tag: 'chat-meet-permission-guide', state: 'screen-windows', caption: 'R12: Windows needs no permission', mount: guide('screen', 'windows', { environment: desktop }) },
  { tag: 'chat-meet-permission-guide', state: 'screen-other', caption: 'R12: any other system', mount: guide('screen', 'other') },
  { tag: 'chat-meet-permission-guide', state: 'media-chrome-korean', caption: 'the Chrome guide in Korean (the seed article\'s words)', mount: guide('media', 'chrome', { locale: 'ko' }) },
  { tag: 'chat-meet-permission-guide', state: 'media-android-japanese', caption: 'the Android guide in Japanese', mount: guide('media', 'android', { locale: 'ja' }) },
  // `ready` makes it a viewport shot: the overlay covers the page as a booted widget opens it.
  { tag: 'chat-meet-permission-guide', state: 'overlay-ios', caption: 'as a booted widget opens it: over the page, on a phone', mount: guide('media', 'ios', { overlay: true }), ready: () => undefined, viewport: { width: 390, height: 700 } },
];

export const elementStates: ElementState[] = [...buttonStates, ...ringStates, ...guideStates];
