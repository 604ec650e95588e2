/**
 * `<chat-meet-ring>`: the ring, both ways (R7, R10). Incoming: who calls and which kind,
 * accept or decline. Outgoing: calling…, cancel; then declined, no answer, or "a
 * follow-up link was sent" when the callee is offline. Plays a WebAudio ring that obeys
 * autoplay rules, moves focus into the ring and back, announces changes (aria-live), and
 * hosts the R13 keyboard shortcuts.
 */
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { MeetStatus } from '../../core/status.js';
import type { MeetClient, MeetState } from '../../core/types.js';
import type { Role } from '../../signaling/protocol.js';
import { commonCatalog } from '../../i18n/catalog/common.js';
import { ringCatalog } from '../../i18n/catalog/ring.js';
import { fill } from '../../i18n/locale.js';
import { ChatMeetElement } from '../base/element.js';
import { baseIcons } from '../base/icons.js';
import { StoreController } from '../base/store.controller.js';
import { panelBaseStyles } from '../base/panel.styles.js';
import { describeShortcut, SHORTCUTS, type ShortcutsSetting } from '../shortcuts/shortcuts.js';
import { ShortcutsController } from '../shortcuts/shortcuts.controller.js';
import { startRingTone, type RingTone, type RingToneOptions } from './ring-tone.js';
import { ringIcons } from './icons.js';
import { ringStyles } from './ring.styles.js';

/** What the ring shows. */
export type RingView =
  | { kind: 'none' }
  | { kind: 'incoming' }
  | { kind: 'outgoing' }
  | { kind: 'outcome'; outcome: 'declined' | 'timed-out' | 'cancelled-in' | 'missed-in' | 'follow-up' };

/**
 * Incoming and outgoing rings.
 *
 * @summary The ring: accept or decline a meet, or wait for the callee; tells how a ring ended.
 *
 * @fires chat-meet-intent - `accept`, `decline` or `cancel`; with shortcuts on also `set-mic`, `leave`, `end-for-all` (R13).
 *
 * @csspart dialog - The incoming ring (an alert dialog) or the outgoing ring.
 * @csspart accept - The accept button.
 * @csspart decline - The decline button.
 * @csspart cancel - The cancel button of an outgoing ring.
 * @csspart notice - How a ring ended, or that a follow-up link was sent (R7).
 *
 * @cssprop [--chat-meet-ring-width=340px] - Width of the ring card.
 * @cssprop [--chat-meet-accept=#15803d] - Accept button colour.
 * @cssprop [--chat-meet-danger=#b91c1c] - Decline / cancel colour.
 * @cssprop [--chat-meet-accent=#2563eb] - Caller badge colour.
 * @cssprop [--chat-meet-surface=#ffffff] - Card background.
 * @cssprop [--chat-meet-text=#111827] - Text colour.
 * @cssprop [--chat-meet-z-index=2147483000] - Stacking order above the host page.
 */
export class ChatMeetRing extends ChatMeetElement {
  static override styles = [...panelBaseStyles, ringStyles];

  /** The meet client whose rings to show. */
  @property({ attribute: false }) client: MeetClient | null = null;
  /** This user's role: shortcuts are on by default for managers (R13). */
  @property({ attribute: 'user-role', reflect: true }) userRole: Role = 'customer';
  /** The name of whom an outgoing ring calls (the assignee, or the customer). */
  @property({ attribute: 'callee-name' }) calleeName = '';
  /** `off` silences the ring sound. */
  @property() sound: 'on' | 'off' = 'on';
  /** R13 shortcuts: `auto` (managers on, customers off), `on`, or `off`. */
  @property() shortcuts: ShortcutsSetting = 'auto';
  /** How long an outcome notice stays, in ms; 0 keeps it until dismissed. */
  @property({ type: Number, attribute: 'notice-ms' }) noticeMs = 8000;
  /** Makes the ring's AudioContext (tests, or a host that shares one). */
  @property({ attribute: false }) audioContext: RingToneOptions['context'] | undefined = undefined;

  @state() private outcome: Extract<RingView, { kind: 'outcome' }>['outcome'] | null = null;
  @state() private announcement = '';
  @state() private toneState: RingTone['state'] | 'off' = 'off';

  private previous: MeetStatus = 'idle';
  private followUpShownFor: string | null = null;
  private tone: RingTone | null = null;
  private noticeTimer: ReturnType<typeof setTimeout> | null = null;
  private focusBefore: HTMLElement | null = null;
  private focusedView = 'none';

