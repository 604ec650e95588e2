// <chat-meet-settings> in real Chromium with fake devices: device lists, live preview and
// level, R14/R15 switches, per-user persistence, intents, no leaked tracks.
import { sendKeys } from '@web/test-runner-commands';
import { expect } from 'chai';
import '../../src/elements/settings/settings.js';
import type { ElementEnvironment } from '../../src/elements/base/environment.js';
import type { ChatMeetSettings } from '../../src/elements/settings/settings.element.js';
import { levelFromRms } from '../../src/elements/settings/preview.controller.js';
import { meetSettings, readMeetSettings, settingsKey } from '../../src/elements/settings/settings-store.js';
import { bindIntents, INTENT_EVENT, type MeetIntent } from '../../src/elements/intents.js';
import { createWorld, type World } from '../helpers/meet.js';
import { liveTracks } from '../helpers/spy.js';
import { waitFor } from '../helpers/wait.js';

const ALL: ElementEnvironment = { inApp: false, mobile: false, supports: { meet: true, blur: true, noiseSuppression: true, speakerSelection: true } };
const NONE: ElementEnvironment = {
  inApp: false, mobile: false, supports: { meet: true, blur: false, noiseSuppression: false, speakerSelection: false },
  reasons: { blur: 'Blur needs WebGL2, which this browser lacks.' },
};

