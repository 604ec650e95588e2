/** Styles of `<chat-meet-permission-guide>`. */
import { css } from 'lit';

export const guideStyles = css`
  :host {
    display: block;
  }
  /* A booted widget shows it over the page (and over the call window: same z-index, later in the DOM). */
  :host([overlay]) {
    position: fixed;
    inset: 0;
    z-index: var(--_z);
  }
  :host([overlay]) .root {
    display: flex;
    height: 100%;
    padding: 16px;
    overflow: auto;
    background: rgb(0 0 0 / 0.45);
  }
  /* margin: auto centres it, and a panel taller than a phone's screen scrolls from its top. */
  :host([overlay]) .panel {
    width: 100%;
    margin: auto;
  }
  .panel {
    position: relative;
    display: flex;
    flex-direction: column;
    gap: 12px;
    max-width: var(--chat-meet-guide-width, 440px);
    padding: 20px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    box-shadow: var(--_shadow);
  }
  h2 {
    font-size: 18px;
    font-weight: 700;
    line-height: 1.3;
    padding-inline-end: 40px;
  }
  /* Focus is put on the title so screen readers start there; it is not a control, so no ring. */
  h2:focus {
    outline: none;
  }
  h3 {
    font-size: 14px;
    font-weight: 700;
  }
  .intro,
  .note {
    color: var(--_muted-text);
  }
  ol {
    display: flex;
    flex-direction: column;
    gap: 6px;
    padding-inline-start: 22px;
    list-style: decimal;
  }
  li {
    padding-inline-start: 2px;
  }
  .note {
    padding: 8px 10px;
    border-inline-start: 3px solid var(--_accent);
    background: color-mix(in srgb, var(--_accent) 8%, transparent);
    border-radius: 4px;
  }
  .actions {
    display: flex;
    gap: 8px;
    justify-content: flex-end;
  }
  .close {
    position: absolute;
    top: 12px;
    inset-inline-end: 12px;
    min-width: 40px;
    padding: 8px;
  }
`;
