/**
 * `<chat-meet-call>`: the call window. Renders from the meet client's stores and sends
 * what the user wants as `chat-meet-intent` events; it never touches peers or sockets.
 */
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { canEndForAll } from '../../core/rules.js';
import { inMeet as isInMeet } from '../../core/status.js';
import type { LocalState, MeetClient, MeetState, Participant } from '../../core/types.js';
import type { Role } from '../../signaling/protocol.js';
import { callCatalog, type CallStrings } from '../../i18n/catalog/call.js';
import { fill } from '../../i18n/locale.js';
import { ChatMeetElement } from '../base/element.js';
import { guessEnvironment, type ElementEnvironment } from '../base/environment.js';
import { StoreController } from '../base/store.controller.js';
import { panelBaseStyles } from '../base/panel.styles.js';
import { meetSettings } from '../settings/settings-store.js';
import { describeShortcut, SHORTCUTS, type ShortcutsSetting } from '../shortcuts/shortcuts.js';
import { ShortcutsController } from '../shortcuts/shortcuts.controller.js';
import { callStyles } from './call.styles.js';
import { icons } from './icons.js';
import { gridColumns, MAX_TILES, stageTileId } from './layout.js';
import { MoveController } from './move.controller.js';
import { renderTile, type TileModel } from './tile.js';

/** Statuses in which the window shows. */
const SHOWN = new Set(['connecting', 'live', 'reconnecting']);

/**
 * The call window: tiles for up to 10 participants, controls, connection states.
 *
 * @summary The meet window: tiles, controls, connecting and reconnecting states.
 *
 * @fires chat-meet-intent - What the user wants (`set-mic`, `set-camera`, `start-screen-share`,
 *   `stop-screen-share`, `open-settings`, `leave`, `end-for-all`); `bindIntents()` runs it. With
 *   shortcuts on, the R13 keys send `set-mic`, `leave` and `end-for-all` too (and `accept`
 *   while ringing, where no `<chat-meet-ring>` listens for them).
 * @fires chat-meet-minimise - The user minimised or restored the window; `detail.minimised`.
 *
 * @csspart window - The window frame (moved, minimised, or full screen on mobile).
 * @csspart header - The title bar with the move handle and the minimise button.
 * @csspart move-handle - Drag it, or focus it and use the arrow keys, to move the window.
 * @csspart banner - The connecting / reconnecting banner.
 * @csspart notice - R1: who joined by phone and cannot see video.
 * @csspart stage - The large tile showing a shared screen.
 * @csspart grid - The grid of tiles.
 * @csspart tile - One participant's tile.
 * @csspart tile-name - A tile's name label.
 * @csspart tile-muted - A tile's "microphone off" mark.
 * @csspart tile-connection - A tile's connection state badge.
 * @csspart tile-quality - A tile's network quality bars.
 * @csspart controls - The control bar.
 * @csspart control - Each control button.
 *
 * @cssprop [--chat-meet-call-width=720px] - Width of the window on desktop.
 * @cssprop [--chat-meet-call-background=#111827] - Window background.
 * @cssprop [--chat-meet-call-text=#f9fafb] - Window text colour.
 * @cssprop [--chat-meet-accent=#2563eb] - Accent colour.
 * @cssprop [--chat-meet-danger=#b91c1c] - Leave / end / muted colour.
 * @cssprop [--chat-meet-speaking=#22c55e] - Speaking ring colour.
 * @cssprop [--chat-meet-radius=12px] - Corner radius.
 * @cssprop [--chat-meet-z-index=2147483000] - Stacking order above the host page.
 */
export class ChatMeetCall extends ChatMeetElement {
  static override styles = [...panelBaseStyles, callStyles];

  /** The meet client to render (from `createMeetClient`). */
  @property({ attribute: false }) client: MeetClient | null = null;
  /** This user's role: managers get "end for everyone" (R11). */
  @property({ attribute: 'user-role', reflect: true }) userRole: Role = 'customer';
  /** From `detectEnvironment()`: screen share is offered only where supported (R12: not on mobile web); without it the window guesses. */
  @property({ attribute: false }) environment: ElementEnvironment | null = null;
  /** This user's id: the speaker chosen in `<chat-meet-settings>` is read from their saved settings. */
  @property({ attribute: 'user-id' }) userId: string | null = null;
  /** `auto` follows the viewport (full screen under 640 px); `mobile` or `desktop` force one. */
  @property({ reflect: true }) layout: 'auto' | 'mobile' | 'desktop' = 'auto';
  /** Minimised to a small pill; the meet and its audio go on. */
  @property({ type: Boolean, reflect: true }) minimised = false;
  /**
   * R13 shortcuts: `auto` (managers on, customers off), `on`, or `off`. The window listens for
   * them itself, so a page with no `<chat-meet-ring>` has them too; with a ring on the same
   * client, one of the two listens (a press never acts twice). With them on, the controls
   * name their keys (`aria-keyshortcuts`, and in the tooltip).
   */
  @property() shortcuts: ShortcutsSetting = 'auto';

