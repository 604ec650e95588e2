/**
 * The page test/boot/permission-guide.test.ts loads in a frame and then reloads through
 * the guide's "reload and try again". First load: a booted customer in a video meet with a
 * manager (both on this page's memory hub) has the camera refused, so the guide opens.
 * After the reload the address names the meet, and boot joins it again from there.
 * `window.guideFrame` reports what the page sees.
 */
import { createBootWorld } from './boot-world.js';

const loads = Number(sessionStorage.getItem('chat-meet-guide-frame-loads') ?? '0') + 1;
sessionStorage.setItem('chat-meet-guide-frame-loads', String(loads));
const report = { meetId: null as string | null, status: 'idle', guide: false, loads };
(window as unknown as { guideFrame: typeof report }).guideFrame = report;

const world = createBootWorld();
const reloaded = new URL(location.href).searchParams.has('chat-meet');
if (!reloaded) {
  // The browser's own refusal shape, for the camera only.
  const real = MediaDevices.prototype.getUserMedia;
  (navigator.mediaDevices as MediaDevices & Record<string, unknown>).getUserMedia = (c: MediaStreamConstraints) =>
    c.video ? Promise.reject(new DOMException('Permission denied', 'NotAllowedError')) : real.call(navigator.mediaDevices, c);
}
world.ChatMeet('boot', world.options());
const client = (await world.ChatMeet.session!.client)!;
client.$meet.subscribe((m) => {
  report.status = m.status;
  report.meetId = m.meetId ?? report.meetId;
});
if (!reloaded) {
  const manager = world.peer('mgr-1');
  await manager.ready;
  world.ChatMeet('startMeet', { kind: 'video' });
  while (manager.$meet.get().status !== 'ringing-in') await new Promise((r) => setTimeout(r, 20));
  await manager.accept();
}
const seeGuide = () => (report.guide = document.querySelector('chat-meet-permission-guide') !== null);
new MutationObserver(seeGuide).observe(document.body, { childList: true });
seeGuide();
