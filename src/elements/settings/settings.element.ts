/**
 * `<chat-meet-settings>`: camera, microphone and speaker pickers with a live preview and
 * microphone level, and the R14 switches (join muted, background blur, noise
 * suppression). Choices persist per user (settings-store.ts) and reach the meet as
 * `chat-meet-intent` events; the element never touches peers or sockets.
 */
import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { inMeet } from '../../core/status.js';
import type { MeetClient } from '../../core/types.js';
import { settingsCatalog, type SettingsStrings } from '../../i18n/catalog/settings.js';
import { fill } from '../../i18n/locale.js';
import { ChatMeetElement } from '../base/element.js';
import type { ElementEnvironment } from '../base/environment.js';
import { StoreController } from '../base/store.controller.js';
import { panelBaseStyles } from '../base/panel.styles.js';
import type { MeetIntent } from '../intents.js';
import { PreviewController } from './preview.controller.js';
import { DEFAULT_SETTINGS, meetSettings, type MeetSettings } from './settings-store.js';
import { settingsStyles } from './settings.styles.js';

/** The three features the panel offers only where they can run (R15), and why one cannot. */
interface Offer {
  blur: boolean;
  noiseSuppression: boolean;
  speakerSelection: boolean;
}

/**
 * What the browser says itself, for what environment detection did not tell: noise
 * suppression and speaker choice are plain feature tests; blur needs the blur chunk's own
 * checks (WebGL2, speed), so it is not offered on a guess.
 */
function offer(env: ElementEnvironment | null): Offer {
  const constraints = (navigator.mediaDevices?.getSupportedConstraints?.() ?? {}) as MediaTrackSupportedConstraints;
  return {
    blur: env?.supports.blur ?? false,
    noiseSuppression: env?.supports.noiseSuppression ?? Boolean(constraints.noiseSuppression),
    speakerSelection: env?.supports.speakerSelection ?? (typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype),
  };
}

/**
 * Device settings for meets.
 *
 * @summary Camera, microphone and speaker pickers, preview, level, and the R14 switches.
 *
 * @fires chat-meet-intent - `set-devices`, `set-noise-suppression` and `set-blur` when the
 *   user changes them (applied live during a meet).
 * @fires chat-meet-settings-change - `detail`: the user's whole {@link MeetSettings} after a change
 *   (also saved to `localStorage`).
 * @fires chat-meet-settings-close - The close button was pressed (shown with `closable`).
 *
 * @csspart panel - The panel.
 * @csspart preview - The camera preview.
 * @csspart level - The microphone level meter.
 * @csspart select - Each device picker.
 * @csspart switch - Each on/off switch.
 * @csspart reason - Why a feature is not offered here.
 *
 * @cssprop [--chat-meet-settings-width=380px] - Width of the panel.
 * @cssprop [--chat-meet-surface=#ffffff] - Panel background.
 * @cssprop [--chat-meet-text=#111827] - Text colour.
 * @cssprop [--chat-meet-accent=#2563eb] - Switch colour when on.
 * @cssprop [--chat-meet-radius=12px] - Corner radius.
 */
export class ChatMeetSettings extends ChatMeetElement {
  static override styles = [...panelBaseStyles, settingsStyles];

  /** Whose settings these are: they are saved under this id (`chat-meet:settings:<id>`). */
  @property({ attribute: 'user-id' }) userId = '';
  /** From `detectEnvironment()` (R15); what it leaves out, the panel asks the browser itself. */
  @property({ attribute: false }) environment: ElementEnvironment | null = null;
  /** Capture a live camera preview and microphone level while shown. */
  @property({ type: Boolean }) preview = true;
  /** Show a close button (fires `chat-meet-settings-close`). */
  @property({ type: Boolean, reflect: true }) closable = false;
  /**
   * The meet client, where there is one (a booted widget passes it). While it is in a meet
   * the preview and level show the meet's own camera and microphone instead of capturing
   * them a second time.
   */
  @property({ attribute: false }) client: MeetClient | null = null;

  private readonly saved = new StoreController(this, () => this.store, DEFAULT_SETTINGS);
  // Subscribed only to re-render when the meet or its tracks change; meetTracks() reads the client.
  private readonly meetStore = new StoreController(this, () => this.client?.$meet, null);
  private readonly localStore = new StoreController(this, () => this.client?.$local, null);
  private readonly capture = new PreviewController(this);
  /** The preview request last started, to restart only when it changes. */
  private previewKey = '';

  private get settings(): MeetSettings {
    return this.saved.value;
  }

  /**
   * What the meet holds, while this client is in one: its microphone, and its camera when
   * on (a shared screen is not a camera preview). `null` outside a meet.
   */
  private meetTracks(): MediaStreamTrack[] | null {
    // Read from the client itself: willUpdate runs before the store controllers follow a new client.
    const meet = this.client?.$meet.get();
    const local = this.client?.$local.get();
    if (!meet || !local || !inMeet(meet.status)) return null;
    const stream = local.stream;
    return [...(stream?.getAudioTracks() ?? []), ...(local.camera && !local.screen ? stream?.getVideoTracks() ?? [] : [])];
  }

