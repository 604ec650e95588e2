// The boot API end to end in a real page: ChatMeet('boot') → adapter, meet client,
// elements, intents; updateConversation; events; shutdown; R7 links; bad calls.
import { expect } from 'chai';
import type { ChatMeetButton } from '../../src/elements/button/button.element.js';
import { meetSettings } from '../../src/elements/settings/settings-store.js';
import { liveTracks, openPeerConnections } from '../helpers/spy.js';
import { waitFor } from '../helpers/wait.js';
import { createBootWorld, shownButton, statuses, type BootWorld } from './boot-world.js';

let world: BootWorld;
let place: HTMLElement;
beforeEach(() => {
  world = createBootWorld();
  place = document.createElement('div');
  place.id = 'chat';
  document.body.append(place);
});
afterEach(async () => {
  world.destroy();
  place.remove();
  document.querySelectorAll('chat-meet-button, chat-meet-ring, chat-meet-call, chat-meet-settings').forEach((e) => e.remove());
  await waitFor(() => liveTracks() === 0 && openPeerConnections() === 0, 'no camera, microphone or peer connection left');
});

const button = () => document.querySelector<ChatMeetButton>('chat-meet-button')!;
const settled = async () => {
  await button()?.updateComplete;
};
/** Boots the customer cust-1 into #chat and clicks the button; resolves once the assignee mgr-1 rings. */
async function customerCallsAssignee() {
  const manager = world.peer('mgr-1');
  await manager.ready;
  world.ChatMeet('boot', world.options({ container: '#chat' }));
  await settled();
  shownButton(button())!.click();
  await waitFor(() => manager.$meet.get().status === 'ringing-in', 'the assignee to ring');
  return manager;
}

