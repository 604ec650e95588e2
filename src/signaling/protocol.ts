/**
 * The messages meet participants exchange through a signaling adapter, as valibot
 * schemas shared by every adapter and by the reference server (src/server). An
 * incoming message is parsed with {@link parseSignalMessage}; one that fails is
 * dropped and reported with code `CM_INVALID_MESSAGE`, never thrown into the page.
 *
 * Versioned: {@link PROTOCOL_VERSION} changes only when a message changes shape.
 * docs/protocol.md lists every message with an example.
 */
import * as v from 'valibot';

/** The version of the message shapes below. */
export const PROTOCOL_VERSION = 1;
// Re-exported: adapters and the server take it from here; the first download from ./limits.js.
export { MAX_PARTICIPANTS } from './limits.js';

const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(128), v.regex(/^[\w.:@-]+$/, 'use letters, digits and . _ : @ -'));
const Name = v.pipe(v.string(), v.maxLength(100));

export const RoleSchema = v.picklist(['customer', 'manager']);
export const MeetKindSchema = v.picklist(['voice', 'video']);
export type Role = v.InferOutput<typeof RoleSchema>;
export type MeetKind = v.InferOutput<typeof MeetKindSchema>;

/** Who someone is in a meet and what their media is doing. */
export const MemberSchema = v.object({
  id: Id,
  name: Name,
  role: RoleSchema,
  /** Joined by phone (a telephone gateway): never receives video (R1). */
  audioOnly: v.optional(v.boolean(), false),
  mic: v.optional(v.boolean(), true),
  camera: v.optional(v.boolean(), false),
  screen: v.optional(v.boolean(), false),
});
export type Member = v.InferOutput<typeof MemberSchema>;

/** What simple-peer emits on 'signal': an SDP, an ICE candidate, or its renegotiation asks. */
export const SignalDataSchema = v.union([
  v.object({ type: v.picklist(['offer', 'answer', 'pranswer', 'rollback']), sdp: v.pipe(v.string(), v.maxLength(60_000)) }),
  v.object({
    type: v.literal('candidate'),
    candidate: v.looseObject({ candidate: v.pipe(v.string(), v.maxLength(2_000)) }),
  }),
  v.object({ renegotiate: v.literal(true) }),
  v.object({ transceiverRequest: v.object({ kind: v.picklist(['audio', 'video']), init: v.optional(v.looseObject({})) }) }),
]);
export type SignalData = v.InferOutput<typeof SignalDataSchema>;

const meet = { meetId: Id };

/** Participant-to-participant messages, carried by `send` (one peer) or `broadcast` (the room). */
export const SignalMessageSchema = v.variant('type', [
  /** Rings a callee (R5, R7, R9). `conversationId` for chats, `teamRoomId` for team meets. */
  v.object({
    type: v.literal('ring'),
    ...meet,
    kind: MeetKindSchema,
    caller: MemberSchema,
    conversationId: v.optional(Id),
    teamRoomId: v.optional(Id),
  }),
  /** R10: the callee's answer, or the caller's cancel, or the ring's timeout. */
  v.object({ type: v.literal('ring-accept'), ...meet }),
  v.object({ type: v.literal('ring-decline'), ...meet }),
  v.object({ type: v.literal('ring-cancel'), ...meet }),
  v.object({ type: v.literal('ring-timeout'), ...meet }),
  /** A participant entered the meet (broadcast once joined). */
  v.object({ type: v.literal('participant-joined'), ...meet, member: MemberSchema }),
  /** R11: a participant left; the meet goes on for the others. */
  v.object({ type: v.literal('participant-left'), ...meet }),
  /** R4: the meet became a video meet (one-way). */
  v.object({ type: v.literal('kind-changed'), ...meet, kind: v.literal('video') }),
  /** Mic, camera and screen state of the sender. */
  v.object({ type: v.literal('media-state'), ...meet, mic: v.boolean(), camera: v.boolean(), screen: v.boolean() }),
  /** R11: a manager ended the meet for everyone. */
  v.object({ type: v.literal('end-for-all'), ...meet }),
  /** WebRTC negotiation for one peer link; `epoch` drops signals meant for an older link. */
  v.object({ type: v.literal('signal'), ...meet, epoch: v.pipe(v.number(), v.integer(), v.minValue(0)), data: SignalDataSchema }),
]);
export type SignalMessage = v.InferOutput<typeof SignalMessageSchema>;
export type SignalMessageType = SignalMessage['type'];

/**
 * Facts for the host backend (the conversation's record), sent with `adapter.report`:
 * the meet recorded on the conversation (R2), its kind (R4), a follow-up with the meet
 * link for an offline or missed callee (R7, R10), and how it ended.
 */
