// Issue 5 point 8: the button, the ring and the permission guide under a strict
// Content-Security-Policy (no 'unsafe-inline', no 'unsafe-eval'), with a
// securitypolicyviolation listener that must hear nothing (the call window and settings
// have theirs in call.test.ts); and chat-meet leaves nothing global behind: no style sheet,
// font or markup in the document, no global but `ChatMeet` (and Lit's version registries),
// no custom element but its own tags. The frame page: elements-csp-frame.ts.
import { expect } from 'chai';
import { waitFor } from '../helpers/wait.js';

type FrameResult = {
  violations: string[];
  seen: Record<string, string>;
  globalsAdded: string[];
  defined: string[];
  pageBefore: Record<string, unknown>;
  pageAfter: Record<string, unknown>;
};

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; media-src 'self' blob: mediastream:; img-src 'self' data:; connect-src 'self'";

async function runFrame(): Promise<FrameResult> {
  const frame = document.createElement('iframe');
  frame.style.width = '1000px';
  frame.style.height = '900px';
  frame.srcdoc = `<!doctype html><html lang="en"><head>
    <meta http-equiv="Content-Security-Policy" content="${CSP}">
    </head><body><script type="module" src="/test/elements/elements-csp-frame.ts"></script></body></html>`;
  document.body.append(frame);
  try {
    await waitFor(() => Boolean((frame.contentWindow as unknown as { cspResult?: unknown })?.cspResult), 'the frame ran', 15_000);
    return await (frame.contentWindow as unknown as { cspResult: Promise<FrameResult> }).cspResult;
  } finally {
    frame.remove();
  }
}

describe('strict CSP and a clean global scope', function () {
  this.timeout(60_000);
  let result: FrameResult;
  before(async () => {
    result = await runFrame();
  });

  it('the button, ring and permission guide render styled under a strict CSP, with zero violations', () => {
    expect(result.violations).to.deep.equal([]);
    expect(result.seen).to.deep.equal({
      buttonBackground: 'rgb(37, 99, 235)',
      buttonRadius: '999px',
      menuPosition: 'absolute',
      sheetPosition: 'fixed',
      ringCardBackground: 'rgb(255, 255, 255)',
      ringAcceptBackground: 'rgb(21, 128, 61)',
      ringHint: 'Shortcut: Ctrl+Shift+Space',
      ringNotice: 'Mina Kim cancelled the meet.',
      guidePanelRadius: '12px',
      guideNoteBorder: '3px',
      guideScreenSteps: '3',
    });
  });

  it('the CSP frame does block what it should (an inline style is refused and reported)', async () => {
    // Without this, a frame that silently lost its CSP would pass the test above.
    const frame = document.createElement('iframe');
    frame.srcdoc = `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${CSP}"></head>
      <body><div id="probe" style="color: rgb(1, 2, 3)">probe</div></body></html>`;
    document.body.append(frame);
    try {
      await waitFor(() => Boolean(frame.contentDocument?.getElementById('probe')), 'the probe frame loaded');
      const probe = frame.contentDocument!.getElementById('probe')!;
      expect(frame.contentWindow!.getComputedStyle(probe).color).to.not.equal('rgb(1, 2, 3)');
    } finally {
      frame.remove();
    }
  });

  it('defines only its own tags', () => {
    expect(result.defined).to.deep.equal(['chat-meet-button', 'chat-meet-call', 'chat-meet-permission-guide', 'chat-meet-ring', 'chat-meet-settings']);
  });

  it('adds no global but ChatMeet (and the registries its dependencies share between copies)', () => {
    // Lit records its versions on globalThis so two copies on one page can warn (its dev
    // build, what tests load, also keeps the warnings it issued); nanostores keeps one
    // change counter for every copy on the page. Neither is chat-meet's to remove.
    const shared = ['litElementVersions', 'litHtmlVersions', 'litIssuedWarnings', 'litPropertyMetadata', 'reactiveElementVersions', 'nanostoresGlobal'];
    expect(result.globalsAdded.filter((k) => !shared.includes(k))).to.deep.equal(['ChatMeet']);
  });

  it('leaves no style sheet, font, markup or attribute in the document', () => {
    expect(result.pageAfter).to.deep.equal(result.pageBefore);
  });
});