  protected override willUpdate(changed: PropertyValues): void {
    const borrowed = this.preview ? this.meetTracks() : null;
    if (borrowed) {
      this.previewKey = 'meet';
      this.capture.borrow(borrowed);
      return;
    }
    const st = this.settings;
    const request = { cameraId: st.cameraId, micId: st.micId, noiseSuppression: st.noiseSuppression && this.offers.noiseSuppression, camera: true };
    const key = this.preview ? JSON.stringify(request) : '';
    if (key === this.previewKey && !changed.has('preview')) return;
    this.previewKey = key;
    if (this.preview) void this.capture.start(request);
    else this.capture.clear();
  }

  private get s(): SettingsStrings {
    return this.strings(settingsCatalog);
  }

  private get offers(): Offer {
    return offer(this.environment);
  }

  private get store() {
    return meetSettings(this.userId || 'anonymous');
  }

  private change<K extends keyof MeetSettings>(key: K, value: MeetSettings[K], intent?: MeetIntent) {
    this.store.setKey(key, value as never);
    if (intent) this.intent(intent);
    this.emit('chat-meet-settings-change', { ...this.store.get() });
  }

  private picker(id: string, label: string, kind: 'videoinput' | 'audioinput' | 'audiooutput', value: string | null, onPick: (id: string | null) => void) {
    const s = this.s;
    const devices = this.capture.devices[kind];
    const kindName = { videoinput: s.camera, audioinput: s.microphone, audiooutput: s.speaker }[kind];
    // A saved device that is gone (unplugged) reads as the default instead of a blank picker.
    const current = value && devices.some((d) => d.deviceId === value) ? value : '';
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <select id=${id} part="select" data-setting=${id} @change=${(e: Event) => onPick((e.target as HTMLSelectElement).value || null)}>
        <option value="" ?selected=${current === ''}>${s.systemDefault}</option>
        ${devices.map((d, i) => html`<option value=${d.deviceId} ?selected=${d.deviceId === current}>${d.label || fill(s.deviceFallback, { kind: kindName, n: i + 1 })}</option>`)}
      </select>
    </div>`;
  }

  private toggle(id: string, label: string, checked: boolean, supported: boolean, reason: string | null, onToggle: (on: boolean) => void) {
    return html`<div class="toggle ${supported ? '' : 'disabled'}">
      <label for=${id}>${label}</label>
      <input id=${id} type="checkbox" role="switch" part="switch" data-setting=${id}
        .checked=${supported && checked} ?disabled=${!supported} aria-describedby=${supported ? nothing : `${id}-reason`}
        @change=${(e: Event) => onToggle((e.target as HTMLInputElement).checked)} />
      ${supported ? nothing : html`<p class="reason" part="reason" id="${id}-reason">${reason}</p>`}
    </div>`;
  }

  protected override render() {
    const s = this.s;
    const can = this.offers;
    const reasons = this.environment?.reasons ?? {};
    const st = this.settings;
    const stream = this.capture.stream;
    const hasVideo = Boolean(stream?.getVideoTracks().length);
    return html`<section class="root panel" part="panel" aria-labelledby="title" lang=${this.language}>
      <header>
        <h2 id="title">${s.title}</h2>
        ${this.closable ? html`<button class="close" aria-label=${s.close} title=${s.close} @click=${this.close}>×</button>` : nothing}
      </header>
      <div class="preview" part="preview" role="img" aria-label=${hasVideo ? s.cameraPreview : s.previewOff}>
        ${hasVideo ? html`<video .srcObject=${stream} .muted=${true} autoplay playsinline aria-hidden="true"></video>` : html`<span aria-hidden="true">${s.previewOff}</span>`}
      </div>
      ${this.capture.error ? html`<p class="error" role="alert">${fill(s.previewFailed, { reason: this.capture.error })}</p>` : nothing}
      ${this.picker('camera', s.camera, 'videoinput', st.cameraId, (id) => this.change('cameraId', id, { type: 'set-devices', cameraId: id }))}
      ${this.picker('microphone', s.microphone, 'audioinput', st.micId, (id) => this.change('micId', id, { type: 'set-devices', micId: id }))}
      <div class="field">
        <span class="label" id="level-label">${s.micLevel}</span>
        <meter part="level" min="0" max="1" low="0.15" high="0.85" optimum="0.5" .value=${this.capture.level} aria-labelledby="level-label"></meter>
      </div>
      ${can.speakerSelection
        ? this.picker('speaker', s.speaker, 'audiooutput', st.speakerId, (id) => this.change('speakerId', id))
        : html`<div class="field"><span class="label">${s.speaker}</span><p class="reason" part="reason" data-reason="speaker">${reasons.speakerSelection ?? s.speakerUnavailable}</p></div>`}
      ${this.toggle('join-muted', s.joinMuted, st.joinMuted, true, null, (on) => this.change('joinMuted', on))}
      ${this.toggle('blur', s.blur, st.blur, can.blur, reasons.blur ?? s.blurUnavailable, (on) => this.change('blur', on, { type: 'set-blur', on }))}
      ${this.toggle('noise-suppression', s.noiseSuppression, st.noiseSuppression, can.noiseSuppression, reasons.noiseSuppression ?? s.noiseUnavailable, (on) => this.change('noiseSuppression', on, { type: 'set-noise-suppression', on }))}
    </section>`;
  }

  private readonly close = () => {
    this.emit('chat-meet-settings-close');
  };
}
