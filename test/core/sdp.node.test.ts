import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withOpusDtx } from '../../src/core/sdp.js';

// A trimmed Chromium offer: Opus on 111, red and telephone-event besides, CRLF line ends.
const offer = [
  'v=0',
  'm=audio 9 UDP/TLS/RTP/SAVPF 111 63 126',
  'a=rtpmap:111 opus/48000/2',
  'a=rtcp-fb:111 transport-cc',
  'a=fmtp:111 minptime=10;useinbandfec=1',
  'a=rtpmap:63 red/48000/2',
  'a=fmtp:63 111/111',
  'a=rtpmap:126 telephone-event/8000',
  'm=video 9 UDP/TLS/RTP/SAVPF 96',
  'a=rtpmap:96 VP8/90000',
  '',
].join('\r\n');

test('withOpusDtx adds usedtx=1 to the Opus fmtp line only, keeping CRLF line ends', () => {
  const out = withOpusDtx(offer);
  assert.match(out, /\r\na=fmtp:111 minptime=10;useinbandfec=1;usedtx=1\r\n/);
  assert.match(out, /\r\na=fmtp:63 111\/111\r\n/, 'RED untouched');
  assert.equal(out.split('\r\n').length, offer.split('\r\n').length, 'no line added or lost');
});

test('withOpusDtx leaves a description that already says usedtx (either way) as it is, and is idempotent', () => {
  const off = offer.replace('useinbandfec=1', 'useinbandfec=1;usedtx=0');
  assert.equal(withOpusDtx(off), off);
  assert.equal(withOpusDtx(withOpusDtx(offer)), withOpusDtx(offer));
});

test('withOpusDtx changes nothing without Opus', () => {
  const video = 'v=0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\na=rtpmap:96 VP8/90000\r\n';
  assert.equal(withOpusDtx(video), video);
});
