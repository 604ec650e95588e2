/** R14/R15 noise suppression on a real (fake-device) microphone in Chromium. */
import { expect } from 'chai';
import { microphoneConstraints, noiseSuppressionSupport, readNoiseSuppression, setNoiseSuppression } from '../../src/media/noise.js';

const mic = async (c: MediaTrackConstraints = {}) => (await navigator.mediaDevices.getUserMedia({ audio: c })).getAudioTracks()[0];

describe('noise suppression', () => {
  it('is supported in Chromium, and a browser without the constraint gets the reason', () => {
    expect(noiseSuppressionSupport()).to.deep.equal({ supported: true });
    const without = { getSupportedConstraints: () => ({ deviceId: true }) } as unknown as MediaDevices;
    const support = noiseSuppressionSupport(without);
    expect(support.supported).to.equal(false);
    if (!support.supported) expect(support.reason).to.match(/noise suppression/);
  });

  for (const on of [false, true]) {
    it(`turns ${on ? 'on' : 'off'} and reads it back with getSettings()`, async () => {
      const before = await mic(microphoneConstraints(!on));
      expect(readNoiseSuppression(before)).to.equal(!on);
      const made: MediaStreamTrack[] = [];
      const result = await setNoiseSuppression(before, on, async (c) => {
        const t = await mic(c);
        made.push(t);
        return t;
      });
      try {
        expect(result.inEffect).to.equal(on);
        expect(readNoiseSuppression(result.track)).to.equal(on);
        expect(result.track.getSettings().echoCancellation, 'echo cancellation stays on').to.equal(true);
        expect(result.reacquired).to.equal(made.length === 1);
        console.log(`noise suppression ${on ? 'on' : 'off'}: ${result.reacquired ? 're-acquired the microphone' : 'applyConstraints took'}`);
      } finally {
        before.stop();
        made.forEach((t) => t.stop());
      }
    });
  }
});