  @state() private narrowViewport = false;
  @state() private announcement = '';

  private readonly meetStore = new StoreController(this, () => this.client?.$meet, null);
  private readonly participantsStore = new StoreController(this, () => this.client?.$participants, [] as readonly Participant[]);
  private readonly localStore = new StoreController(this, () => this.client?.$local, null);
  private readonly noticeStore = new StoreController(this, () => this.client?.$audioOnlyNotice, [] as readonly { id: string; name: string }[]);
  private readonly settingsStore = new StoreController(this, () => (this.userId ? meetSettings(this.userId) : null), null);
  private readonly mover = new MoveController(this, () => this.renderRoot.querySelector<HTMLElement>('.window'));
  private readonly keys = new ShortcutsController(this, () => ({ client: this.client, role: this.userRole, setting: this.shortcuts }));
  private media: MediaQueryList | null = null;
  /** Who was there at the last render, and the user's mic then: what announcements compare with. */
  private seen: Map<string, string> | null = null;
  private lastMic: boolean | null = null;

  private get meet(): MeetState | null {
    return this.meetStore.value;
  }
  private get participants(): readonly Participant[] {
    return this.participantsStore.value;
  }
  private get local(): LocalState | null {
    return this.localStore.value;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.media = window.matchMedia('(max-width: 640px)');
    this.narrowViewport = this.media.matches;
    this.media.addEventListener('change', this.onMedia);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.media?.removeEventListener('change', this.onMedia);
  }

  protected override willUpdate(): void {
    this.announce();
  }

  protected override updated(): void {
    const status = this.meet?.status ?? 'idle';
    const wasShown = SHOWN.has(this.dataset.status ?? 'idle');
    this.dataset.status = status;
    // The window appears where the ring's buttons just vanished: focus would fall to the
    // page, so it comes to the window's first control (never stolen from anything else).
    if (SHOWN.has(status) && !wasShown && !this.minimised && (document.activeElement === document.body || !document.activeElement)) {
      this.renderRoot.querySelector<HTMLElement>('[data-control="mic"]')?.focus();
    }
    this.place();
    void this.applySpeaker();
  }

  /** Where the user moved the window (not on a full-screen mobile window). */
  private get placed(): { x: number; y: number } | null {
    const pos = this.mover.position;
    return pos && (!this.mobile || this.minimised) ? pos : null;
  }

  /**
   * Positions the window through the CSSOM: a strict CSP (no 'unsafe-inline') blocks
   * `style` attributes, which is what a styleMap's first render writes.
   */
  private place() {
    const win = this.renderRoot.querySelector<HTMLElement>('.window');
    if (!win) return;
    const pos = this.placed;
    win.style.left = pos ? `${pos.x}px` : '';
    win.style.top = pos ? `${pos.y}px` : '';
  }

  /** Strings in this element's language. */
  private get s(): CallStrings {
    return this.strings(callCatalog);
  }

  private get mobile(): boolean {
    return this.layout === 'mobile' || (this.layout === 'auto' && this.narrowViewport);
  }

  /** Joins, leaves and the user's own mute go to the live region (WCAG 4.1.3). */
  private announce() {
    const s = this.s;
    const messages: string[] = [];
    // From ringing-out on: a caller's first guest joining is news too.
    const inMeet = Boolean(this.meet && isInMeet(this.meet.status));
    const now = new Map(this.participants.map((p) => [p.id, p.name]));
    // The first render of a meet lists who is there; only changes after it are news.
    if (inMeet && this.seen) {
      for (const [id, name] of now) if (!this.seen.has(id)) messages.push(fill(s.joined, { name }));
      for (const [id, name] of this.seen) if (!now.has(id)) messages.push(fill(s.left, { name }));
    }
    this.seen = inMeet ? now : null;
    const mic = this.local?.mic ?? null;
    if (inMeet && this.lastMic !== null && mic !== null && mic !== this.lastMic) messages.push(mic ? s.selfUnmuted : s.selfMuted);
    this.lastMic = inMeet ? mic : null;
    if (messages.length) this.announcement = messages.join('. ');
  }

