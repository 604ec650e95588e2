// The three ways in (issue 2): npm ESM import, classic <script src>, and the inline
// CDN loader snippet — each loaded into a real page, each must end with the live
// `ChatMeet` and the calls queued before load replayed in order.
import { expect } from 'chai';
import { loadFrame, QUEUED_CALLS, snippetSource, waitFor, type FramePage } from './frame.js';

const EXPECTED_LOG = ['booted:cust-1', 'conversation:mgr-7'];
let page: FramePage | undefined;
afterEach(() => page?.remove());

const bootRequests = (win: Window) =>
  win.performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/dist/cdn/boot.js')).length;

describe('ways in', () => {
  it('script tag: defines window.ChatMeet at once, loads boot.js, replays the queue in order', async () => {
    page = await loadFrame(`<!doctype html><script src="/dist/cdn/chat-meet.js"></script>
      <script>window.definedSync = typeof ChatMeet === 'function';${QUEUED_CALLS}</script>`);
    await waitFor(() => page!.win.ChatMeet?.loaded, 'ChatMeet to load');
    expect((page.win as never as { definedSync: boolean }).definedSync).to.equal(true);
    expect(page.win.ChatMeet!.version).to.match(/^\d+\.\d+\.\d+/);
    expect(page.win.log).to.deep.equal(EXPECTED_LOG);
  });

  it('loader snippet: queues, injects boot.js after DOM ready, replays in order', async () => {
    const snippet = await snippetSource();
    page = await loadFrame(`<!doctype html><script>${snippet}</script><script>${QUEUED_CALLS}</script>`);
    await waitFor(() => page!.win.ChatMeet?.loaded, 'ChatMeet to load');
    expect(page.win.log).to.deep.equal(EXPECTED_LOG);
    // Calls after load go straight to the live API.
    page.win.ChatMeet!('updateConversation', { assigneeId: 'mgr-8' });
    expect(page.win.log).to.deep.equal([...EXPECTED_LOG, 'conversation:mgr-8']);
  });

  it('loader snippet twice plus the script tag: one load, one replay', async () => {
    const snippet = await snippetSource();
    page = await loadFrame(`<!doctype html><script>${snippet}</script><script>${snippet}</script>
      <script src="/dist/cdn/chat-meet.js"></script><script>${QUEUED_CALLS}</script>`);
    await waitFor(() => page!.win.ChatMeet?.loaded, 'ChatMeet to load');
    await new Promise((r) => setTimeout(r, 200));
    expect(page.win.log).to.deep.equal(EXPECTED_LOG);
    expect(bootRequests(page.win)).to.equal(1);
  });

  it('npm ESM import: installGlobal replays a queue left by an earlier stub', async () => {
    // A storefront bundler defines process.env.NODE_ENV (nanostores reads it); so does this page.
    page = await loadFrame(`<!doctype html><script>window.process = { env: { NODE_ENV: 'production' } };</script>
      <script>window.ChatMeet = function () { ChatMeet.q.push(arguments) }; ChatMeet.q = [];${QUEUED_CALLS}</script>
      <script type="module">
        import { createCommandDispatcher, installGlobal, VERSION } from '/dist/esm/index.js';
        installGlobal(window, createCommandDispatcher(), VERSION);
      </script>`);
    await waitFor(() => page!.win.ChatMeet?.loaded, 'ChatMeet to load');
    expect(page.win.log).to.deep.equal(EXPECTED_LOG);
  });

  it('a bad call logs a coded console error and breaks nothing', async () => {
    page = await loadFrame(`<!doctype html><script>
        window.errors = [];
        const original = console.error;
        console.error = function (m) { errors.push(String(m)); };
      </script><script src="/dist/cdn/chat-meet.js"></script>
      <script>ChatMeet('dance'); ChatMeet('boot', { user: {} });${QUEUED_CALLS}</script>`);
    await waitFor(() => page!.win.ChatMeet?.loaded, 'ChatMeet to load');
    const errors = (page.win as never as { errors: string[] }).errors;
    expect(errors[0]).to.match(/^\[chat-meet\] CM_UNKNOWN_COMMAND: ChatMeet\("dance"\) is not a command/);
    expect(errors[1]).to.match(/^\[chat-meet\] CM_INVALID_OPTIONS: .*user\.id/);
    expect(page.win.log).to.deep.equal(EXPECTED_LOG);
  });
});
