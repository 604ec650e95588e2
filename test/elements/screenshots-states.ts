/**
 * States of the other elements (UI-A's button, ring and permission guide) for the axe test
 * and the screenshots, next to the call window's (call-states.ts) and the settings panel's.
 * Each mounts an element, then `ready` drives it into the state (opens a menu, a sheet).
 */
import '../../src/elements/button/button.js';
import type { ElementEnvironment } from '../../src/elements/base/environment.js';

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

export const elementStates: ElementState[] = [
  { tag: 'chat-meet-button', state: 'customer-video', caption: 'R5: a customer in a web chat with an assignee', mount: () => make('chat-meet-button', { environment: desktop, assigneeId: 'mgr-1' }) },
  { tag: 'chat-meet-button', state: 'customer-voice', caption: 'a voice meet button', mount: () => make('chat-meet-button', { environment: desktop, assigneeId: 'mgr-1', kind: 'voice' }) },
  { tag: 'chat-meet-button', state: 'manager-menu', caption: 'R7: a manager\'s menu, open', mount: () => make('chat-meet-button', { environment: desktop, userRole: 'manager', assigneeId: 'mgr-1' }), ready: (el) => click(el, '[part="button"]') },
  { tag: 'chat-meet-button', state: 'in-app-escape', caption: 'R16: an in-app browser with a one-tap way out', mount: () => make('chat-meet-button', { environment: inAppUrl, assigneeId: 'mgr-1' }), ready: (el) => click(el, '[part="button"]') },
  { tag: 'chat-meet-button', state: 'in-app-instructions', caption: 'R16: an in-app browser without one: instructions and the link to copy', mount: () => make('chat-meet-button', { environment: inAppInstructions, assigneeId: 'mgr-1' }), ready: (el) => click(el, '[part="button"]') },
  { tag: 'chat-meet-button', state: 'manager-menu-korean', caption: 'the manager\'s menu in Korean', mount: () => make('chat-meet-button', { environment: desktop, userRole: 'manager', assigneeId: 'mgr-1', locale: 'ko' }), ready: (el) => click(el, '[part="button"]') },
];
