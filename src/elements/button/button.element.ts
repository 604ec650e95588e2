/**
 * `<chat-meet-button>`: where a meet starts. Visible only while R5, R6 and R16 allow it
 * ({@link meetButtonMode}); re-renders at once when the assignee, the source, the setting,
 * the environment or the meet's status change.
 */
import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { MeetClient, MeetState } from '../../core/types.js';
import type { MeetKind, Role } from '../../signaling/protocol.js';
import { buttonCatalog } from '../../i18n/catalog/button.js';
import { commonCatalog } from '../../i18n/catalog/common.js';
import { ChatMeetElement } from '../base/element.js';
import { guessEnvironment, type ElementEnvironment } from '../base/environment.js';
import { baseIcons } from '../base/icons.js';
import { StoreController } from '../base/store.controller.js';
import { baseStyles } from '../base/tokens.styles.js';
import { buttonStyles } from './button.styles.js';
import type { SheetHost } from './escape-sheet.js';
import { meetButtonMode, type MeetButtonMode } from './visibility.js';

/** `customer-can-start-meet="false"` turns the setting off; the attribute's absence leaves it on. */
const onUnlessFalse = { fromAttribute: (v: string | null) => v !== 'false', toAttribute: (v: boolean) => String(v) };

type EscapeSheet = typeof import('./escape-sheet.js');
let escapeSheet: Promise<EscapeSheet> | undefined;
/**
 * The R16 sheet (./escape-sheet.ts), loaded once for every button in the page: only a
 * button in an in-app browser opens it, so it is not in the first download
 * (docs/decisions/0002). A failed load may be tried again.
 */
const loadEscapeSheet = () =>
  (escapeSheet ??= import('./escape-sheet.js').catch((error: unknown) => {
    escapeSheet = undefined;
    throw error;
  }));

/**
 * The meet button for the host chat.
 *
 * @summary Starts a meet: one button for customers, a voice/video menu for managers, a way out of in-app browsers.
 *
 * @fires chat-meet-intent - `call` with the kind chosen; `escape-in-app` when the user follows the way out (R16).
 *
 * @csspart button - The button itself.
 * @csspart menu - The manager's menu (R7).
 * @csspart menu-item - Each item of the menu (voice meet, video meet).
 * @csspart sheet - The in-app browser sheet (R16).
 * @csspart escape-link - The one-tap link to the system browser.
 * @csspart instructions - The steps where no one-tap way exists (e.g. WeChat).
 *
 * @cssprop [--chat-meet-accent=#2563eb] - Button colour.
 * @cssprop [--chat-meet-accent-text=#ffffff] - Button text colour.
 * @cssprop [--chat-meet-surface=#ffffff] - Menu and sheet background.
 * @cssprop [--chat-meet-text=#111827] - Menu and sheet text.
 * @cssprop [--chat-meet-border=#d1d5db] - Menu border.
 * @cssprop [--chat-meet-radius=12px] - Corner radius.
 * @cssprop [--chat-meet-focus-ring=#2563eb] - Keyboard focus outline.
 * @cssprop [--chat-meet-z-index=2147483000] - Stacking order of the menu and sheet.
 */
export class ChatMeetButton extends ChatMeetElement {
  static override styles = [...baseStyles, buttonStyles];
  // Without decorators, like ChatMeetElement (first download; see there).
  static override properties: PropertyDeclarations = {
    client: { attribute: false },
    userRole: { attribute: 'user-role', reflect: true },
    customerCanStartMeet: { attribute: 'customer-can-start-meet', converter: onUnlessFalse },
    assigneeId: { attribute: 'assignee-id' },
    source: {},
    kind: {},
    environment: { attribute: false },
    menuOpen: { state: true },
    sheetOpen: { state: true },
    copyStatus: { state: true },
    sheet: { state: true },
  };