export const BackendReportSchema = v.variant('type', [
  v.object({ type: v.literal('meet-started'), ...meet, kind: MeetKindSchema, conversationId: v.optional(Id), teamRoomId: v.optional(Id), by: Id }),
  v.object({ type: v.literal('meet-kind-changed'), ...meet, kind: v.literal('video') }),
  v.object({
    type: v.literal('follow-up'),
    ...meet,
    conversationId: v.optional(Id),
    calleeId: Id,
    reason: v.picklist(['offline', 'missed']),
    link: v.pipe(v.string(), v.maxLength(2_000)),
  }),
  v.object({
    type: v.literal('meet-missed'),
    ...meet,
    conversationId: v.optional(Id),
    calleeId: Id,
    reason: v.picklist(['declined', 'cancelled', 'timeout']),
  }),
  v.object({
    type: v.literal('meet-ended'),
    ...meet,
    reason: v.picklist(['left', 'ended-for-all', 'declined', 'cancelled', 'timeout', 'error']),
    kind: MeetKindSchema,
  }),
]);
export type BackendReport = v.InferOutput<typeof BackendReportSchema>;

export type ParseResult<T> = { ok: true; value: T } | { ok: false; code: 'CM_INVALID_MESSAGE'; message: string };

function parseWith<T>(schema: v.GenericSchema<unknown, T>, input: unknown, what: string): ParseResult<T> {
  const result = v.safeParse(schema, input);
  if (result.success) return { ok: true, value: result.output };
  const first = result.issues[0];
  const path = v.getDotPath(first) ?? 'message';
  return {
    ok: false,
    code: 'CM_INVALID_MESSAGE',
    message: `Dropped an invalid ${what} (${path}: ${first.message}). Check that the sender speaks chat-meet protocol v${PROTOCOL_VERSION}.`,
  };
}

/** Validates an incoming participant message; never throws. */
export function parseSignalMessage(input: unknown): ParseResult<SignalMessage> {
  return parseWith(SignalMessageSchema, input, 'signaling message');
}

/** Validates a backend report; never throws. */
export function parseBackendReport(input: unknown): ParseResult<BackendReport> {
  return parseWith(BackendReportSchema, input, 'backend report');
}

// ---------------------------------------------------------------------------------
// The reference server's wire envelope (src/server, src/signaling/websocket.ts).
// Each WebSocket frame is one JSON object with a `t` field; requests that expect an
// answer carry a numeric `id` that the answer repeats. docs/protocol.md has examples.
// ---------------------------------------------------------------------------------

const ReqId = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER));

/** Frames a client sends to the reference server. */
export const ClientFrameSchema = v.variant('t', [
  /** Enter a room; `resume` after a reconnect (the same user takes its place back). */
  v.object({ t: v.literal('join'), id: ReqId, room: Id, member: MemberSchema, resume: v.optional(v.boolean()) }),
  v.object({ t: v.literal('leave'), id: ReqId, room: Id }),
  v.object({ t: v.literal('send'), to: Id, msg: SignalMessageSchema }),
  v.object({ t: v.literal('broadcast'), room: Id, msg: SignalMessageSchema }),
  v.object({ t: v.literal('report'), id: ReqId, report: BackendReportSchema }),
  v.object({ t: v.literal('online'), id: ReqId, user: Id }),
]);
export type ClientFrame = v.InferOutput<typeof ClientFrameSchema>;

const IceServerSchema = v.object({
  urls: v.union([v.string(), v.array(v.string())]),
  username: v.optional(v.string()),
  credential: v.optional(v.string()),
});

/** Frames the reference server sends to a client. `msg` is re-validated by the adapter. */
export const ServerFrameSchema = v.variant('t', [
  /** First frame after a successful upgrade: who the token says you are. */
  v.object({ t: v.literal('hello'), v: v.number(), user: v.object({ id: Id, name: Name, role: RoleSchema }) }),
  v.object({ t: v.literal('joined'), id: ReqId, room: Id, members: v.array(MemberSchema), kind: v.optional(MeetKindSchema), iceServers: v.optional(v.array(IceServerSchema)) }),
  v.object({ t: v.literal('ok'), id: ReqId }),
  v.object({ t: v.literal('online'), id: ReqId, online: v.boolean() }),
  v.object({ t: v.literal('msg'), from: Id, msg: v.unknown() }),
  v.object({ t: v.literal('presence'), user: Id, online: v.boolean() }),
  /** A refused frame (with the request's `id` when it had one) or a refused connection. */
  v.object({ t: v.literal('error'), id: v.optional(ReqId), code: v.pipe(v.string(), v.maxLength(64)), message: v.pipe(v.string(), v.maxLength(1_000)) }),
  /** The node is shutting down: reconnect (to another node) after `retryMs`. */
  v.object({ t: v.literal('drain'), retryMs: v.number() }),
]);
export type ServerFrame = v.InferOutput<typeof ServerFrameSchema>;

/** Validates a frame a client sent to the server; never throws. */
export function parseClientFrame(input: unknown): ParseResult<ClientFrame> {
  return parseWith(ClientFrameSchema, input, 'client frame');
}

/** Validates a frame the server sent; never throws. */
export function parseServerFrame(input: unknown): ParseResult<ServerFrame> {
  return parseWith(ServerFrameSchema, input, 'server frame');
}
