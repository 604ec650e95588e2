// End to end (issue 7 point 5): the demo as people use it, in Debian's Chromium driven by
// playwright-core, the customer and the manager in two browser contexts, through the real
// demo server (`npm start`: reference signaling server, host backend, built SDK).
// Screenshots of each step: .test-results/e2e/ (UPDATE_SCREENSHOTS=1 also docs/screenshots/e2e/).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { bodyData, launch, remoteMediaFlows, shot } from './browser.js';
import { startDemoServer, type DemoServer } from './demo-server.js';

let server: DemoServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

before(async () => {
  server = await startDemoServer();
  browser = await launch();
});
after(async () => {
  await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
  await browser?.close();
  await server?.stop();
});

async function open(path: string, options: { userAgent?: string; viewport?: { width: number; height: number } } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 860 }, ...(options.userAgent ? { userAgent: options.userAgent } : {}) });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`[${path}] page error:`, e.message));
  await page.goto(`${server.url}${path}`);
  return page;
}
const reset = () => fetch(`${server.url}/api/reset`, { method: 'POST' });

test('customer calls from the storefront → desk rings → accept → both see and hear → customer camera off, still video → manager ends for everyone', async () => {
  await reset();
  const customer = await open('/storefront?customer=cust-1');
  const desk = await open('/desk?manager=mgr-1&conversation=conv-1');
  await bodyData(customer, 'connected', 'true');
  await bodyData(desk, 'connected', 'true');
  await customer.locator('chat-meet-button [part="button"]').waitFor();
  await shot(customer, '01-storefront-meet-button');

  await customer.locator('chat-meet-button [part="button"]').click();
  await bodyData(customer, 'meet', 'ringing-out');
  const accept = desk.locator('chat-meet-ring [part="accept"]');
  await accept.waitFor({ timeout: 30_000 });
  await shot(desk, '02-desk-rings');
  await shot(customer, '03-storefront-calling');
  await accept.click();

  await bodyData(customer, 'meet', 'live');
  await bodyData(desk, 'meet', 'live');
  const deskSees = await remoteMediaFlows(desk, 'cust-1');
  const customerSees = await remoteMediaFlows(customer, 'mgr-1');
  assert.deepEqual(deskSees, { video: true, audio: true }, 'the manager sees and hears the customer');
  assert.deepEqual(customerSees, { video: true, audio: true }, 'the customer sees and hears the manager');
  await shot(customer, '04-storefront-live');
  await shot(desk, '05-desk-live');

  await customer.locator('chat-meet-call [data-control="camera"]').click();
  await desk.locator('chat-meet-call [part="tile"][data-id="cust-1"].no-video').waitFor({ timeout: 30_000 });
  assert.equal(await customer.getAttribute('body', 'data-kind'), 'video', 'R4: still a video meet for the customer');
  assert.equal(await desk.getAttribute('body', 'data-kind'), 'video', 'R4: still a video meet for the manager');
  assert.deepEqual(await remoteMediaFlows(customer, 'mgr-1'), { video: true, audio: true }, 'the manager still reaches the customer');
  await shot(desk, '06-desk-customer-camera-off');

  await desk.locator('chat-meet-call [data-control="end-for-all"]').click();
  await bodyData(customer, 'meet', 'ended');
  await bodyData(desk, 'meet', 'ended');
  assert.equal(await customer.getAttribute('body', 'data-end-reason'), 'ended-for-all');
  await shot(customer, '07-storefront-ended-for-all');
  await Promise.all([customer.context().close(), desk.context().close()]);
});

