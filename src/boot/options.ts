/** The options of `ChatMeet('boot', …)` and `ChatMeet('updateConversation', …)`, as schemas. */
import * as v from 'valibot';

export const UserSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1)),
  name: v.optional(v.string()),
  role: v.optional(v.picklist(['customer', 'manager']), 'customer'),
});

export const ConversationSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1)),
  /** The manager assigned to the conversation; the meet button shows only with one (R5). */
  assigneeId: v.optional(v.nullable(v.string())),
  /** Where the conversation came from; only `web` chats get a meet button (R6). */
  source: v.optional(v.string(), 'web'),
});

export const BootOptionsSchema = v.object({
  user: UserSchema,
  conversation: v.optional(ConversationSchema),
  locale: v.optional(v.picklist(['ko', 'en', 'ja'])),
  /** Channel setting "customers may start a meet" (R5). */
  customerCanStartMeet: v.optional(v.boolean(), true),
  /** A signaling adapter instance or the reference server's WebSocket URL. */
  signaling: v.optional(v.union([v.string(), v.looseObject({})])),
  theme: v.optional(v.record(v.string(), v.string())),
});

export type BootOptions = v.InferInput<typeof BootOptionsSchema>;
export type BootConfig = v.InferOutput<typeof BootOptionsSchema>;
export type ConversationInput = v.InferInput<typeof ConversationSchema>;

/** One line per problem, e.g. `user.id: Invalid length`, for error messages. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .map((issue) => `${v.getDotPath(issue) ?? '(options)'}: ${issue.message}`)
    .join('; ');
}
