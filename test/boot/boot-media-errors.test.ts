// A refused camera or microphone reaches the host's `error` handler (ChatMeet('on', 'error')),
// with its code, once per refusal: at the start of a video meet the camera refusal only sets
// the meet's error (the meet goes on without video), and a microphone refusal is both the
// meet's error and the failure of the action. The refusals are the browser's own shape (a
// DOMException named NotAllowedError from navigator.mediaDevices), stubbed on the instance.
import { expect } from 'chai';
import type { ChatMeetButton } from '../../src/elements/button/button.element.js';
import { liveTracks, openPeerConnections } from '../helpers/spy.js';
import { sleep, waitFor } from '../helpers/wait.js';
import { createBootWorld, shownButton, statuses, type BootWorld } from './boot-world.js';

let world: BootWorld;
let place: HTMLElement;
const md = navigator.mediaDevices as unknown as Record<string, unknown>;

function refuseUserMedia(refuse: (c: MediaStreamConstraints) => boolean) {
  const real = MediaDevices.prototype.getUserMedia;
  md.getUserMedia = (c: MediaStreamConstraints) =>
    refuse(c) ? Promise.reject(new DOMException('Permission denied', 'NotAllowedError')) : real.call(navigator.mediaDevices, c);
}

beforeEach(() => {
  world = createBootWorld();
  place = Object.assign(document.createElement('div'), { id: 'chat' });
  document.body.append(place);
});
afterEach(async () => {
  delete md.getUserMedia;
  world.destroy();
  place.remove();
  document.querySelectorAll('chat-meet-button, chat-meet-ring, chat-meet-call, chat-meet-settings, chat-meet-permission-guide').forEach((e) => e.remove());
  await waitFor(() => liveTracks() === 0 && openPeerConnections() === 0, 'no camera, microphone or peer connection left');
});

const errorEvents = () => world.events.filter((e) => e.name === 'error').map((e) => e.payload as { code: string; message: string });
const button = () => document.querySelector<ChatMeetButton>('chat-meet-button')!;

describe('booted widget: media refusals reach the `error` event', function () {
  this.timeout(30_000);

  it('camera refused at the start of a video meet (startMeet): one CM_MEDIA_DENIED error event, after the state; the meet goes on', async () => {
    refuseUserMedia((c) => Boolean(c.video));
    const manager = world.peer('mgr-1');
    await manager.ready;
    world.ChatMeet('boot', world.options());
    world.ChatMeet('startMeet', { kind: 'video' });
    await waitFor(() => manager.$meet.get().status === 'ringing-in', 'the assignee to ring');
    await manager.accept();
    await waitFor(() => errorEvents().length > 0, 'the error event');
    await sleep(300); // a second event for the same refusal would be here by now
    expect(errorEvents().map((e) => e.code)).to.deep.equal(['CM_MEDIA_DENIED']);
    expect(errorEvents()[0]!.message).to.match(/camera/i);
    // meetStateChanged carried the same error first: the host sees the state, then the news.
    const withError = world.events.findIndex((e) => e.name === 'meetStateChanged' && (e.payload as { error: unknown }).error);
    expect(withError).to.be.lessThan(world.events.findIndex((e) => e.name === 'error'));
    expect(world.errors.filter((l) => l.includes('CM_MEDIA_DENIED')), 'one console line').to.have.length(1);
    await waitFor(() => statuses(world).includes('live'), 'the meet to go on without the camera');
    manager.leave();
  });

  it('microphone refused when the customer taps the button: one error event, not one per path', async () => {
    refuseUserMedia((c) => Boolean(c.audio));
    const manager = world.peer('mgr-1');
    await manager.ready;
    world.ChatMeet('boot', world.options({ container: '#chat' }));
    await waitFor(() => world.events.some((e) => e.name === 'connected'), 'connected');
    await button().updateComplete;
    shownButton(button())!.click();
    await waitFor(() => errorEvents().length > 0, 'the error event');
    await sleep(300);
    expect(errorEvents().map((e) => e.code)).to.deep.equal(['CM_MEDIA_DENIED']);
    expect(statuses(world).at(-1), 'no meet without a microphone').to.equal('ended');
  });

  it('microphone refused on ChatMeet(\'startMeet\'): one error event (the command does not report it again)', async () => {
    refuseUserMedia((c) => Boolean(c.audio));
    world.ChatMeet('boot', world.options());
    world.ChatMeet('startMeet', { kind: 'voice' });
    await waitFor(() => errorEvents().length > 0, 'the error event');
    await sleep(300);
    expect(errorEvents().map((e) => e.code)).to.deep.equal(['CM_MEDIA_DENIED']);
    expect(world.errors.filter((l) => l.includes('CM_MEDIA_DENIED'))).to.have.length(1);
  });

  it('errors that are not about media are still reported by the command as before (CM_NO_ASSIGNEE)', async () => {
    world.ChatMeet('boot', world.options({ conversation: { id: 'conv-1', assigneeId: null, source: 'web' } }));
    world.ChatMeet('startMeet', { kind: 'voice' });
    await waitFor(() => errorEvents().length > 0, 'the error event');
    await sleep(200);
    expect(errorEvents().map((e) => e.code)).to.deep.equal(['CM_NO_ASSIGNEE']);
  });
});