  /** The meet client: the button hides while a meet rings or runs. */
  client: MeetClient | null = null;
  /** `customer` gets one button (R5); `manager` gets the voice/video menu (R7). */
  userRole: Role = 'customer';
  /** Channel setting "customers may start a meet" (R5). */
  customerCanStartMeet = true;
  /** The conversation's assignee; without one there is no button (R5, R2). */
  assigneeId: string | null = null;
  /** Where the conversation came from; only `web` (the web chat) gets a customer button (R6). */
  source = 'web';
  /** The kind of meet the customer's button starts. */
  kind: MeetKind = 'video';
  /** From `detectEnvironment()`; without it the button guesses from WebRTC support. */
  environment: ElementEnvironment | null = null;

  private menuOpen = false;
  private sheetOpen = false;
  private copyStatus = '';
  /** The sheet's module once loaded; the sheet shows when it is open and this is in. */
  private sheet: EscapeSheet | null = null;
  private sheetLoad: Promise<void> | null = null;
  private sheetShown = false;

  private readonly meet = new StoreController<MeetState, null>(this, () => this.client?.$meet, null);

  /** What the button shows now (R5, R6, R16). */
  get mode(): MeetButtonMode {
    return meetButtonMode({
      role: this.userRole,
      customerCanStartMeet: this.customerCanStartMeet,
      source: this.source,
      assigneeId: this.assigneeId,
      environment: this.environment ?? guessEnvironment(),
      status: this.meet.value?.status ?? 'idle',
    });
  }

  /**
   * Opens the R16 sheet (the way out of an in-app browser) where the button offers it
   * (`mode` is `escape`); otherwise does nothing. The boot opens it for a tap made before it
   * knew the browser was one.
   */
  openEscapeSheet(): void {
    this.sheetOpen = true;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('pointerdown', this.onOutside, true);
  }

  protected override willUpdate(changed: PropertyValues): void {
    const mode = this.mode;
    this.dataset.mode = mode;
    // A menu or sheet for a mode that no longer applies (e.g. the assignee left) closes.
    if (mode !== 'menu') this.menuOpen = false;
    if (mode !== 'escape') this.sheetOpen = false;
    // The sheet starts loading as soon as the button offers it, so it is in by the time of
    // a tap; a tap before that opens the sheet when it arrives.
    else if (!this.sheet && !this.sheetLoad) {
      this.sheetLoad = loadEscapeSheet()
        .then((sheet) => void (this.sheet = sheet))
        .catch((error: unknown) => console.warn(`[chat-meet] the in-app browser sheet did not load (${(error as Error)?.message}); a tap tries again.`))
        .finally(() => (this.sheetLoad = null));
    }
    if (changed.has('menuOpen')) {
      if (this.menuOpen) document.addEventListener('pointerdown', this.onOutside, true);
      else document.removeEventListener('pointerdown', this.onOutside, true);
    }
  }

  protected override updated(changed: PropertyValues): void {
    // Focus goes into what just opened, and back to the button when it closes.
    if (this.menuOpen) this.placeMenu();
    if (changed.has('menuOpen') && changed.get('menuOpen') !== undefined) {
      if (this.menuOpen) this.items()[0]?.focus();
      else if (this.focusReturn) this.trigger()?.focus();
    }
    const sheetShown = this.sheetOpen && this.sheet !== null;
    if (sheetShown !== this.sheetShown) {
      this.sheetShown = sheetShown;
      if (sheetShown) this.renderRoot.querySelector<HTMLElement>('.sheet .escape, .sheet .link')?.focus();
      else if (this.focusReturn) this.trigger()?.focus();
    }
    this.focusReturn = true;
  }

  /**
   * Keeps the menu inside the viewport: it opens below the button, its end edge on the
   * button's, unless that clips it; a button near the left edge gets it start-aligned, one
   * near the bottom (a chat's composer) gets it above. Set as data attributes the styles
   * read (no style attribute: a strict CSP blocks those).
   */
  private placeMenu() {
    const menu = this.renderRoot.querySelector<HTMLElement>('.menu');
    const trigger = this.trigger()?.getBoundingClientRect();
    if (!menu || !trigger) return;
    const { offsetWidth: width, offsetHeight: height } = menu;
    const viewWidth = document.documentElement.clientWidth;
    const viewHeight = document.documentElement.clientHeight;
    const roomBefore = trigger.right; // end-aligned: the menu spans leftwards from the button's right edge
    const roomAfter = viewWidth - trigger.left;
    menu.dataset.align = roomBefore >= width || (roomAfter < width && roomBefore >= roomAfter) ? 'end' : 'start';
    const below = viewHeight - trigger.bottom - 4;
    const above = trigger.top - 4;
    menu.dataset.side = below >= height || (above < height && below >= above) ? 'bottom' : 'top';
  }