  private readonly onMedia = (e: MediaQueryListEvent) => (this.narrowViewport = e.matches);

  /** Routes remote audio to the chosen speaker where the browser can (setSinkId). */
  private async applySpeaker() {
    const videos = this.renderRoot.querySelectorAll<HTMLVideoElement & { setSinkId?: (id: string) => Promise<void>; sinkId?: string }>('.tile:not(.self) video');
    const target = this.settingsStore.value?.speakerId ?? '';
    for (const v of videos) {
      if (typeof v.setSinkId !== 'function' || v.sinkId === target) continue;
      // A speaker unplugged since it was chosen: the default plays instead of silence.
      await v.setSinkId(target).catch(() => v.setSinkId?.('').catch(() => undefined));
    }
  }

  /** Whether the R13 shortcuts are on for this user (listened for by this window or the ring). */
  get shortcutsActive(): boolean {
    return this.keys.enabled;
  }

  /**
   * A control's tooltip and `aria-keyshortcuts` for `binding` while shortcuts are on: the label
   * with the keys (`Mute (Ctrl+Shift+M)`); the accessible name stays the label alone.
   */
  private keyed(label: string, binding: string | null): { title: string; aria: string | typeof nothing } {
    if (!binding || !this.keys.enabled) return { title: label, aria: nothing };
    const keys = describeShortcut(binding);
    return { title: `${label} (${keys.label})`, aria: keys.aria };
  }

  private tiles(): TileModel[] {
    const l = this.local;
    const self: TileModel = {
      id: 'self', name: this.s.you, self: true, mic: Boolean(l?.mic), camera: Boolean(l?.camera), screen: Boolean(l?.screen),
      audioOnly: Boolean(l?.audioOnly), connection: null, speaking: false, quality: null, stream: l?.stream ?? null,
    };
    const others = this.participants.slice(0, MAX_TILES - 1).map<TileModel>((p) => ({
      id: p.id, name: p.name, self: false, mic: p.mic, camera: p.camera, screen: p.screen, audioOnly: p.audioOnly,
      connection: p.connection, speaking: p.speaking, quality: p.quality, stream: p.stream,
    }));
    return [...others, self];
  }

  private renderControls() {
    const s = this.s;
    const l = this.local;
    const mic = Boolean(l?.mic);
    const camera = Boolean(l?.camera);
    const screen = Boolean(l?.screen);
    const audioOnly = Boolean(l?.audioOnly);
    const canShare = !audioOnly && Boolean((this.environment ?? guessEnvironment()).supports.screenShare);
    const button = (name: string, label: string, icon: unknown, on: () => void, cls = '', binding: string | null = null) => {
      const k = this.keyed(label, binding);
      return html`<button part="control" class=${cls} data-control=${name} aria-label=${label} title=${k.title} aria-keyshortcuts=${k.aria} @click=${on}>${icon}<span class="text">${label}</span></button>`;
    };
    return html`<div class="controls" part="controls" role="group" aria-label=${s.controls}>
      ${button('mic', mic ? s.micOff : s.micOn, mic ? icons.mic : icons.micOff, () => this.intent({ type: 'set-mic', on: !mic }), mic ? '' : 'off', SHORTCUTS.toggleMic)}
      ${audioOnly ? nothing : button('camera', camera ? s.cameraOff : s.cameraOn, camera ? icons.camera : icons.cameraOff, () => this.intent({ type: 'set-camera', on: !camera }), camera ? '' : 'off')}
      ${canShare ? button('screen', screen ? s.shareStop : s.shareStart, icons.screen, () => this.intent({ type: screen ? 'stop-screen-share' : 'start-screen-share' }), screen ? 'off' : '') : nothing}
      ${button('settings', s.settings, icons.settings, () => this.intent({ type: 'open-settings' }))}
      ${button('leave', s.leave, icons.leave, () => this.intent({ type: 'leave' }), 'danger', SHORTCUTS.leave)}
      ${canEndForAll(this.userRole) ? button('end-for-all', s.endForAll, icons.end, () => this.intent({ type: 'end-for-all' }), 'danger', SHORTCUTS.endForAll) : nothing}
    </div>`;
  }

