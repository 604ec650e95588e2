// detectEnvironment() in a real browser (Debian's headless Chromium, web-test-runner): with no
// input it reads the live page and runs the feature tests; features given win over the UA.
import { expect } from 'chai';
import { detectEnvironment } from '../../src/environment/index.js';
import { canBlur } from '../../src/media/blur/support.js';

const IPHONE_SAFARI = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_6_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1';

describe('detectEnvironment() in headless Chromium', () => {
  it('with no input: desktop Linux Chromium that can meet, share its screen and switch noise suppression', () => {
    const env = detectEnvironment();
    expect([env.os, env.mobile, env.inApp, env.webview, env.bot, env.escape]).to.deep.equal(['Linux', false, null, false, false, null]);
    expect(env.browser).to.match(/^Chrom/);
    expect(env.supports.meet, env.reasons.meet).to.equal(true);
    expect(env.supports.screenShare, env.reasons.screenShare).to.equal(true);
    expect(env.supports.noiseSuppression, env.reasons.noiseSuppression).to.equal(true);
    expect(env.supports.speakerSelection, env.reasons.speakerSelection).to.equal('setSinkId' in HTMLMediaElement.prototype);
    // Blur is what canBlur() finds here (SwiftShader's WebGL2 or none), with its own reason.
    const blur = canBlur();
    expect(env.supports.blur).to.equal(blur.ok);
    if (!blur.ok) expect(env.reasons.blur).to.equal(blur.error.message);
    expect(Object.keys(env.reasons).every((k) => !env.supports[k as keyof typeof env.supports])).to.equal(true);
  });

  it('the live answer is the feature tests, not the user agent: given the same user agent alone, it agrees', () => {
    const live = detectEnvironment();
    const fromAgent = detectEnvironment({ userAgent: navigator.userAgent });
    expect([fromAgent.os, fromAgent.mobile, fromAgent.supports.meet, fromAgent.supports.screenShare]).to.deep.equal([live.os, live.mobile, true, true]);
  });

  it('features given win over the user agent', () => {
    const noShare = detectEnvironment({ userAgent: navigator.userAgent, features: { getDisplayMedia: false, getUserMedia: false } });
    expect([noShare.supports.screenShare, noShare.supports.meet]).to.deep.equal([false, false]);
    expect(noShare.reasons.screenShare).to.match(/getDisplayMedia/);
    // An iPhone user agent alone says no noise-suppression switch; a feature test saying yes wins.
    expect(detectEnvironment({ userAgent: IPHONE_SAFARI }).supports.noiseSuppression).to.equal(false);
    expect(detectEnvironment({ userAgent: IPHONE_SAFARI, features: { noiseSuppression: true } }).supports.noiseSuppression).to.equal(true);
    // Given input, the page is not read: no escape URL from location.href.
    expect(detectEnvironment({ userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 309.0.0.40.113' }).escape).to.deep.equal({ kind: 'url' });
  });
});
