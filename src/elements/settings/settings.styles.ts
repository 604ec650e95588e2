/**
 * Styles of `<chat-meet-settings>`, on top of the shared base (tokens, isolation on
 * `.root`): px sizes so a host page's base font cannot change the layout.
 */
import { css } from 'lit';
import { coverVideo } from '../base/fragments.styles.js';

export const settingsStyles = css`
  :host {
    --_bg: var(--_surface);
    display: block;
    width: min(var(--chat-meet-settings-width, 380px), 100%);
  }
  .panel {
    display: flex;
    flex-direction: column;
    gap: 12px;
    padding: 16px;
    border-radius: var(--_radius);
    background: var(--_bg);
    border: 1px solid var(--_border);
    box-shadow: 0 8px 24px rgb(0 0 0 / 0.12);
  }
  header {
    display: flex;
    align-items: center;
    gap: 8px;
  }
  h2 {
    flex: 1;
    margin: 0;
    font-size: 16px;
    font-weight: 600;
  }
  .close {
    all: unset;
    box-sizing: border-box;
    display: inline-grid;
    place-items: center;
    width: 36px;
    height: 36px;
    border-radius: 50%;
    cursor: pointer;
    font-size: 20px;
    line-height: 1;
    color: var(--_text);
  }
  .close:hover {
    background: #f3f4f6;
  }
  .preview {
    position: relative;
    aspect-ratio: 16 / 9;
    border-radius: 8px;
    background: #111827;
    overflow: hidden;
    display: grid;
    place-items: center;
    color: #e5e7eb;
    font-size: 13px;
  }
  .preview video {
    ${coverVideo}
    transform: scaleX(-1);
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 4px;
  }
  label,
  .label {
    font-size: 13px;
    font-weight: 600;
  }
  select {
    width: 100%;
    min-height: 36px;
    padding: 6px 8px;
    border: 1px solid #6b7280;
    border-radius: 8px;
    background: #fff;
    color: var(--_text);
    font-family: inherit;
    font-size: 14px;
    line-height: 1.4;
    letter-spacing: normal;
  }
  select:focus-visible,
  input:focus-visible,
  .close:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  meter {
    width: 100%;
    height: 10px;
  }
  .reason,
  .error {
    margin: 0;
    font-size: 12px;
    color: var(--_muted-text);
  }
  .error {
    color: #b91c1c;
  }
  .toggle {
    display: grid;
    grid-template-columns: 1fr auto;
    align-items: center;
    gap: 2px 12px;
    min-height: 36px;
  }
  .toggle label {
    font-weight: 500;
    font-size: 14px;
    cursor: pointer;
  }
  .toggle .reason {
    grid-column: 1 / -1;
  }
  .toggle.disabled label {
    cursor: default;
    color: var(--_muted-text);
  }
  input[type='checkbox'] {
    appearance: none;
    position: relative;
    width: 40px;
    height: 24px;
    margin: 0;
    border-radius: 999px;
    background: #6b7280;
    cursor: pointer;
    transition: background 120ms;
  }
  input[type='checkbox']::after {
    content: '';
    position: absolute;
    top: 3px;
    left: 3px;
    width: 18px;
    height: 18px;
    border-radius: 50%;
    background: #fff;
    transition: transform 120ms;
  }
  input[type='checkbox']:checked {
    background: var(--_accent);
  }
  input[type='checkbox']:checked::after {
    transform: translateX(16px);
  }
  input[type='checkbox']:disabled {
    background: #d1d5db;
    cursor: not-allowed;
  }
  @media (prefers-reduced-motion: reduce) {
    input[type='checkbox'],
    input[type='checkbox']::after {
      transition: none;
    }
  }
`;