  private readonly meet = new StoreController<MeetState, null>(this, () => this.client?.$meet, null, (m) => this.onMeet(m));
  private readonly keys = new ShortcutsController(this, () => ({ client: this.client, role: this.userRole, setting: this.shortcuts }));

  /** Whether the R13 shortcuts are listened for. */
  get shortcutsActive(): boolean {
    return this.keys.enabled;
  }

  /** What the ring shows now. */
  get view(): RingView {
    const status = this.meet.value?.status;
    if (status === 'ringing-in') return { kind: 'incoming' };
    if (status === 'ringing-out') return { kind: 'outgoing' };
    return this.outcome ? { kind: 'outcome', outcome: this.outcome } : { kind: 'none' };
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopTone();
    if (this.noticeTimer) clearTimeout(this.noticeTimer);
  }

  /** Records transitions as they happen (a render may see only the last of several). */
  private onMeet(m: MeetState) {
    const from = this.previous;
    this.previous = m.status;
    const name = m.caller?.name || this.strings(ringCatalog).someone;
    if (m.status === 'ringing-in' && from !== 'ringing-in') {
      this.outcome = null;
      const s = this.strings(ringCatalog);
      this.announcement = `${fill(s.incomingTitle, { kind: this.kindName(m) })}. ${fill(s.incomingFrom, { name })}`;
    } else if (m.status === 'ringing-out' && from !== 'ringing-out') {
      this.outcome = null;
    } else if (m.status === 'ended' && from === 'ringing-out') {
      if (m.endReason === 'declined') this.showOutcome('declined');
      else if (m.endReason === 'timeout') this.showOutcome('timed-out');
    } else if (m.status === 'ended' && from === 'ringing-in') {
      if (m.endReason === 'cancelled') this.showOutcome('cancelled-in');
      else if (m.endReason === 'timeout') this.showOutcome('missed-in');
    }
    // R7: the callee was offline; the caller waits in the meet while the link travels.
    if (m.followUpLink && m.meetId && this.followUpShownFor !== m.meetId) {
      this.followUpShownFor = m.meetId;
      this.showOutcome('follow-up');
    }
  }

  private kindName(m: MeetState | null): string {
    const c = this.strings(commonCatalog);
    return m?.kind === 'voice' ? c.voiceMeet : c.videoMeet;
  }

  private outcomeText(outcome: NonNullable<ChatMeetRing['outcome']>): string {
    const s = this.strings(ringCatalog);
    const callee = this.calleeName;
    const caller = this.meet.value?.caller?.name || s.someone;
    switch (outcome) {
      case 'declined': return callee ? fill(s.declined, { name: callee }) : s.declinedAnyone;
      case 'timed-out': return s.timedOut;
      case 'cancelled-in': return fill(s.cancelledIn, { name: caller });
      case 'missed-in': return fill(s.missedIn, { name: caller });
      case 'follow-up': return callee ? fill(s.followUp, { name: callee }) : s.followUpAnyone;
    }
  }

  private showOutcome(outcome: NonNullable<ChatMeetRing['outcome']>) {
    this.outcome = outcome;
    this.announcement = this.outcomeText(outcome);
    if (this.noticeTimer) clearTimeout(this.noticeTimer);
    if (this.noticeMs > 0) this.noticeTimer = setTimeout(() => this.dismiss(), this.noticeMs);
  }

  /** Closes an outcome notice. */
  dismiss(): void {
    if (this.noticeTimer) clearTimeout(this.noticeTimer);
    this.outcome = null;
  }

  protected override willUpdate(): void {
    const view = this.view.kind;
    this.dataset.view = view === 'outcome' ? `outcome-${this.outcome}` : view;
    const wanted = this.sound !== 'off' && (view === 'incoming' || view === 'outgoing') ? view : null;
    if (!wanted) this.stopTone();
    else if (!this.tone || this.tonePattern !== wanted) {
      this.stopTone();
      this.tonePattern = wanted;
      this.tone = startRingTone(wanted, { context: this.audioContext, onState: (st) => (this.toneState = st) });
      this.toneState = this.tone.state;
    }
    this.dataset.sound = this.toneState;
  }

  private tonePattern: 'incoming' | 'outgoing' | null = null;