  private renderBody(tiles: TileModel[]) {
    const s = this.s;
    const stageId = stageTileId(tiles);
    const stage = tiles.find((t) => t.id === stageId);
    const rest = stage ? tiles.filter((t) => t !== stage) : tiles;
    const status = this.meet?.status;
    const sharer = stage ? (stage.self ? s.you : stage.name) : '';
    // Focusable: with many tiles or a stage the body scrolls, and keyboard users must reach it too.
    return html`<div class="body" role="region" aria-label=${s.tiles} tabindex="0">
      ${status === 'connecting' || status === 'reconnecting'
        ? html`<div class="banner ${status}" part="banner" role="status">${status === 'connecting' ? s.connecting : s.reconnecting}</div>`
        : nothing}
      ${this.noticeStore.value.length
        ? html`<div class="notice" part="notice" role="status">${icons.phone}<span>${fill(s.audioOnlyNotice, { names: this.noticeStore.value.map((n) => n.name).join(', ') })}</span></div>`
        : nothing}
      ${stage
        ? html`<div class="stage" part="stage" role="region" aria-label=${fill(s.sharing, { name: sharer })}>${renderTile(stage, s)}</div>`
        : nothing}
      <ul class="grid ${stage ? 'stage-strip' : `cols-${gridColumns(rest.length, this.mobile)}`}" part="grid">
        ${repeat(rest, (t) => t.id, (t) => html`<li>${renderTile(t, s)}</li>`)}
      </ul>
    </div>`;
  }

  /** The minimised pill's microphone and leave buttons. */
  private renderMiniControls() {
    const s = this.s;
    const mic = Boolean(this.local?.mic);
    const micLabel = mic ? s.micOff : s.micOn;
    const micKeys = this.keyed(micLabel, SHORTCUTS.toggleMic);
    const leaveKeys = this.keyed(s.leave, SHORTCUTS.leave);
    return html`<button part="control" class="icon-only" data-control="mic-mini" aria-label=${micLabel} title=${micKeys.title} aria-keyshortcuts=${micKeys.aria}
        @click=${() => this.intent({ type: 'set-mic', on: !mic })}>${mic ? icons.mic : icons.micOff}</button>
      <button part="control" class="danger icon-only" data-control="leave-mini" aria-label=${s.leave} title=${leaveKeys.title} aria-keyshortcuts=${leaveKeys.aria}
        @click=${() => this.intent({ type: 'leave' })}>${icons.leave}</button>`;
  }

  protected override render() {
    const status = this.meet?.status;
    if (!status || !SHOWN.has(status)) return nothing;
    const s = this.s;
    const tiles = this.tiles();
    const classes = ['root', 'window', this.minimised ? 'minimised' : '', this.mobile ? 'mobile' : '', this.placed ? 'moved' : ''].filter(Boolean).join(' ');
    const anyoneSpeaking = tiles.some((t) => t.speaking);
    return html`<section class=${classes} part="window" aria-label=${s.window} lang=${this.language}>
      <header part="header">
        ${this.mobile && !this.minimised
          ? nothing // full screen: nothing to move
          : html`<button class="handle icon-only" part="move-handle" data-control="move" aria-label=${s.move} title=${s.move}
              @pointerdown=${this.mover.onPointerDown} @pointermove=${this.mover.onPointerMove}
              @pointerup=${this.mover.onPointerUp} @pointercancel=${this.mover.onPointerUp} @keydown=${this.mover.onKeyDown}>${icons.move}</button>`}
        ${this.minimised ? html`<span class="dot ${anyoneSpeaking ? 'speaking' : ''}" aria-hidden="true"></span>` : nothing}
        <h2 class="title">${s.window}<small>${fill(s.count, { count: tiles.length })}</small></h2>
        ${this.minimised ? this.renderMiniControls() : nothing}
        <button part="control" class="icon-only" data-control="minimise" aria-label=${this.minimised ? s.restore : s.minimise} title=${this.minimised ? s.restore : s.minimise}
          aria-expanded=${this.minimised ? 'false' : 'true'} @click=${this.toggleMinimised}>${this.minimised ? icons.restore : icons.minimise}</button>
      </header>
      ${this.renderBody(tiles)}
      ${this.minimised ? nothing : this.renderControls()}
      <div class="sr-only" role="status" aria-live="polite" data-live>${this.announcement}</div>
    </section>`;
  }

  private readonly toggleMinimised = () => {
    this.minimised = !this.minimised;
    this.emit('chat-meet-minimise', { minimised: this.minimised });
  };
}
