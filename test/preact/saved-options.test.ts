// R14 for apps that create their own meet client (chat-meet/preact, or the npm entry):
// savedMeetOptions(userId) turns what the user chose in the settings panel into
// createMeetClient options, so joining muted, noise suppression and the chosen microphone
// hold from the first meet, as they do in the booted widget. Real Chromium, a real meet
// between two memory-adapter clients.
import { expect } from 'chai';
import * as core from '../../src/index.js';
import { savedMeetOptions } from '../../src/preact/index.js';
import { meetSettings, settingsKey } from '../../src/elements/settings/settings-store.js';
import { createWorld, meetOf, participant, type World } from '../helpers/meet.js';
import { waitFor } from '../helpers/wait.js';

const user = (n: number) => `saved-options-user-${n}-${Date.now()}`;

describe('savedMeetOptions (chat-meet/preact and chat-meet)', function () {
  this.timeout(40_000);
  let world: World | null = null;
  const used: string[] = [];
  afterEach(() => {
    world?.destroy();
    world = null;
    used.splice(0).forEach((id) => localStorage.removeItem(settingsKey(id)));
  });

  it('nothing saved: the defaults (not muted, noise suppression on, default devices)', () => {
    expect(savedMeetOptions(user(1))).to.deep.equal({ joinMuted: false, noiseSuppression: true, devices: { micId: null, cameraId: null } });
  });

  it('reads what the settings panel saved (this page or an earlier visit); an edited entry cannot break it', () => {
    const a = user(2);
    const b = user(3);
    used.push(a, b);
    // This page: the panel writes through the live store.
    meetSettings(a).set({ ...meetSettings(a).get(), joinMuted: true, noiseSuppression: false, micId: 'mic-2', cameraId: 'cam-7', speakerId: 'spk', blur: true });
    expect(savedMeetOptions(a)).to.deep.equal({ joinMuted: true, noiseSuppression: false, devices: { micId: 'mic-2', cameraId: 'cam-7' } });
    // An earlier visit, with a hand-edited value of the wrong type.
    localStorage.setItem(settingsKey(b), JSON.stringify({ joinMuted: 'yes', noiseSuppression: false, micId: 42 }));
    expect(savedMeetOptions(b)).to.deep.equal({ joinMuted: false, noiseSuppression: false, devices: { micId: null, cameraId: null } });
  });

  it('is the same function from chat-meet (no element code needed to use it)', () => {
    expect(core.savedMeetOptions).to.equal(savedMeetOptions);
  });

  it('spread into createMeetClient: the customer joins a real meet muted, asks for noise suppression off, and the manager sees the microphone off', async () => {
    const id = user(4);
    used.push(id);
    meetSettings(id).set({ ...meetSettings(id).get(), joinMuted: true, noiseSuppression: false, micId: 'a-microphone-since-unplugged' });
    world = createWorld();
    const manager = world.add('m1', 'manager');
    const customer = world.add(id, 'customer', { self: { id, name: 'Mina', role: 'customer' }, ...savedMeetOptions(id) });
    expect(customer.$local.get().mic, 'muted before the meet').to.equal(false);
    expect(customer.$local.get().devices).to.deep.equal({ micId: 'a-microphone-since-unplugged', cameraId: null });
    await Promise.all([manager.ready, customer.ready]);
    await meetOf(world, manager, [customer]);
    await waitFor(() => Boolean(customer.$local.get().stream?.getAudioTracks()[0]), 'the customer microphone');
    expect(customer.$local.get().mic).to.equal(false);
    await waitFor(() => participant(manager, id)?.mic === false, 'the manager to see the customer muted');
    const mic = customer.$local.get().stream!.getAudioTracks()[0]!;
    expect(mic.readyState, 'the default microphone stands in for the unplugged one').to.equal('live');
    // What the client asked the browser for (Chromium's fake microphone may keep its own processing on).
    expect(mic.getConstraints().noiseSuppression, 'noise suppression asked off').to.equal(false);
  });
});
