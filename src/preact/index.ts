/**
 * `chat-meet/preact`: Preact components and hooks over the meet client's nanostores.
 * Needs `preact` (10.19+) and `@nanostores/preact` (1.x), both optional peer dependencies.
 * The components wrap chat-meet's custom elements: they set properties, load each element's
 * chunk when first rendered, and turn what the user asks for into the client's actions.
 * See docs/preact.md.
 *
 * @example
 * ```tsx
 * import { createMeetClient, createWebSocketAdapter } from 'chat-meet';
 * import { MeetProvider, MeetButton, MeetRing, MeetCall, savedMeetOptions, useMeet } from 'chat-meet/preact';
 *
 * const client = createMeetClient({
 *   adapter: createWebSocketAdapter({ url, getToken }),
 *   self: { id: 'cust-1', name: 'Mina', role: 'customer' },
 *   ...savedMeetOptions('cust-1'), // R14: join muted, noise suppression, devices, as the user saved them
 * });
 * render(
 *   <MeetProvider client={client} user={{ id: 'cust-1', role: 'customer' }}>
 *     <MeetButton conversation={{ id: 'conv-42', assigneeId: 'mgr-7' }} />
 *     <MeetRing />
 *     <MeetCall />
 *   </MeetProvider>,
 *   document.getElementById('chat')!,
 * );
 * ```
 *
 * @packageDocumentation
 */
export { MeetProvider, type MeetProviderProps, type MeetContextValue, type MeetLocale } from './context.js';
export { useMeet, useParticipants, useLocalMedia, useAudioOnlyNotice, useMeetActions, useMeetClient, type MeetActions } from './hooks.js';
export { MeetButton, type MeetButtonProps } from './button.js';
export { callOptionsFor, type MeetConversation } from '../core/call-target.js';
export { MeetRing, MeetCall, type MeetRingProps, type MeetCallProps } from './overlays.js';
export { MeetSettings, MeetPermissionGuide, usePermissionGuide, type MeetSettingsProps, type MeetPermissionGuideProps, type PermissionGuideState } from './panels.js';
export type { ElementAttributes } from './element.js';
export { savedMeetOptions, type SavedMeetOptions } from '../elements/settings/settings-store.js';