test('manager calls an offline customer → a follow-up link appears → the customer opens it and joins', async () => {
  await reset();
  const desk = await open('/desk?manager=mgr-1&conversation=conv-1');
  await bodyData(desk, 'connected', 'true');
  await desk.locator('chat-meet-button [part="button"]').click();
  await desk.locator('chat-meet-button [part="menu-item"][data-kind="video"]').click();
  await desk.waitForSelector('body[data-follow-up]', { state: 'attached', timeout: 30_000 });
  const link = await desk.getAttribute('body', 'data-follow-up');
  assert.match(link!, /\/storefront\?chat-meet=m-/);
  await desk.locator('.follow-up-link').first().waitFor({ timeout: 15_000 });
  await shot(desk, '08-desk-follow-up-sent');

  // The customer comes back: the backend posted the link into the chat (R7).
  const customer = await open('/storefront?customer=cust-1');
  const message = customer.locator('.messages a[data-meet-link]').last();
  await message.waitFor({ timeout: 15_000 });
  assert.equal(await message.getAttribute('href'), link);
  await shot(customer, '09-storefront-follow-up-message');
  await message.click();
  await bodyData(customer, 'meet', 'live');
  assert.deepEqual(await remoteMediaFlows(customer, 'mgr-1'), { video: true, audio: true }, 'the customer who joined by link sees and hears the manager');
  // Joining by link enters with the microphone; the customer turns the camera on.
  const camera = customer.locator('chat-meet-call [data-control="camera"]');
  if ((await camera.getAttribute('class'))?.includes('off')) await camera.click();
  assert.deepEqual(await remoteMediaFlows(desk, 'cust-1'), { video: true, audio: true }, 'the manager sees and hears the customer who joined by link');
  assert.equal(new URL(customer.url()).searchParams.has('chat-meet'), false, 'the link leaves the address bar once used');
  await shot(customer, '10-storefront-joined-by-link');
  await desk.locator('chat-meet-call [data-control="end-for-all"]').click();
  await bodyData(customer, 'meet', 'ended');
  await Promise.all([customer.context().close(), desk.context().close()]);
});

test('an in-app browser (KakaoTalk\'s user agent, detected by the boot: no QA switch, no environment option) gets the escape sheet instead of a meet', async () => {
  await reset();
  const kakao = 'Mozilla/5.0 (Linux; Android 13; SM-S911N) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36 KAKAOTALK 10.4.3';
  const customer = await open('/storefront?customer=cust-1', { userAgent: kakao, viewport: { width: 390, height: 844 } });
  await bodyData(customer, 'connected', 'true');
  const button = customer.locator('chat-meet-button[data-mode="escape"] [part="button"]');
  await button.waitFor({ timeout: 15_000 });
  await button.click();
  const sheet = customer.locator('chat-meet-button [part="sheet"]');
  await sheet.waitFor();
  assert.equal(await sheet.getAttribute('role'), 'dialog');
  const href = await customer.locator('chat-meet-button [part="escape-link"]').getAttribute('href');
  assert.equal(href, `kakaotalk://web/openExternal?url=${encodeURIComponent(customer.url())}`, 'KakaoTalk\'s own way out, to this very page');
  await shot(customer, '11-in-app-escape-sheet');
  await customer.context().close();
});

test('R8: from the customer profile, the manager opens a new conversation with a meet in it; the customer is rung', async () => {
  await reset();
  const customer = await open('/storefront?customer=cust-2');
  const desk = await open('/desk?manager=mgr-1&conversation=conv-2');
  await bodyData(customer, 'connected', 'true');
  await bodyData(desk, 'connected', 'true');
  await desk.locator('#profile-video').click();
  const accept = customer.locator('chat-meet-ring [part="accept"]');
  await accept.waitFor({ timeout: 30_000 });
  await shot(customer, '12-profile-meet-rings-customer');
  const conversations = (await (await fetch(`${server.url}/api/conversations?customer=cust-2`)).json()) as { id: string; assigneeId: string | null }[];
  assert.equal(conversations.length, 2, 'a new conversation was opened');
  assert.equal(conversations[0].assigneeId, 'mgr-1');
  await accept.click();
  await bodyData(desk, 'meet', 'live');
  assert.deepEqual(await remoteMediaFlows(desk, 'cust-2'), { video: true, audio: true });
  await desk.locator('chat-meet-call [data-control="end-for-all"]').click();
  await bodyData(customer, 'meet', 'ended');
  await Promise.all([customer.context().close(), desk.context().close()]);
});

