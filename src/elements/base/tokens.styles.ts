/**
 * The theming surface shared by every `<chat-meet-*>` element, and the isolation that
 * keeps a host page's global CSS out.
 *
 * Tokens: each element reads `--chat-meet-*` custom properties (inherited through the
 * shadow boundary, so a host sets them once on `:root` or on the tag) into private
 * `--_*` variables with a default. docs/theming.md lists them.
 *
 * Isolation: Shadow DOM keeps a host's selectors away from the inside, but *inherited*
 * properties (font size, line height, colour, letter spacing, text transform, ...) still
 * flow in through the host element, and a host's `!important` rule on the host element
 * beats `:host`. So `isolation` sets every inherited text property again on `.root`,
 * the one wrapper each element renders, and sizes everything in px (a 30 px base font on
 * `html` changes nothing).
 *
 * Only what the button uses is here: it is in the first download (the pre-button size
 * budget, test/build/size-budget), and a css`` result is kept whole. What only the elements
 * that load on demand use (accept/danger colours, list and heading resets, `.sr-only`,
 * disabled buttons) is in panel.styles.ts.
 */
import { css } from 'lit';

/** `--_*` variables from the public `--chat-meet-*` tokens (light surfaces: button, ring, guide); more in panel.styles.ts. */
export const tokens = css`
  :host {
    --_accent: var(--chat-meet-accent, #2563eb);
    --_accent-text: var(--chat-meet-accent-text, #ffffff);
    --_surface: var(--chat-meet-surface, #ffffff);
    --_text: var(--chat-meet-text, #111827);
    --_muted-text: var(--chat-meet-muted-text, #4b5563);
    --_border: var(--chat-meet-border, #d1d5db);
    --_radius: var(--chat-meet-radius, 12px);
    --_focus: var(--chat-meet-focus-ring, #2563eb);
    --_shadow: var(--chat-meet-shadow, 0 12px 32px rgb(0 0 0 / 0.25));
    --_font: var(--chat-meet-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans KR', 'Noto Sans JP', sans-serif);
    --_z: var(--chat-meet-z-index, 2147483000);
  }
`;

/** Resets inside the shadow root so hostile host CSS cannot change the layout. */
export const isolation = css`
  :host {
    box-sizing: border-box;
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .root {
    font-family: var(--_font);
    font-size: 14px;
    font-style: normal;
    font-weight: 400;
    font-variant: normal;
    line-height: 1.4;
    letter-spacing: normal;
    word-spacing: normal;
    text-transform: none;
    text-align: start;
    text-indent: 0;
    text-shadow: none;
    white-space: normal;
    direction: ltr;
    color: var(--_text);
    visibility: visible;
    cursor: auto;
    /* Inherited too, and each changes how text wraps or paints: a host's word-break: break-all,
       a dark color-scheme or accent-color (form controls), list-style, a text fill colour. */
    font-kerning: auto;
    font-stretch: normal;
    font-feature-settings: normal;
    font-variation-settings: normal;
    word-break: normal;
    overflow-wrap: normal;
    hyphens: manual;
    line-break: auto;
    tab-size: 8;
    writing-mode: horizontal-tb;
    list-style: disc outside;
    -webkit-text-fill-color: currentcolor;
    -webkit-text-stroke: 0;
    accent-color: auto;
    color-scheme: normal;
  }
  button {
    margin: 0;
    font: inherit;
    color: inherit;
    letter-spacing: inherit;
    text-transform: none;
    cursor: pointer;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  h2,
  p {
    margin: 0;
    padding: 0;
  }
  svg {
    display: block;
    flex: none;
  }
`;

/** Buttons in the chat-meet look: `.btn` (primary) and `.btn.secondary`; `.accept` and `.danger` in panel.styles.ts. */
export const buttons = css`
  .btn {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 6px;
    min-width: 44px;
    min-height: 40px;
    padding: 8px 14px;
    border: 1px solid transparent;
    border-radius: 999px;
    font-size: 14px;
    font-weight: 600;
    line-height: 1.2;
    text-decoration: none;
    background: var(--_accent);
    color: var(--_accent-text);
  }
  .btn.secondary {
    background: var(--_surface);
    color: var(--_text);
    border-color: var(--_border);
  }
`;

/** What every chat-meet element starts from (the button needs no more). */
export const baseStyles = [tokens, isolation, buttons];
