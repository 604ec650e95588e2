// Speaking and network quality per participant: the pure readers over made-up stats
// reports, then live in Chromium with a tone as one participant's microphone.
import { expect } from 'chai';
import { isSpeaking, linkQuality, lossBetween, readLinkSample } from '../../src/core/link-stats.js';
import type { MeetClient } from '../../src/core/types.js';
import { closeSyntheticMicrophones, createWorld, meetOf, participant, playAudio, syntheticMicrophone, type World } from '../helpers/meet.js';
import { sleep, waitFor } from '../helpers/wait.js';

const report = (...stats: Record<string, unknown>[]) => new Map(stats.map((s, i) => [String(s.id ?? i), s]));

describe('link stats: readers', () => {
  it('reads the loudest inbound audio level, the selected pair\'s RTT and inbound packet counts', () => {
    const sample = readLinkSample(report(
      { type: 'inbound-rtp', kind: 'audio', audioLevel: 0.3, packetsReceived: 90, packetsLost: 10 },
      { type: 'inbound-rtp', kind: 'video', packetsReceived: 900, packetsLost: 0 },
      { type: 'outbound-rtp', kind: 'audio', packetsSent: 5 },
      { id: 'pair-old', type: 'candidate-pair', state: 'failed', currentRoundTripTime: 2 },
      { id: 'pair-1', type: 'candidate-pair', state: 'succeeded', nominated: true, currentRoundTripTime: 0.12 },
      { type: 'transport', selectedCandidatePairId: 'pair-1' },
    ));
    expect(sample).to.deep.equal({ audioLevel: 0.3, rttMs: 120, packetsReceived: 990, packetsLost: 10 });
  });

  it('falls back to RTCP round-trip time; nothing known gives nulls', () => {
    expect(readLinkSample(report({ type: 'remote-inbound-rtp', roundTripTime: 0.3 })).rttMs).to.equal(300);
    expect(readLinkSample(report())).to.deep.equal({ audioLevel: null, rttMs: null, packetsReceived: 0, packetsLost: 0 });
  });

  it('loss is measured between two polls, not since the start', () => {
    const first = { audioLevel: null, rttMs: 10, packetsReceived: 1000, packetsLost: 100 };
    expect(lossBetween(null, first)).to.be.closeTo(100 / 1100, 1e-9);
    expect(lossBetween(first, { ...first, packetsReceived: 1095, packetsLost: 105 })).to.be.closeTo(0.05, 1e-9);
    expect(lossBetween(first, first)).to.equal(0);
    expect(lossBetween(first, { ...first, packetsReceived: 10, packetsLost: 0 }), 'counters reset (new link)').to.equal(0);
  });

  it('quality: good, fair and poor at the documented thresholds; null without an RTT', () => {
    expect(linkQuality(null, 0)).to.equal(null);
    expect(linkQuality(40, 0)).to.equal('good');
    expect(linkQuality(249, 0.029)).to.equal('good');
    expect(linkQuality(250, 0)).to.equal('fair');
    expect(linkQuality(40, 0.03)).to.equal('fair');
    expect(linkQuality(500, 0)).to.equal('poor');
    expect(linkQuality(40, 0.1)).to.equal('poor');
  });

  it('a muted participant is never speaking, whatever the level', () => {
    expect(isSpeaking(true, 0.5)).to.equal(true);
    expect(isSpeaking(true, 0.001)).to.equal(false);
    expect(isSpeaking(false, 0.5)).to.equal(false);
    expect(isSpeaking(true, null)).to.equal(false);
  });
});

describe('link stats: speaking and quality in a live meet', function () {
  this.timeout(60_000);
  let world: World;
  beforeEach(() => (world = createWorld({ statsIntervalMs: 300 })));
  afterEach(async () => {
    world.destroy();
    await closeSyntheticMicrophones();
  });

  it('the talker shows speaking, stops when muted; loopback links are good; polling stops after the meet', async () => {
    const a: MeetClient = world.add('p0');
    const talker = world.add('p1', 'manager', { media: syntheticMicrophone() });
    await meetOf(world, a, [talker]);
    const stopPlaying = playAudio(participant(a, 'p1')!.stream);
    await waitFor(() => participant(a, 'p1')!.speaking, 'a sees the talker speaking', 15_000);
    await waitFor(() => participant(a, 'p1')!.quality === 'good' && participant(talker, 'p0')!.quality === 'good', 'good quality on loopback', 15_000);
    talker.setMic(false);
    await waitFor(() => !participant(a, 'p1')!.speaking, 'muted: not speaking', 15_000);
    stopPlaying();

    let calls = 0;
    const getStats = RTCPeerConnection.prototype.getStats;
    RTCPeerConnection.prototype.getStats = function (this: RTCPeerConnection, ...args: unknown[]) {
      calls += 1;
      return (getStats as (...a: unknown[]) => Promise<RTCStatsReport>).apply(this, args);
    } as typeof getStats;
    try {
      await waitFor(() => calls > 0, 'polling while live', 5_000);
      a.leave();
      talker.leave();
      await sleep(400);
      const after = calls;
      await sleep(1200);
      expect(calls, 'getStats calls after the meet ended').to.equal(after);
    } finally {
      RTCPeerConnection.prototype.getStats = getStats;
    }
  });
});
