// R16 through the boot: with no `environment` option, ChatMeet('boot') detects it (a lazy
// chunk after the button shows) and an in-app browser's user agent turns the meet button
// into the way out, with that app's escape link.
import { expect } from 'chai';
import type { ChatMeetButton } from '../../src/elements/button/button.element.js';
import type { ElementEnvironment } from '../../src/elements/base/environment.js';
import { pretendUserAgent as pretend, stopPretending } from '../helpers/user-agent.js';
import { waitFor } from '../helpers/wait.js';
import { createBootWorld, shownButton, type BootWorld } from './boot-world.js';

const KAKAOTALK = 'Mozilla/5.0 (Linux; Android 13; SM-S911N) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36 KAKAOTALK 10.4.3';
const INSTAGRAM = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 309.0.0.40.113 (iPhone14,5; iOS 17_1; en_US; en; scale=3.00; 1170x2532; 537288532)';


let world: BootWorld;
let place: HTMLElement;
beforeEach(() => {
  world = createBootWorld();
  place = Object.assign(document.createElement('div'), { id: 'chat' });
  document.body.append(place);
});
afterEach(() => {
  stopPretending();
  world.destroy();
  place.remove();
  document.querySelectorAll('chat-meet-button, chat-meet-ring, chat-meet-call, chat-meet-settings').forEach((e) => e.remove());
});

const button = () => document.querySelector<ChatMeetButton>('chat-meet-button')!;
const detected = () => waitFor(() => button()?.environment !== null && button()?.environment !== undefined, 'boot to detect the environment');

async function escapeHref(): Promise<string | null> {
  await waitFor(() => button().dataset.mode === 'escape', 'the escape button');
  shownButton(button())!.click();
  await button().updateComplete;
  const sheet = button().shadowRoot!.querySelector('[part="sheet"]');
  expect(sheet?.getAttribute('role')).to.equal('dialog');
  return button().shadowRoot!.querySelector('[part="escape-link"]')?.getAttribute('href') ?? null;
}

describe('boot detects the environment when none is given', () => {
  it('in this headless Chromium: a desktop Linux browser that can meet; the button calls', async () => {
    world.ChatMeet('boot', world.options({ container: '#chat' }));
    await detected();
    const env = button().environment as ElementEnvironment & { browser?: string };
    expect([env.inApp, env.os, env.mobile, env.supports.meet, env.supports.screenShare]).to.deep.equal([null, 'Linux', false, true, true]);
    await button().updateComplete;
    expect(button().dataset.mode).to.equal('call');
  });

  it('under a KakaoTalk user agent: the escape sheet with kakaotalk://web/openExternal for this page (R16)', async () => {
    pretend(KAKAOTALK);
    world.ChatMeet('boot', world.options({ container: '#chat' }));
    await detected();
    expect([button().environment!.inApp, button().environment!.os, button().environment!.supports.meet]).to.deep.equal(['kakaotalk', 'Android', false]);
    expect(button().environment!.reasons, 'detection\'s English reasons stay out: the elements say it in the customer\'s language').to.deep.equal({});
    expect(await escapeHref()).to.equal(`kakaotalk://web/openExternal?url=${encodeURIComponent(location.href)}`);
  });

  it('under an Instagram (iOS) user agent: the escape sheet with an x-safari link for this page (R16)', async () => {
    pretend(INSTAGRAM);
    world.ChatMeet('boot', world.options({ container: '#chat' }));
    await detected();
    expect(button().environment!.inApp).to.equal('instagram');
    expect(await escapeHref()).to.equal(location.href.replace(/^(https?):\/\//, 'x-safari-$1://'));
  });

  it('an environment option wins: it is used as given and nothing is detected over it', async () => {
    pretend(KAKAOTALK);
    const given: ElementEnvironment = { inApp: null, mobile: false, os: 'Windows', supports: { meet: true, screenShare: true } };
    world.ChatMeet('boot', world.options({ container: '#chat', environment: given }));
    await button().updateComplete;
    // The detector chunk, were it loading, would be in by now (it is what this test imports).
    await import('../../src/environment/index.js');
    await new Promise((r) => setTimeout(r, 50));
    expect(button().environment).to.deep.equal(given);
    expect(button().dataset.mode).to.equal('call');
  });

  it('the option takes detection\'s names (inApp: an app name or null) and still refuses nonsense', () => {
    expect(world.ChatMeet('boot', world.options({ environment: { inApp: 'line', mobile: true, supports: { meet: false } } }))).to.equal(true);
    expect(world.ChatMeet('boot', world.options({ environment: { inApp: 'yes', mobile: true, supports: { meet: false } } as never }))).to.equal(undefined);
    expect(world.errors.at(-1)).to.match(/CM_INVALID_OPTIONS: .*environment\.inApp.*kakaotalk/);
  });
});
