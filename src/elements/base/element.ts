/**
 * The base of chat-meet's elements: the language (issue 5 point 7), the one way to send
 * an intent (`chat-meet-intent`), and the shared styles.
 */
import { LitElement, type PropertyDeclarations } from 'lit';
import { resolveLocale, type Catalog, type Locale } from '../../i18n/locale.js';
import { intentEvent, type MeetIntent } from '../intents.js';
import { baseStyles } from './tokens.styles.js';

export class ChatMeetElement extends LitElement {
  static override styles = baseStyles;
  // Declared here, not with Lit's decorators as the other elements are: this class and the
  // button are in the first download, and the decorators (with tslib's __decorate) would come
  // along, about 0.5 KB gzip (docs/decisions/0002). The fields below are plain assignments
  // (useDefineForClassFields is off), so they go through the accessors Lit makes from this.
  static override properties: PropertyDeclarations = { locale: { reflect: true } };

  /** Language of the labels: `ko`, `en` or `ja`; default: the browser's language. */
  locale = '';

  /** The language in use (the `locale` property if supported, else the browser's). */
  protected get language(): Locale {
    return resolveLocale(this.locale);
  }

  /** This element's strings in the language in use. */
  protected strings<T>(catalog: Catalog<T>): T {
    return catalog[this.language];
  }

  /** Sends what the user wants; `bindIntents()` turns it into a core action. */
  protected intent(intent: MeetIntent): void {
    this.dispatchEvent(intentEvent(intent));
  }

  /** Dispatches a chat-meet event (bubbles, crosses shadow roots). */
  protected emit<T>(name: string, detail?: T, cancelable = false): boolean {
    return this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable }));
  }
}
