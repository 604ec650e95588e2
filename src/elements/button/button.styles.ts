/** Styles of `<chat-meet-button>`: the button, the manager's menu and the in-app sheet. */
import { css } from 'lit';

export const buttonStyles = css`
  :host {
    display: inline-block;
    position: relative;
    vertical-align: middle;
  }
  :host([data-mode='hidden']) {
    display: none;
  }
  /* Block-level, so the host has no line box of its own: a host page's inherited line-height
     or text-indent would otherwise move the button inside it. */
  .root {
    display: flex;
    position: relative;
  }
  .menu {
    position: absolute;
    z-index: var(--_z);
    top: calc(100% + 4px);
    inset-inline-end: 0;
    display: flex;
    flex-direction: column;
    min-width: 180px;
    padding: 4px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    box-shadow: var(--_shadow);
  }
  /* Where the viewport has no room for the default (see placeMenu()). */
  .menu[data-align='start'] {
    inset-inline: 0 auto;
  }
  .menu[data-side='top'] {
    top: auto;
    bottom: calc(100% + 4px);
  }
  .menu button {
    display: flex;
    align-items: center;
    gap: 8px;
    min-height: 40px;
    padding: 8px 12px;
    border: 0;
    border-radius: 8px;
    background: transparent;
    color: var(--_text);
    font-size: 14px;
    text-align: start;
  }
  .menu button:hover,
  .menu button:focus-visible {
    background: color-mix(in srgb, var(--_accent) 12%, transparent);
  }
  .backdrop {
    position: fixed;
    z-index: var(--_z);
    inset: 0;
    background: rgb(0 0 0 / 0.45);
  }
  .sheet {
    position: fixed;
    z-index: var(--_z);
    inset: auto 0 0 0;
    display: flex;
    flex-direction: column;
    gap: 12px;
    max-width: 480px;
    margin: 0 auto;
    padding: 20px 16px 24px;
    border-radius: var(--_radius) var(--_radius) 0 0;
    background: var(--_surface);
    color: var(--_text);
    box-shadow: var(--_shadow);
  }
  .sheet h2 {
    font-size: 18px;
    font-weight: 700;
    line-height: 1.3;
    padding-inline-end: 40px;
  }
  .sheet p {
    color: var(--_muted-text);
  }
  .sheet .close {
    position: absolute;
    top: 12px;
    inset-inline-end: 12px;
    min-width: 40px;
    padding: 8px;
  }
  .sheet .escape {
    align-self: stretch;
    min-height: 48px;
    font-size: 16px;
  }
  .link {
    width: 100%;
    min-height: 40px;
    padding: 8px 10px;
    border: 1px solid var(--_border);
    border-radius: 8px;
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
    font-size: 14px;
  }
  .copy-status {
    min-height: 20px;
    color: var(--_muted-text);
    font-size: 13px;
  }
`;
