// The manager's menu of <chat-meet-button> (R7) stays inside the viewport wherever the host
// puts the button: at the left edge (it was clipped there), the right edge, the bottom (a
// chat's composer) and a corner.
import { expect } from 'chai';
import '../../src/elements/button/button.js';
import type { ChatMeetButton } from '../../src/elements/button/button.element.js';

const desktop = { inApp: false, os: 'windows', mobile: false, supports: { meet: true, screenShare: true } };
const mounted: HTMLElement[] = [];

async function openAt(place: Partial<CSSStyleDeclaration>): Promise<{ menu: DOMRect; trigger: DOMRect }> {
  const wrap = document.createElement('div');
  Object.assign(wrap.style, { position: 'fixed', ...place });
  const el = Object.assign(document.createElement('chat-meet-button'), { locale: 'en', environment: desktop, assigneeId: 'm1', userRole: 'manager' }) as ChatMeetButton;
  wrap.append(el);
  document.body.append(wrap);
  mounted.push(wrap);
  await el.updateComplete;
  el.shadowRoot!.querySelector<HTMLElement>('[part="button"]')!.click();
  await el.updateComplete;
  return {
    menu: el.shadowRoot!.querySelector('[part="menu"]')!.getBoundingClientRect(),
    trigger: el.shadowRoot!.querySelector('[part="button"]')!.getBoundingClientRect(),
  };
}

function inside(r: DOMRect) {
  const w = document.documentElement.clientWidth;
  const h = document.documentElement.clientHeight;
  return r.left >= 0 && r.top >= 0 && r.right <= w && r.bottom <= h;
}

describe('<chat-meet-button> manager menu placement', () => {
  afterEach(() => mounted.splice(0).forEach((el) => el.remove()));

  it('at the left edge: opens start-aligned, below, fully visible', async () => {
    const { menu, trigger } = await openAt({ left: '0px', top: '0px' });
    expect(inside(menu), JSON.stringify(menu)).to.equal(true);
    expect(Math.round(menu.left)).to.equal(Math.round(trigger.left));
    expect(menu.top).to.be.greaterThan(trigger.bottom);
  });

  it('at the right edge: end-aligned with the button (the default), fully visible', async () => {
    const { menu, trigger } = await openAt({ right: '0px', top: '0px' });
    expect(inside(menu), JSON.stringify(menu)).to.equal(true);
    expect(Math.round(menu.right)).to.equal(Math.round(trigger.right));
  });

  it('at the bottom left (a chat composer): opens above, start-aligned', async () => {
    const { menu, trigger } = await openAt({ left: '0px', bottom: '0px' });
    expect(inside(menu), JSON.stringify(menu)).to.equal(true);
    expect(menu.bottom).to.be.lessThan(trigger.top);
  });

  it('at the bottom right: above, end-aligned', async () => {
    const { menu, trigger } = await openAt({ right: '0px', bottom: '0px' });
    expect(inside(menu), JSON.stringify(menu)).to.equal(true);
    expect(Math.round(menu.right)).to.equal(Math.round(trigger.right));
    expect(menu.bottom).to.be.lessThan(trigger.top);
  });
});