describe('ChatMeet boot API', () => {
  it('bad calls print a coded console error each and break nothing', async () => {
    const { ChatMeet, errors } = world;
    expect(ChatMeet('dance')).to.equal(undefined);
    expect(ChatMeet('updateConversation', { assigneeId: 'mgr-2' })).to.equal(undefined);
    expect(ChatMeet('boot', { user: {} })).to.equal(undefined);
    expect(ChatMeet('boot', { user: { id: 'c' }, signaling: { url: 42 } })).to.equal(undefined);
    expect(ChatMeet('boot', { user: { id: 'c' }, theme: { color: 'red' } })).to.equal(undefined);
    expect(ChatMeet('on', 'nonsense', () => undefined)).to.equal(undefined);
    expect(ChatMeet('on', 'booted', 'not a function')).to.equal(undefined);
    expect(ChatMeet('boot', { user: { id: 'c' }, signaling: { connect() {} } })).to.equal(undefined);
    expect(errors).to.have.length(8);
    expect(errors[0]).to.match(/^\[chat-meet\] CM_UNKNOWN_COMMAND: ChatMeet\("dance"\) is not a command\. Use one of: boot,/);
    expect(errors[1]).to.match(/^\[chat-meet\] CM_NOT_BOOTED: Call ChatMeet\('boot'/);
    expect(errors[2]).to.match(/^\[chat-meet\] CM_INVALID_OPTIONS: .*user\.id/);
    expect(errors[3]).to.match(/CM_INVALID_OPTIONS: .*signaling/);
    expect(errors[4]).to.match(/CM_INVALID_OPTIONS: .*theme/);
    expect(errors[5]).to.match(/CM_INVALID_OPTIONS: ChatMeet\('on', event, handler\) needs one of booted, connected/);
    expect(errors[6]).to.match(/CM_INVALID_OPTIONS/);
    expect(errors[7], 'a half adapter is refused, not used').to.match(/CM_INVALID_OPTIONS: .*signaling/);
    // Each bad call also reached the `error` event, with its code.
    expect(world.events.filter((e) => e.name === 'error').map((e) => (e.payload as { code: string }).code)).to.deep.equal([
      'CM_UNKNOWN_COMMAND', 'CM_NOT_BOOTED', 'CM_INVALID_OPTIONS', 'CM_INVALID_OPTIONS', 'CM_INVALID_OPTIONS', 'CM_INVALID_OPTIONS', 'CM_INVALID_OPTIONS', 'CM_INVALID_OPTIONS',
    ]);
    // Nothing broke: a good boot after them works and its button shows.
    expect(ChatMeet('boot', world.options({ container: '#chat' }))).to.equal(true);
    await settled();
    expect(shownButton(button())).to.exist;
    await waitFor(() => world.events.some((e) => e.name === 'connected'), 'connected');
  });

  it('a handler that throws gets CM_HANDLER_FAILED; the other handlers still run', () => {
    const seen: string[] = [];
    world.ChatMeet('on', 'booted', () => { throw new Error('oops'); });
    world.ChatMeet('on', 'booted', () => seen.push('second'));
    world.ChatMeet('boot', world.options());
    expect(seen).to.deep.equal(['second']);
    expect(world.errors[0]).to.match(/^\[chat-meet\] CM_HANDLER_FAILED: Your 'booted' handler threw: Error: oops/);
  });

  it('mounts the button into the container and shows/hides it at once with the assignee (R5)', async () => {
    world.ChatMeet('boot', world.options({ container: '#chat', theme: { '--chat-meet-accent': 'rgb(1, 2, 3)' }, locale: 'ko' }));
    expect(place.querySelector('chat-meet-button')).to.equal(button());
    await settled();
    expect(button().dataset.mode).to.equal('call');
    expect(button().style.getPropertyValue('--chat-meet-accent')).to.equal('rgb(1, 2, 3)');
    expect(button().locale).to.equal('ko');

    world.ChatMeet('updateConversation', { assigneeId: null });
    await settled();
    expect(shownButton(button()), 'hidden without an assignee').to.equal(null);
    world.ChatMeet('updateConversation', { assigneeId: 'mgr-2' });
    await settled();
    expect(shownButton(button()), 'shown with the new assignee').to.exist;
    expect(button().assigneeId).to.equal('mgr-2');
    world.ChatMeet('updateConversation', { source: 'kakao' });
    await settled();
    expect(shownButton(button()), 'hidden for a messenger conversation (R6)').to.equal(null);
    const changes = world.events.filter((e) => e.name === 'conversationChanged').map((e) => (e.payload as { assigneeId: string | null }).assigneeId);
    expect(changes).to.deep.equal([null, 'mgr-2', 'mgr-2']);
  });

  it('configures <chat-meet-button> the host placed, and ones it adds after boot', async () => {
    place.innerHTML = '<chat-meet-button></chat-meet-button>';
    world.ChatMeet('boot', world.options({ customerCanStartMeet: true }));
    await settled();
    expect(button().dataset.mode).to.equal('call');
    const later = document.createElement('chat-meet-button');
    place.append(later);
    await waitFor(() => (later as ChatMeetButton).assigneeId === 'mgr-1', 'the late button to be configured');
    await later.updateComplete;
    expect(later.dataset.mode).to.equal('call');
    world.ChatMeet('shutdown');
    await later.updateComplete;
    expect(shownButton(later), 'shutdown hides the host buttons').to.equal(null);
    expect(later.isConnected, 'the host button stays in the host markup').to.equal(true);
  });

  it('channel setting off: no customer button (R5); a manager gets the voice/video menu (R7)', async () => {
    world.ChatMeet('boot', world.options({ container: '#chat', customerCanStartMeet: false }));
    await settled();
    expect(shownButton(button())).to.equal(null);
    world.ChatMeet('boot', world.options({ container: '#chat', user: { id: 'mgr-1', name: 'Jun', role: 'manager' }, conversation: { id: 'conv-1', assigneeId: 'mgr-1', customerId: 'cust-1' } }));
    await settled();
    expect(document.querySelectorAll('chat-meet-button')).to.have.length(1);
    expect(button().dataset.mode).to.equal('menu');
  });

  it('customer calls from the button → the assignee rings → accept → live; events follow $meet; shutdown ends it and turns the camera off', async () => {
    const manager = await customerCallsAssignee();
    expect(manager.$meet.get().caller?.id).to.equal('cust-1');
    expect(manager.$meet.get().conversationId).to.equal('conv-1');
    await waitFor(() => document.querySelector('chat-meet-ring') !== null && document.querySelector('chat-meet-call') !== null, 'ring and call elements (lazy)');
    await manager.accept();
    await waitFor(() => statuses(world).includes('live'), 'the customer to be live');
    expect(statuses(world)[0]).to.equal('ringing-out');
    const client = (await world.ChatMeet.session!.client)!;
    await waitFor(() => client.$local.get().camera, 'the customer camera (video meet)');
    expect(liveTracks()).to.be.greaterThan(0);

    world.ChatMeet('shutdown');
    expect(world.events.at(-1)!.name).to.equal('shutdown');
    await waitFor(() => manager.$participants.get().length === 0, 'the manager to see the customer leave');
    expect(document.querySelector('chat-meet-ring'), 'ring removed').to.equal(null);
    expect(document.querySelector('chat-meet-call'), 'call window removed').to.equal(null);
    expect(document.querySelector('chat-meet-button'), 'the button chat-meet created is removed').to.equal(null);
    manager.leave();
  });

  it('R14: the settings the user saved hold from the first meet (join muted, noise suppression; a stale device falls back)', async () => {
    const key = 'chat-meet:settings:cust-1';
    localStorage.setItem(key, JSON.stringify({ joinMuted: true, noiseSuppression: false, micId: 'unplugged-microphone', cameraId: null }));
    try {
      const manager = await customerCallsAssignee();
      await manager.accept();
      const client = (await world.ChatMeet.session!.client)!;
      await waitFor(() => client.$meet.get().status === 'live' && Boolean(client.$local.get().stream), 'the customer live with a microphone');
      expect(client.$local.get().mic, 'joined muted').to.equal(false);
      await waitFor(() => manager.$participants.get().find((p) => p.id === 'cust-1')?.mic === false, 'the manager sees the customer muted');
      const mic = client.$local.get().stream!.getAudioTracks()[0];
      expect(mic.readyState, 'the default microphone stands in for the unplugged one').to.equal('live');
      if (client.$local.get().noiseSuppression !== null) expect(mic.getSettings().noiseSuppression).to.equal(false);
      manager.leave();
    } finally {
      localStorage.removeItem(key);
    }
  });

  it('saved blur that cannot load (blurAssets where nothing is served): one coded error event, the switch turns off, the meet goes on', async () => {
    const key = 'chat-meet:settings:cust-1';
    meetSettings('cust-1').setKey('blur', true); // as the settings panel saves it
    try {
      const manager = world.peer('mgr-1');
      await manager.ready;
      world.ChatMeet('boot', world.options({ container: '#chat', blurAssets: '/no-blur-assets-here/' }));
      await settled();
      shownButton(button())!.click();
      await waitFor(() => manager.$meet.get().status === 'ringing-in', 'the assignee to ring');
      await manager.accept();
      const errorsOf = () => world.events.filter((e) => e.name === 'error').map((e) => e.payload as { code: string; message: string });
      await waitFor(() => errorsOf().length > 0, 'the blur error', 15_000);
      await new Promise((r) => setTimeout(r, 500)); // a second report would come right after the first
      expect(errorsOf().map((e) => e.code)).to.deep.equal(['CM_BLUR_LOAD_FAILED']);
      expect(errorsOf()[0].message).to.include('/no-blur-assets-here/');
      expect(meetSettings('cust-1').get().blur, 'the switch shows off').to.equal(false);
      expect(JSON.parse(localStorage.getItem(key)!).blur, 'the next meet does not retry').to.equal(false);
      const client = (await world.ChatMeet.session!.client)!;
      expect(client.$meet.get().status).to.equal('live');
      expect(client.$local.get().camera, 'the camera goes out unblurred').to.equal(true);
      manager.leave();
    } finally {
      meetSettings('cust-1').setKey('blur', false);
      localStorage.removeItem(key);
    }
  });

  it('a manager calls the conversation customer (R7); meetStateChanged carries plain data', async () => {
    const customer = world.peer('cust-9', 'customer');
    await customer.ready;
    world.ChatMeet('boot', world.options({ container: '#chat', user: { id: 'mgr-1', name: 'Jun', role: 'manager' }, conversation: { id: 'conv-9', assigneeId: 'mgr-1', customerId: 'cust-9' } }));
    await settled();
    shownButton(button())!.click();
    await button().updateComplete;
    button().shadowRoot!.querySelector<HTMLButtonElement>('[data-kind="voice"]')!.click();
    await waitFor(() => customer.$meet.get().status === 'ringing-in', 'the customer to ring');
    expect(customer.$meet.get().kind).to.equal('voice');
    const first = world.events.find((e) => e.name === 'meetStateChanged')!.payload as Record<string, unknown>;
    expect(first).to.include({ status: 'ringing-out', kind: 'voice', conversationId: 'conv-9', error: null });
    expect(JSON.parse(JSON.stringify(first))).to.deep.equal(first);
    customer.decline();
    await waitFor(() => statuses(world).includes('ended'), 'the ring to end');
  });

  it('R7: a ?chat-meet=<id> link in the URL joins that meet on boot, then leaves the address bar', async () => {
    const manager = world.peer('mgr-1');
    await manager.ready;
    // The customer is offline: the manager's call sends a follow-up with a link and waits in the meet.
    await manager.call({ kind: 'voice', conversationId: 'conv-1', assigneeId: 'mgr-1', callee: 'cust-1' });
    const link = manager.$meet.get().followUpLink!;
    expect(link).to.match(/chat-meet=m-/);
    const meetId = manager.$meet.get().meetId!;
    const before = location.href;
    history.replaceState(null, '', `${location.pathname}${location.search ? `${location.search}&` : '?'}chat-meet=${meetId}`);
    try {
      world.ChatMeet('boot', world.options());
      await waitFor(() => manager.$participants.get().some((p) => p.id === 'cust-1'), 'the customer to join from the link');
      expect(new URL(location.href).searchParams.has('chat-meet')).to.equal(false);
      expect(statuses(world)).to.include('connecting');
    } finally {
      history.replaceState(null, '', before);
    }
    manager.leave();
  });

  it('a bad meet link on boot reports CM_INVALID_LINK and the widget keeps working', async () => {
    const before = location.href;
    history.replaceState(null, '', `${location.pathname}${location.search ? `${location.search}&` : '?'}chat-meet=${encodeURIComponent('bad link!')}`);
    try {
      world.ChatMeet('boot', world.options({ container: '#chat' }));
      await waitFor(() => world.errors.length > 0, 'an error');
      expect(world.errors[0]).to.match(/^\[chat-meet\] CM_INVALID_LINK: /);
    } finally {
      history.replaceState(null, '', before);
    }
    await settled();
    expect(shownButton(button())).to.exist;
  });

  it('a signaling URL that is not ws/http reports CM_INVALID_OPTIONS; boot without signaling warns and the button still shows', async () => {
    world.ChatMeet('boot', world.options({ container: '#chat', signaling: { url: 'ftp://example.com/x', token: 't' } }));
    await waitFor(() => world.errors.length > 0, 'an error');
    expect(world.errors[0]).to.match(/CM_INVALID_OPTIONS: signaling\.url must be a ws:\/\//);
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (m: string) => warnings.push(String(m));
    try {
      world.ChatMeet('boot', { user: { id: 'cust-1' }, conversation: { id: 'c', assigneeId: 'm' }, container: '#chat' });
      await world.ChatMeet.session!.client;
    } finally {
      console.warn = warn;
    }
    expect(warnings[0]).to.match(/booted without `signaling`/);
    await settled();
    expect(shownButton(button())).to.exist;
    shownButton(button())!.click();
    await waitFor(() => world.errors.length > 1, 'a coded error for the click');
    expect(world.errors[1]).to.match(/CM_NOT_CONNECTED: chat-meet was booted without `signaling`/);
  });

  it('shutdown twice and boot again: harmless, and the second boot works', async () => {
    world.ChatMeet('boot', world.options({ container: '#chat' }));
    expect(world.ChatMeet('shutdown')).to.equal(true);
    expect(world.ChatMeet('shutdown')).to.equal(false);
    expect(world.ChatMeet('boot', world.options({ container: '#chat' }))).to.equal(true);
    await settled();
    expect(shownButton(button())).to.exist;
    expect(world.errors).to.deep.equal([]);
  });

  it("startMeet rings like the button; joinMeet joins by link; both check their input", async () => {
    const manager = world.peer('mgr-1');
    await manager.ready;
    expect(world.ChatMeet('startMeet', { kind: 'video' })).to.equal(undefined);
    expect(world.errors.at(-1)).to.match(/CM_NOT_BOOTED/);
    world.ChatMeet('boot', world.options());
    expect(world.ChatMeet('startMeet', { kind: 'dance' })).to.equal(undefined);
    expect(world.errors.at(-1)).to.match(/CM_INVALID_OPTIONS: ChatMeet\('startMeet', \{ kind \}\) needs kind/);
    expect(world.ChatMeet('joinMeet', 42)).to.equal(undefined);
    expect(world.errors.at(-1)).to.match(/CM_INVALID_OPTIONS: ChatMeet\('joinMeet', link\)/);

    expect(world.ChatMeet('startMeet', { kind: 'voice' })).to.equal(true);
    await waitFor(() => manager.$meet.get().status === 'ringing-in', 'the assignee to ring');
    expect(manager.$meet.get().kind).to.equal('voice');
    manager.decline();
    await waitFor(() => statuses(world).includes('ended'), 'the declined ring to end');

    // The manager waits in a meet for an offline callee; the customer joins with its link.
    await waitFor(() => manager.$meet.get().status === 'idle' || manager.$meet.get().status === 'ended', 'the manager to be free');
    await manager.call({ kind: 'voice', conversationId: 'conv-1', assigneeId: 'mgr-1', callee: 'cust-offline' });
    expect(world.ChatMeet('joinMeet', manager.$meet.get().followUpLink!)).to.equal(true);
    await waitFor(() => manager.$participants.get().some((p) => p.id === 'cust-1'), 'the customer to join by joinMeet');
    manager.leave();
  });

  it('the environment option reaches the button: an in-app browser gets the way out (R16)', async () => {
    world.ChatMeet('boot', world.options({ container: '#chat', environment: { inApp: true, mobile: true, supports: { meet: false }, escape: { kind: 'instructions' } } as never }));
    await settled();
    expect(button().dataset.mode).to.equal('escape');
    expect(world.ChatMeet('boot', world.options({ environment: { inApp: 'yes' } as never }))).to.equal(undefined);
    expect(world.errors.at(-1)).to.match(/CM_INVALID_OPTIONS: .*environment/);
  });
});