let n = 0;
const mounted: HTMLElement[] = [];
function mount(props: Record<string, unknown> = {}): ChatMeetSettings {
  const el = document.createElement('chat-meet-settings');
  Object.assign(el, { userId: `user-${++n}-${Date.now()}`, locale: 'en', environment: ALL, ...props });
  document.body.append(el);
  mounted.push(el);
  return el;
}
const $ = <T extends Element = HTMLElement>(el: ChatMeetSettings, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const setting = <T extends Element = HTMLInputElement>(el: ChatMeetSettings, id: string) => $<T>(el, `[data-setting="${id}"]`);
function intents(el: HTMLElement): MeetIntent[] {
  const seen: MeetIntent[] = [];
  el.addEventListener(INTENT_EVENT, (e) => seen.push((e as CustomEvent<MeetIntent>).detail));
  return seen;
}
const pick = (select: HTMLSelectElement, value: string) => {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
};
const toggle = (input: HTMLInputElement) => input.click();

describe('<chat-meet-settings>', function () {
  this.timeout(30_000);
  afterEach(() => mounted.splice(0).forEach((el) => el.remove()));

  it('lists the fake camera, microphone and speaker, previews the camera and shows a live mic level', async () => {
    const el = mount();
    await waitFor(() => Boolean($(el, '.preview video')), 'camera preview');
    const video = $<HTMLVideoElement>(el, '.preview video')!;
    await waitFor(() => video.readyState >= 2 && video.videoWidth > 0, 'preview frames');
    await waitFor(() => (setting<HTMLSelectElement>(el, 'camera')?.options.length ?? 0) > 1, 'camera list');
    const cameras = [...setting<HTMLSelectElement>(el, 'camera')!.options].map((o) => o.text);
    expect(cameras[0]).to.equal('System default');
    expect(cameras.slice(1).every((t) => t.length > 0)).to.equal(true);
    expect(setting<HTMLSelectElement>(el, 'microphone')!.options.length).to.be.greaterThan(1);
    expect(setting<HTMLSelectElement>(el, 'speaker')).to.not.equal(null);
    // The fake microphone beeps: the meter moves.
    await waitFor(() => $<HTMLMeterElement>(el, 'meter')!.value > 0.2, 'microphone level above 0.2', 10_000);
  });

  it('removing the panel stops its preview tracks (no camera left on)', async () => {
    const before = liveTracks();
    const el = mount();
    await waitFor(() => liveTracks() === before + 2, 'preview capturing camera and microphone');
    el.remove();
    await waitFor(() => liveTracks() === before, 'preview tracks stopped');
    const off = mount({ preview: false });
    await off.updateComplete;
    expect(liveTracks()).to.equal(before);
    expect($(off, '.preview video')).to.equal(null);
  });

  it('a chosen camera and microphone are intents, saved per user, and restart the preview on that device', async () => {
    const el = mount();
    const seen = intents(el);
    await waitFor(() => (setting<HTMLSelectElement>(el, 'camera')?.options.length ?? 0) > 1, 'camera list');
    const cameraId = setting<HTMLSelectElement>(el, 'camera')!.options[1].value;
    pick(setting<HTMLSelectElement>(el, 'camera')!, cameraId);
    expect(seen).to.deep.equal([{ type: 'set-devices', cameraId }]);
    expect(JSON.parse(localStorage.getItem(settingsKey(el.userId))!).cameraId).to.equal(cameraId);
    await waitFor(() => ($<HTMLVideoElement>(el, '.preview video')?.srcObject as MediaStream | null)?.getVideoTracks()[0]?.getSettings().deviceId === cameraId, 'preview on the chosen camera');
    const micId = setting<HTMLSelectElement>(el, 'microphone')!.options[1].value;
    pick(setting<HTMLSelectElement>(el, 'microphone')!, micId);
    expect(seen[1]).to.deep.equal({ type: 'set-devices', micId });
    pick(setting<HTMLSelectElement>(el, 'microphone')!, '');
    expect(seen[2]).to.deep.equal({ type: 'set-devices', micId: null });
  });

  it('R14: join muted, blur and noise suppression persist per user and come back in a new panel', async () => {
    const el = mount();
    const seen = intents(el);
    const changes: unknown[] = [];
    el.addEventListener('chat-meet-settings-change', (e) => changes.push((e as CustomEvent).detail));
    await el.updateComplete;
    toggle(setting(el, 'join-muted')!);
    toggle(setting(el, 'blur')!);
    toggle(setting(el, 'noise-suppression')!);
    expect(seen).to.deep.equal([{ type: 'set-blur', on: true }, { type: 'set-noise-suppression', on: false }]);
    expect(changes).to.have.length(3);
    expect(readMeetSettings(el.userId)).to.deep.include({ joinMuted: true, blur: true, noiseSuppression: false });
    const again = mount({ userId: el.userId, preview: false });
    await again.updateComplete;
    expect(setting(again, 'join-muted')!.checked).to.equal(true);
    expect(setting(again, 'blur')!.checked).to.equal(true);
    expect(setting(again, 'noise-suppression')!.checked).to.equal(false);
    const other = mount({ preview: false });
    await other.updateComplete;
    expect(setting(other, 'join-muted')!.checked).to.equal(false);
  });

  it('R15: what cannot run is disabled with the reason; speaker picking is hidden with the reason', async () => {
    const el = mount({ environment: NONE, preview: false });
    await el.updateComplete;
    const blur = setting(el, 'blur')!;
    expect(blur.disabled).to.equal(true);
    expect($(el, `#${blur.getAttribute('aria-describedby')}`)!.textContent).to.equal('Blur needs WebGL2, which this browser lacks.');
    const noise = setting(el, 'noise-suppression')!;
    expect(noise.disabled).to.equal(true);
    expect($(el, `#${noise.getAttribute('aria-describedby')}`)!.textContent).to.equal('This browser has no microphone noise suppression.');
    expect(setting(el, 'speaker')).to.equal(null);
    expect($(el, '[data-reason="speaker"]')!.textContent).to.contain('cannot choose the speaker');
    expect(setting(el, 'join-muted')!.disabled).to.equal(false);
  });

  it('without environment detection it asks the browser (Chromium has setSinkId and noise suppression)', async () => {
    const el = mount({ environment: null, preview: false });
    await el.updateComplete;
    expect(setting(el, 'speaker')).to.not.equal(null);
    expect(setting(el, 'noise-suppression')!.disabled).to.equal(false);
    expect(setting(el, 'blur')!.disabled).to.equal(true);
  });

  it('is operable by keyboard: Tab through pickers and switches, Space toggles', async () => {
    const el = mount({ preview: false, closable: true });
    await waitFor(() => (setting<HTMLSelectElement>(el, 'camera')?.options.length ?? 0) > 1, 'camera list');
    $<HTMLButtonElement>(el, '.close')!.focus();
    const order: string[] = [];
    for (let i = 0; i < 7; i++) {
      order.push((el.shadowRoot!.activeElement as HTMLElement | null)?.dataset.setting ?? el.shadowRoot!.activeElement?.className ?? '');
      await sendKeys({ press: 'Tab' });
    }
    expect(order).to.deep.equal(['close', 'camera', 'microphone', 'speaker', 'join-muted', 'blur', 'noise-suppression']);
    setting(el, 'join-muted')!.focus();
    await sendKeys({ press: 'Space' });
    expect(readMeetSettings(el.userId).joinMuted).to.equal(true);
  });

  it('the settings store ignores a broken or tampered saved entry', () => {
    localStorage.setItem(settingsKey('tampered'), '{"joinMuted":"yes","micId":42,"blur":true,"extra":1}');
    expect(readMeetSettings('tampered')).to.deep.equal({ cameraId: null, micId: null, speakerId: null, joinMuted: false, blur: true, noiseSuppression: true });
    localStorage.setItem(settingsKey('broken'), '{not json');
    expect(readMeetSettings('broken').joinMuted).to.equal(false);
    expect(meetSettings('same')).to.equal(meetSettings('same'));
  });

  it('level meter maps RMS to a 60 dB scale', () => {
    expect(levelFromRms(0)).to.equal(0);
    expect(levelFromRms(1)).to.equal(1);
    expect(levelFromRms(0.001)).to.equal(0);
    expect(levelFromRms(0.0316)).to.be.closeTo(0.5, 0.01);
  });

  it('speaks Korean and Japanese; the close button fires its event', async () => {
    const ko = mount({ locale: 'ko', preview: false, closable: true });
    const ja = mount({ locale: 'ja', preview: false, environment: NONE });
    await Promise.all([ko.updateComplete, ja.updateComplete]);
    expect($(ko, 'h2')!.textContent).to.equal('장치 설정');
    expect($(ko, 'label[for="join-muted"]')!.textContent).to.equal('마이크를 끈 상태로 참여');
    expect($(ja, '[data-reason="speaker"]')!.textContent).to.contain('スピーカーを選べません');
    let closed = 0;
    ko.addEventListener('chat-meet-settings-close', () => closed++);
    $<HTMLButtonElement>(ko, '.close')!.click();
    expect(closed).to.equal(1);
  });
});

describe('<chat-meet-settings> in a hostile host page', () => {
  afterEach(() => mounted.splice(0).forEach((el) => el.remove()));

  it('looks the same with hostile global CSS', async () => {
    const measure = async () => {
      const el = mount({ preview: false, environment: NONE });
      await el.updateComplete;
      const box = (sel: string) => {
        const r = $(el, sel)!.getBoundingClientRect();
        return [Math.round(r.width), Math.round(r.height)];
      };
      const sizes = { panel: box('.panel'), select: box('select'), toggle: box('input[type="checkbox"]'), font: getComputedStyle($(el, 'label')!).fontSize };
      el.remove();
      return sizes;
    };
    const clean = await measure();
    const hostile = document.createElement('style');
    hostile.textContent = `* { box-sizing: content-box !important; font-size: 31px !important; line-height: 3 !important; letter-spacing: 4px !important; }
      select, input { appearance: auto !important; width: 500px !important; } label { display: none !important; } div, section, p { margin: 30px !important; padding: 30px !important; }`;
    document.head.append(hostile);
    try {
      expect(await measure()).to.deep.equal(clean);
    } finally {
      hostile.remove();
    }
  });
});

describe('<chat-meet-settings> with a real meet client', function () {
  this.timeout(30_000);
  let world: World;
  beforeEach(() => (world = createWorld()));
  afterEach(() => {
    mounted.splice(0).forEach((el) => el.remove());
    world.destroy();
  });

  it('choices reach the client through intents (devices and noise suppression)', async () => {
    const client = world.add('cust-9', 'customer');
    await client.ready;
    const el = mount({ userId: 'cust-9' });
    const unbind = bindIntents(el, client, { call: () => undefined });
    await waitFor(() => (setting<HTMLSelectElement>(el, 'microphone')?.options.length ?? 0) > 1, 'microphone list');
    const micId = setting<HTMLSelectElement>(el, 'microphone')!.options[1].value;
    pick(setting<HTMLSelectElement>(el, 'microphone')!, micId);
    await waitFor(() => client.$local.get().devices.micId === micId, 'client uses the chosen microphone');
    unbind();
  });
});