  private focusReturn = true;
  private trigger = () => this.renderRoot.querySelector<HTMLButtonElement>('[part="button"]');
  private items = () => [...this.renderRoot.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')];

  private readonly onOutside = (e: Event) => {
    if (!e.composedPath().includes(this)) {
      this.focusReturn = false;
      this.menuOpen = false;
    }
  };

  private call(kind: MeetKind) {
    this.menuOpen = false;
    this.intent({ type: 'call', kind });
  }

  private onMenuKey(e: KeyboardEvent) {
    const items = this.items();
    const at = items.indexOf(this.shadowRoot!.activeElement as HTMLButtonElement);
    const go = (i: number) => items[(i + items.length) % items.length]?.focus();
    if (e.key === 'ArrowDown') go(at + 1);
    else if (e.key === 'ArrowUp') go(at - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(items.length - 1);
    else if (e.key === 'Escape') this.menuOpen = false;
    else if (e.key === 'Tab') {
      this.focusReturn = false;
      this.menuOpen = false;
      return;
    } else return;
    e.preventDefault();
  }

  private onTriggerKey(e: KeyboardEvent) {
    if (this.mode === 'menu' && (e.key === 'ArrowDown' || e.key === 'ArrowUp') && !this.menuOpen) {
      e.preventDefault();
      this.menuOpen = true;
    }
  }

  /** Also waits for the sheet while it loads, and for the render it brings. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    if (!this.sheetLoad) return done;
    await this.sheetLoad;
    return super.getUpdateComplete();
  }

  /** What the sheet works with, as of this render. */
  private sheetHost(): SheetHost {
    return {
      root: this.shadowRoot!,
      language: this.language,
      escape: (this.environment ?? guessEnvironment()).escape,
      copyStatus: this.copyStatus,
      setCopyStatus: (text) => (this.copyStatus = text),
      close: () => (this.sheetOpen = false),
      escaped: () => this.intent({ type: 'escape-in-app' }),
    };
  }

  protected override render() {
    const mode = this.mode;
    if (mode === 'hidden') return nothing;
    const s = this.strings(buttonCatalog);
    const c = this.strings(commonCatalog);
    const lang = this.language;
    if (mode === 'menu') {
      return html`<div class="root" lang=${lang}>
        <button class="btn" part="button" aria-haspopup="menu" aria-expanded=${this.menuOpen ? 'true' : 'false'} aria-controls="menu"
          @click=${() => (this.menuOpen = !this.menuOpen)} @keydown=${this.onTriggerKey}>${baseIcons.phone}<span>${s.menu}</span>${baseIcons.chevron}</button>
        ${this.menuOpen
          ? html`<div class="menu" part="menu" id="menu" role="menu" aria-label=${s.menuLabel} @keydown=${this.onMenuKey}>
              <button role="menuitem" part="menu-item" data-kind="voice" tabindex="-1" @click=${() => this.call('voice')}>${baseIcons.phone}${c.voiceMeet}</button>
              <button role="menuitem" part="menu-item" data-kind="video" tabindex="-1" @click=${() => this.call('video')}>${baseIcons.video}${c.videoMeet}</button>
            </div>`
          : nothing}
      </div>`;
    }
    const label = this.kind === 'voice' ? s.startVoice : s.startVideo;
    return html`<div class="root" lang=${lang}>
      <button class="btn" part="button" aria-haspopup=${mode === 'escape' ? 'dialog' : nothing}
        @click=${() => (mode === 'escape' ? (this.sheetOpen = true) : this.call(this.kind))}>${this.kind === 'voice' ? baseIcons.phone : baseIcons.video}<span>${label}</span></button>
      ${this.sheetOpen && this.sheet ? this.sheet.renderEscapeSheet(this.sheetHost()) : nothing}
    </div>`;
  }
}