  private stopTone() {
    this.tone?.stop();
    this.tone = null;
    this.tonePattern = null;
    this.toneState = 'off';
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('toneState')) this.dataset.sound = this.toneState;
    // Focus: into the ring when it opens (the user must be able to answer from the keyboard),
    // back to where it was when it closes, if that place is still there.
    const view = this.view.kind;
    if (view === this.focusedView) return;
    const ringing = view === 'incoming' || view === 'outgoing';
    const wasRinging = this.focusedView === 'incoming' || this.focusedView === 'outgoing';
    this.focusedView = view;
    if (ringing) {
      if (!wasRinging) this.focusBefore = deepActiveElement();
      this.renderRoot.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    } else if (wasRinging) {
      const back = this.focusBefore;
      this.focusBefore = null;
      const here = deepActiveElement();
      const focusStillOurs = !here || here === document.body || this.shadowRoot!.contains(here) || here === this;
      if (back?.isConnected && back.checkVisibility?.() !== false && focusStillOurs) back.focus();
    }
  }

  private renderIncoming() {
    const s = this.strings(ringCatalog);
    const m = this.meet.value;
    const accept = describeShortcut(SHORTCUTS.accept);
    const keys = this.shortcutsActive;
    return html`<div class="card incoming" part="dialog" role="alertdialog" aria-modal="false" aria-labelledby="ring-title" aria-describedby="ring-who">
      <div class="head">
        <span class="avatar">${m?.kind === 'voice' ? baseIcons.phone : baseIcons.video}</span>
        <div>
          <h2 id="ring-title">${fill(s.incomingTitle, { kind: this.kindName(m) })}</h2>
          <p class="who" id="ring-who">${fill(s.incomingFrom, { name: m?.caller?.name || s.someone })}</p>
        </div>
      </div>
      <div class="actions">
        <button class="btn danger" part="decline" data-action="decline" @click=${() => this.intent({ type: 'decline' })}>${ringIcons.hangUp}${s.decline}</button>
        <button class="btn accept" part="accept" data-action="accept" data-autofocus aria-keyshortcuts=${keys ? accept.aria : nothing}
          @click=${() => this.intent({ type: 'accept' })}>${baseIcons.phone}${s.accept}</button>
      </div>
      ${keys ? html`<p class="hint">${fill(s.shortcutHint, { keys: accept.label })}</p>` : nothing}
    </div>`;
  }

  private renderOutgoing() {
    const s = this.strings(ringCatalog);
    return html`<div class="card outgoing" part="dialog" role="dialog" aria-modal="false" aria-labelledby="ring-title" aria-describedby="ring-who">
      <div class="head">
        <span class="avatar">${this.meet.value?.kind === 'voice' ? baseIcons.phone : baseIcons.video}</span>
        <div>
          <h2 id="ring-title">${s.outgoingTitle}</h2>
          <p class="who" id="ring-who">${this.calleeName ? fill(s.outgoingTo, { name: this.calleeName }) : s.outgoingAnyone}</p>
        </div>
      </div>
      <div class="actions">
        <button class="btn danger" part="cancel" data-action="cancel" data-autofocus @click=${() => this.intent({ type: 'cancel' })}>${ringIcons.hangUp}${s.cancel}</button>
      </div>
    </div>`;
  }

  private renderOutcome(outcome: NonNullable<ChatMeetRing['outcome']>) {
    const c = this.strings(commonCatalog);
    return html`<div class="card notice" part="notice" data-outcome=${outcome}>
      <span aria-hidden="true">${ringIcons.info}</span>
      <p>${this.outcomeText(outcome)}</p>
      <button class="btn secondary close" data-action="dismiss" aria-label=${c.dismiss} title=${c.dismiss} @click=${() => this.dismiss()}>${baseIcons.close}</button>
    </div>`;
  }

  protected override render() {
    const view = this.view;
    // The live region is always there: a region created together with its text is often not read.
    return html`<div class="root" lang=${this.language}>
      ${view.kind === 'incoming' ? this.renderIncoming() : view.kind === 'outgoing' ? this.renderOutgoing() : view.kind === 'outcome' ? this.renderOutcome(view.outcome) : nothing}
      <div class="sr-only" role="status" aria-live="polite" data-live>${this.announcement}</div>
    </div>`;
  }
}

/** The focused element, looking through open shadow roots. */
function deepActiveElement(): HTMLElement | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el as HTMLElement | null;
}
