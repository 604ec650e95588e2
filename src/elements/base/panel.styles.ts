/**
 * The base styles that only the elements loaded on demand use (ring, call window, settings,
 * permission guide): on top of tokens.styles.ts, which keeps just what the button needs
 * because it is in the first download (docs/decisions/0002).
 */
import { css } from 'lit';
import { visuallyHidden } from './fragments.styles.js';
import { baseStyles } from './tokens.styles.js';

export const panelStyles = css`
  :host {
    --_accept: var(--chat-meet-accept, #15803d);
    --_danger: var(--chat-meet-danger, #b91c1c);
  }
  h3,
  ol,
  ul {
    margin: 0;
    padding: 0;
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.55;
  }
  .sr-only {
    ${visuallyHidden}
  }
  .btn.accept {
    background: var(--_accept);
    color: #ffffff;
  }
  .btn.danger {
    background: var(--_danger);
    color: #ffffff;
  }
`;

/** What each element loaded on demand starts from. */
export const panelBaseStyles = [...baseStyles, panelStyles];