test('R9: in the team chat one manager rings the others; a second manager accepts', async () => {
  await reset();
  const jun = await open('/team?manager=mgr-1');
  const sora = await open('/team?manager=mgr-2');
  await bodyData(jun, 'connected', 'true');
  await bodyData(sora, 'connected', 'true');
  await jun.locator('chat-meet-button [part="button"]').click();
  await jun.locator('chat-meet-button [part="menu-item"][data-kind="voice"]').click();
  const accept = sora.locator('chat-meet-ring [part="accept"]');
  await accept.waitFor({ timeout: 30_000 });
  await accept.click();
  await bodyData(jun, 'meet', 'live');
  await bodyData(sora, 'meet', 'live');
  assert.equal(await sora.getAttribute('body', 'data-kind'), 'voice');
  await shot(sora, '13-team-meet-live');
  await jun.locator('chat-meet-call [data-control="end-for-all"]').click();
  await bodyData(sora, 'meet', 'ended');
  await Promise.all([jun.context().close(), sora.context().close()]);
});

test('Preact storefront (npm import) calls the desk', async () => {
  await reset();
  const customer = await open('/preact?customer=cust-1');
  const desk = await open('/desk?manager=mgr-1&conversation=conv-1');
  await bodyData(customer, 'connected', 'true');
  await bodyData(desk, 'connected', 'true');
  const button = customer.locator('chat-meet-button [part="button"]');
  await button.waitFor({ timeout: 30_000 });
  await shot(customer, '14-preact-storefront');
  await button.click();
  const decline = desk.locator('chat-meet-ring [part="decline"]');
  await decline.waitFor({ timeout: 30_000 });
  await decline.click();
  await customer.locator('#meet-status', { hasText: 'ended' }).waitFor({ timeout: 30_000 });
  // chat-meet/preact end to end: <MeetCall> shows the meet in the Preact page, media flows
  // both ways, and its leave control ends it for the customer.
  await button.click();
  const accept = desk.locator('chat-meet-ring [part="accept"]');
  await accept.waitFor({ timeout: 30_000 });
  await accept.click();
  await customer.locator('#meet-status', { hasText: 'live' }).waitFor({ timeout: 30_000 });
  assert.deepEqual(await remoteMediaFlows(customer, 'mgr-1'), { video: true, audio: true });
  assert.deepEqual(await remoteMediaFlows(desk, 'cust-1'), { video: true, audio: true });
  await customer.locator('chat-meet-call [data-control="leave"]').click();
  await customer.locator('#meet-status', { hasText: 'ended' }).waitFor({ timeout: 30_000 });
  await Promise.all([customer.context().close(), desk.context().close()]);
});

test('no backend (QA): msw answers /api/*, the storefront and the desk meet over BroadcastChannel', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  contexts.push(context);
  const customer = await context.newPage();
  await customer.goto(`${server.url}/storefront?customer=cust-1&backend=none`);
  const desk = await context.newPage();
  await desk.goto(`${server.url}/desk?manager=mgr-1&conversation=conv-1&backend=none`);
  await customer.waitForSelector('html[data-backend="msw"]', { state: 'attached', timeout: 30_000 });
  await bodyData(customer, 'connected', 'true');
  await bodyData(desk, 'connected', 'true');
  await customer.locator('chat-meet-button [part="button"]').click();
  const accept = desk.locator('chat-meet-ring [part="accept"]');
  await accept.waitFor({ timeout: 30_000 });
  await accept.click();
  await bodyData(customer, 'meet', 'live');
  assert.deepEqual(await remoteMediaFlows(desk, 'cust-1'), { video: true, audio: true });
  await shot(desk, '15-no-backend-desk-live');
  await desk.locator('chat-meet-call [data-control="end-for-all"]').click();
  await bodyData(customer, 'meet', 'ended');
  await context.close();
});
