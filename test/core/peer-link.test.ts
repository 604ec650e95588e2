import { expect } from 'chai';
import { createPeerLink, type PeerLink } from '../../src/core/peer-link.js';
import { sumStat, waitFor } from '../helpers/wait.js';

describe('peer-link (simple-peer chunk)', () => {
  it('two links negotiate audio+video up front; replaceTrack turns video on without renegotiation', async () => {
    const media = await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 320, height: 240 } });
    const [audio, video] = [media.getAudioTracks()[0], media.getVideoTracks()[0]];
    let a!: PeerLink;
    let b!: PeerLink;
    const signals = { a: 0, b: 0 };
    const streams: MediaStream[] = [];
    a = await createPeerLink({ initiator: true, iceServers: [], audio, video, initialVideo: null,
      onSignal: (d) => { signals.a += 1; b.signal(d); }, on: { stream: (s) => streams.push(s) } });
    b = await createPeerLink({ initiator: false, iceServers: [], audio, video, initialVideo: video,
      onSignal: (d) => { signals.a += 0; signals.b += 1; a.signal(d); }, on: { stream: (s) => streams.push(s) } });
    await waitFor(() => a.connected && b.connected, 'both connected');
    await waitFor(async () => sumStat(await a.getStats(), 'inbound-rtp', 'video', 'framesDecoded') > 0, 'a decodes b video');
    expect(sumStat(await b.getStats(), 'inbound-rtp', 'video', 'framesDecoded')).to.equal(0);
    const before = signals.a + signals.b;
    await a.setTrack('video', video);
    await waitFor(async () => sumStat(await b.getStats(), 'inbound-rtp', 'video', 'framesDecoded') > 0, 'b decodes a video');
    expect(signals.a + signals.b).to.equal(before);
    a.destroy(); b.destroy();
    media.getTracks().forEach((t) => t.stop());
  });

  it('Opus DTX: both descriptions ask for usedtx=1, so a muted microphone sends a packet every 400 ms, not 50 a second', async () => {
    const media = await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 160, height: 120 } });
    const [audio, video] = [media.getAudioTracks()[0], media.getVideoTracks()[0]];
    let a!: PeerLink;
    let b!: PeerLink;
    a = await createPeerLink({ initiator: true, iceServers: [], audio, video, initialVideo: null, onSignal: (d) => b.signal(d), on: {} });
    b = await createPeerLink({ initiator: false, iceServers: [], audio, video, initialVideo: null, onSignal: (d) => a.signal(d), on: {} });
    try {
      await waitFor(() => a.connected && b.connected, 'both connected');
      for (const link of [a, b]) {
        const fmtp: string[] = [];
        (await link.getStats()).forEach((s: { type: string; mimeType?: string; sdpFmtpLine?: string }) => {
          if (s.type === 'codec' && s.mimeType === 'audio/opus') fmtp.push(s.sdpFmtpLine ?? '');
        });
        expect(fmtp.length).to.be.greaterThan(0);
        expect(fmtp.every((line) => line.includes('usedtx=1')), fmtp.join(' | ')).to.equal(true);
      }
      audio.enabled = false;
      await new Promise((r) => setTimeout(r, 1000));
      const before = sumStat(await a.getStats(), 'outbound-rtp', 'audio', 'packetsSent');
      await new Promise((r) => setTimeout(r, 2000));
      const sent = sumStat(await a.getStats(), 'outbound-rtp', 'audio', 'packetsSent') - before;
      // 2 s of 20 ms frames is 100 packets; DTX sends about 5.
      expect(sent).to.be.lessThan(25);
    } finally {
      a.destroy(); b.destroy();
      media.getTracks().forEach((t) => t.stop());
    }
  });
});
