/**
 * `<chat-meet-permission-guide>`: shown when the camera or microphone is denied (R17) or
 * the operating system blocks screen capture (R12). The steps are the seed article's, for
 * the user's own platform, ending with "reload and try again".
 */
import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { guideCatalog, type MediaGuidePlatform, type ScreenGuidePlatform } from '../../i18n/catalog/guide.js';
import { fill } from '../../i18n/locale.js';
import { ChatMeetElement } from '../base/element.js';
import type { ElementEnvironment } from '../base/environment.js';
import { baseIcons } from '../base/icons.js';
import { panelBaseStyles } from '../base/panel.styles.js';
import { endsMeetOnPermissionChange, mediaGuidePlatform, screenGuidePlatform } from './platform.js';
import { guideStyles } from './permission-guide.styles.js';

/**
 * The permission guide.
 *
 * @summary How to allow the camera and microphone (R17) or screen recording (R12) on this platform.
 *
 * @fires chat-meet-reload - "Reload and try again" was pressed; cancelable: the default reloads the page.
 * @fires chat-meet-guide-close - The close button was pressed.
 *
 * @csspart panel - The guide's panel.
 * @csspart steps - The numbered steps.
 * @csspart note - The mobile retry note and the reload hint.
 * @csspart reload - The "reload and try again" button.
 * @csspart backdrop - With `overlay`: the dimmed page behind the panel.
 *
 * @cssprop [--chat-meet-guide-width=440px] - Largest width of the panel.
 * @cssprop [--chat-meet-surface=#ffffff] - Panel background.
 * @cssprop [--chat-meet-text=#111827] - Text colour.
 * @cssprop [--chat-meet-accent=#2563eb] - Button and note colour.
 */
export class ChatMeetPermissionGuide extends ChatMeetElement {
  static override styles = [...panelBaseStyles, guideStyles];

  /** `media`: camera and microphone (R17); `screen`: screen recording (R12). */
  @property({ reflect: true }) topic: 'media' | 'screen' = 'media';
  /** From `detectEnvironment()` (its `os` picks the guide); optional. */
  @property({ attribute: false }) environment: ElementEnvironment | null = null;
  /** Forces one platform's steps (otherwise detected). */
  @property() platform: MediaGuidePlatform | ScreenGuidePlatform | '' = '';
  /** Whether the close button is shown. */
  @property({ type: Boolean }) closable = true;
  /**
   * Shown over the page (fixed, centred, above the call window) as a dialog: how a booted
   * widget opens it when a permission is refused. Without it the guide sits in the flow
   * where the host put it.
   */
  @property({ type: Boolean, reflect: true }) overlay = false;

  /** The platform whose steps are shown. */
  get shownPlatform(): MediaGuidePlatform | ScreenGuidePlatform {
    if (this.platform) return this.platform;
    const facts = { os: this.environment?.os, userAgent: navigator.userAgent };
    return this.topic === 'screen' ? screenGuidePlatform(facts) : mediaGuidePlatform(facts);
  }

  protected override firstUpdated(): void {
    // It appears because something failed: focus goes to it so keyboard and screen reader users land on the steps.
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  protected override updated(): void {
    this.dataset.platform = this.shownPlatform;
  }

  /** Escape closes it, like the close button (when there is one). */
  private readonly onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && this.closable) this.emit('chat-meet-guide-close');
  };

  private reload() {
    if (this.emit('chat-meet-reload', { topic: this.topic }, true)) location.reload();
  }

  protected override render() {
    const s = this.strings(guideCatalog);
    const platform = this.shownPlatform;
    const screen = this.topic === 'screen';
    const steps = screen ? s.screen[platform as ScreenGuidePlatform] ?? s.screen.other : s.media[platform as MediaGuidePlatform] ?? s.media.other;
    const retry = !screen && (platform === 'android' || platform === 'ios' || endsMeetOnPermissionChange({ os: this.environment?.os, userAgent: navigator.userAgent }));
    return html`<div class="root" part=${this.overlay ? 'backdrop' : nothing} lang=${this.language}>
      <section class="panel" part="panel" role=${this.overlay ? 'dialog' : 'region'} aria-labelledby="guide-title" @keydown=${this.onKeyDown}>
        <h2 id="guide-title" tabindex="-1">${screen ? s.titleScreen : s.titleMedia}</h2>
        <p class="intro">${screen ? s.introScreen : s.introMedia}</p>
        <h3>${fill(s.stepsFor, { platform: s.platform[platform] })}</h3>
        <ol part="steps">${steps.map((step) => html`<li>${step}</li>`)}</ol>
        ${retry ? html`<p class="note" part="note" data-note="retry">${s.mobileRetry}</p>` : nothing}
        ${screen ? nothing : html`<p class="note" part="note" data-note="reload">${s.reloadHint}</p>`}
        <div class="actions">
          <button class="btn" part="reload" data-action="reload" @click=${this.reload}>${s.reload}</button>
        </div>
        ${this.closable
          ? html`<button class="btn secondary close" data-action="close" aria-label=${s.close} title=${s.close} @click=${() => this.emit('chat-meet-guide-close')}>${baseIcons.close}</button>`
          : nothing}
      </section>
    </div>`;
  }
}
