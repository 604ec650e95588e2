// Issue 3, point 4: each product rule is a named pure function with its R-number; these are
// their unit tests (the meet tests in Chromium show the client obeying them end to end).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ChatMeetError } from '../../src/core/errors.js';
import {
  audioOnlyNotice, canEndForAll, canJoinMeet, DEFAULT_RING_TIMEOUT_MS, followUpReport, meetPlaceError,
  missedMeetReport, nextMeetKind, ringTargets, roomFullError, sendsVideoTo, showsCustomerMeetButton,
} from '../../src/core/rules.js';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof ChatMeetError, 'a ChatMeetError');
    return e.code;
  }
  return 'no error';
};

describe('product rules', () => {
  test('R2/R9 meetPlaceError: a conversation with an assignee, or a team room; otherwise a coded error that says what to do', () => {
    assert.equal(meetPlaceError({ conversationId: 'c1', assigneeId: 'm1' }), null);
    assert.equal(meetPlaceError({ teamRoomId: 'team' }), null, 'R9: team meets need no assignee');
    assert.equal(meetPlaceError({})?.code, 'CM_NO_CONVERSATION');
    assert.equal(meetPlaceError({ conversationId: 'c1', assigneeId: null })?.code, 'CM_NO_ASSIGNEE');
    assert.match(meetPlaceError({ conversationId: 'c1' })!.message, /Assign a manager/);
  });

  test('R5/R6 showsCustomerMeetButton: channel setting on, web chat, an assignee', () => {
    assert.equal(showsCustomerMeetButton({ customersMayStart: true, source: 'web', assigneeId: 'm1' }), true);
    assert.equal(showsCustomerMeetButton({ customersMayStart: false, source: 'web', assigneeId: 'm1' }), false);
    assert.equal(showsCustomerMeetButton({ customersMayStart: true, source: 'kakaotalk', assigneeId: 'm1' }), false, 'R6');
    assert.equal(showsCustomerMeetButton({ customersMayStart: true, source: 'web', assigneeId: null }), false);
  });

  test('R5/R7/R9 ringTargets: a customer always rings the assignee; a manager rings the callees, never themself', () => {
    const customer = { id: 'c1', role: 'customer' as const };
    const manager = { id: 'm1', role: 'manager' as const };
    assert.deepEqual(ringTargets(customer, { conversationId: 'conv', assigneeId: 'm1' }, 'someone-else'), ['m1']);
    assert.equal(codeOf(() => ringTargets(customer, { conversationId: 'conv' })), 'CM_NO_ASSIGNEE');
    assert.equal(codeOf(() => ringTargets(customer, { teamRoomId: 'team' })), 'CM_NOT_ALLOWED');
    assert.deepEqual(ringTargets(manager, { conversationId: 'conv', assigneeId: 'm1' }, 'c1'), ['c1']);
    assert.deepEqual(ringTargets(manager, { teamRoomId: 'team' }, ['m2', 'm1', 'm3', 'm2', '']), ['m2', 'm3']);
    assert.equal(codeOf(() => ringTargets(manager, { teamRoomId: 'team' }, ['m1'])), 'CM_INVALID_OPTIONS');
  });

  test('R3 canJoinMeet/roomFullError: ten at most', () => {
    assert.equal(canJoinMeet(0), true);
    assert.equal(canJoinMeet(9), true, 'the tenth joins');
    assert.equal(canJoinMeet(10), false, 'the eleventh is refused');
    const e = roomFullError('room-1');
    assert.equal(e.code, 'CM_ROOM_FULL');
    assert.deepEqual(e.details, { roomId: 'room-1' });
  });

  test('R4 nextMeetKind: voice becomes video with a camera or a screen, and never goes back', () => {
    assert.equal(nextMeetKind('voice', { camera: false, screen: false }), 'voice');
    assert.equal(nextMeetKind('voice', { camera: true, screen: false }), 'video');
    assert.equal(nextMeetKind('voice', { camera: false, screen: true }), 'video');
    assert.equal(nextMeetKind('video', { camera: false, screen: false }), 'video');
  });

  test('R7/R10 reports: a follow-up carries the link; a missed ring says why; conversation only when there is one', () => {
    assert.deepEqual(followUpReport({ meetId: 'mt', conversationId: 'conv', calleeId: 'c1', reason: 'offline', link: 'https://x/?chat-meet=mt' }), {
      type: 'follow-up', meetId: 'mt', calleeId: 'c1', reason: 'offline', link: 'https://x/?chat-meet=mt', conversationId: 'conv',
    });
    assert.deepEqual(missedMeetReport({ meetId: 'mt', calleeId: 'm1', reason: 'timeout' }), { type: 'meet-missed', meetId: 'mt', calleeId: 'm1', reason: 'timeout' });
    assert.equal(DEFAULT_RING_TIMEOUT_MS, 120_000);
  });

  test('R11 canEndForAll: managers only', () => {
    assert.equal(canEndForAll('manager'), true);
    assert.equal(canEndForAll('customer'), false);
  });

  test('R1 sendsVideoTo/audioOnlyNotice: no video to an audio-only participant; managers sending video are told who cannot see it', () => {
    assert.equal(sendsVideoTo({ audioOnly: true }), false);
    assert.equal(sendsVideoTo({ audioOnly: false }), true);
    const people = [{ id: 'p1', name: 'Phone', audioOnly: true }, { id: 'c1', name: 'Mina', audioOnly: false }];
    assert.deepEqual(audioOnlyNotice({ role: 'manager', sendingVideo: true }, people), [{ id: 'p1', name: 'Phone' }]);
    assert.deepEqual(audioOnlyNotice({ role: 'manager', sendingVideo: false }, people), []);
    assert.deepEqual(audioOnlyNotice({ role: 'customer', sendingVideo: true }, people), []);
  });
});
