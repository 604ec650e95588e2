/**
 * Styles of `<chat-meet-call>`, on top of the shared base (tokens, isolation on `.root`).
 * Every size is in px so a host page's base font size cannot change the layout; the
 * window is dark, so it has its own colour tokens (`--chat-meet-call-*`); the accent,
 * danger and focus outline are the base's (tokens.styles.ts).
 */
import { css } from 'lit';
import { coverVideo, visuallyHidden } from '../base/fragments.styles.js';

export const callStyles = css`
  :host {
    --_bg: var(--chat-meet-call-background, #111827);
    --_raised: var(--chat-meet-call-raised, #1f2937);
    --_text: var(--chat-meet-call-text, #f9fafb);
    --_muted-text: var(--chat-meet-call-muted-text, #d1d5db);
    --_speaking: var(--chat-meet-speaking, #22c55e);
    --_warning: var(--chat-meet-warning, #fbbf24);
    --_focus: var(--chat-meet-call-focus-ring, #93c5fd);
    position: fixed;
    z-index: var(--_z);
    inset: auto 16px 16px auto;
    display: block;
  }
  :host([data-status='idle']),
  :host([data-status='ended']) {
    display: none;
  }
  .window {
    color: var(--_text);
    position: fixed;
    right: 16px;
    bottom: 16px;
    display: flex;
    flex-direction: column;
    gap: 8px;
    width: min(var(--chat-meet-call-width, 720px), calc(100vw - 32px));
    max-height: calc(100vh - 32px);
    padding: 8px;
    border-radius: var(--_radius);
    background: var(--_bg);
    box-shadow: 0 12px 32px rgb(0 0 0 / 0.35);
    overflow: hidden;
  }
  .window.moved {
    right: auto;
    bottom: auto;
  }
  header {
    display: flex;
    align-items: center;
    gap: 8px;
    min-height: 36px;
  }
  .title {
    flex: 1;
    font-size: 14px;
    font-weight: 600;
    margin: 0;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .title small {
    font-weight: 400;
    color: var(--_muted-text);
    margin-inline-start: 8px;
    font-size: 13px;
  }
  button {
    all: unset;
    box-sizing: border-box;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 6px;
    min-width: 40px;
    min-height: 40px;
    padding: 0 10px;
    border-radius: 999px;
    background: var(--_raised);
    color: var(--_text);
    font-family: inherit;
    font-size: 13px;
    font-weight: 500;
    line-height: 1;
    letter-spacing: normal;
    cursor: pointer;
    user-select: none;
  }
  button:hover {
    filter: brightness(1.15);
  }
  button.off {
    background: #f9fafb;
    color: #111827;
  }
  button.danger {
    background: var(--_danger);
    color: #fff;
  }
  button.icon-only {
    padding: 0;
  }
  .handle {
    cursor: grab;
    touch-action: none;
    background: transparent;
  }
  .handle:active {
    cursor: grabbing;
  }
  .banner {
    padding: 8px 12px;
    border-radius: 8px;
    background: var(--_raised);
    font-size: 13px;
  }
  .banner.reconnecting {
    background: #78350f;
  }
  .notice {
    padding: 8px 12px;
    border-radius: 8px;
    background: #1e3a8a;
    font-size: 13px;
    display: flex;
    gap: 8px;
    align-items: center;
  }
  .body:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: -3px;
  }
  .body {
    display: flex;
    flex-direction: column;
    gap: 8px;
    min-height: 0;
    overflow: auto;
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: 6px;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .grid.cols-1 { grid-template-columns: minmax(0, 1fr); }
  .grid.cols-3 { grid-template-columns: repeat(3, minmax(0, 1fr)); }
  .grid.cols-4 { grid-template-columns: repeat(4, minmax(0, 1fr)); }
  .stage-strip {
    grid-template-columns: repeat(auto-fill, minmax(120px, 1fr));
  }
  .tile {
    position: relative;
    aspect-ratio: 16 / 9;
    border-radius: 8px;
    background: var(--_raised);
    overflow: hidden;
  }
  /* The speaking ring sits above the video (an outline would be painted under it). */
  .tile::after {
    content: '';
    position: absolute;
    inset: 0;
    border: 3px solid transparent;
    border-radius: inherit;
    pointer-events: none;
    transition: border-color 120ms;
  }
  .tile.speaking::after {
    border-color: var(--_speaking);
  }
  .stage .tile {
    aspect-ratio: 16 / 9;
    max-height: 60vh;
    width: 100%;
  }
  video {
    ${coverVideo}
    background: #000;
  }
  .tile.screen video {
    object-fit: contain;
  }
  .tile.self:not(.screen) video {
    transform: scaleX(-1);
  }
  .tile.no-video video {
    opacity: 0;
  }
  .avatar {
    position: absolute;
    inset: 0;
    display: grid;
    place-items: center;
  }
  .avatar span {
    display: grid;
    place-items: center;
    width: 56px;
    height: 56px;
    border-radius: 50%;
    background: #374151;
    font-size: 22px;
    font-weight: 600;
  }
  .tile:not(.no-video) .avatar {
    display: none;
  }
  .label {
    position: absolute;
    inset: auto 6px 6px 6px;
    display: flex;
    align-items: center;
    gap: 6px;
    min-width: 0;
  }
  .name {
    padding: 2px 8px;
    border-radius: 6px;
    background: rgb(17 24 39 / 0.85);
    font-size: 12px;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    min-width: 0;
  }
  .state {
    display: inline-flex;
    align-items: center;
    padding: 2px;
    border-radius: 6px;
    background: rgb(17 24 39 / 0.85);
  }
  .state svg {
    width: 16px;
    height: 16px;
  }
  .state.muted {
    background: var(--_danger);
  }
  .badges {
    position: absolute;
    inset: 6px 6px auto auto;
    display: flex;
    gap: 4px;
  }
  .badge {
    padding: 2px 8px;
    border-radius: 6px;
    background: rgb(17 24 39 / 0.85);
    font-size: 12px;
  }
  .badge.failed {
    background: var(--_danger);
  }
  .quality {
    display: inline-flex;
    align-items: flex-end;
    gap: 2px;
    height: 20px;
    padding: 3px 5px;
    border-radius: 6px;
    background: rgb(17 24 39 / 0.85);
  }
  .quality i {
    display: block;
    width: 3px;
    border-radius: 1px;
    background: #6b7280;
  }
  .quality i:nth-child(1) { height: 5px; }
  .quality i:nth-child(2) { height: 9px; }
  .quality i:nth-child(3) { height: 13px; }
  .quality.good i { background: var(--_speaking); }
  .quality.fair i:nth-child(-n + 2) { background: var(--_warning); }
  .quality.poor i:nth-child(1) { background: #f87171; }
  .controls {
    display: flex;
    flex-wrap: wrap;
    justify-content: center;
    gap: 8px;
    padding-top: 4px;
  }
  .spacer {
    flex: 1;
  }
  /* Minimised: a small pill that keeps the meet (and its audio) going. */
  .window.minimised {
    width: auto;
    flex-direction: row;
    align-items: center;
    padding: 6px;
    border-radius: 999px;
  }
  .window.minimised .body {
    ${visuallyHidden}
  }
  .window.minimised header {
    min-height: 0;
  }
  .dot {
    width: 10px;
    height: 10px;
    border-radius: 50%;
    background: #6b7280;
  }
  .dot.speaking {
    background: var(--_speaking);
  }

  /* Mobile: the window fills the screen; big touch targets; at most two columns. */
  .window.mobile:not(.minimised) {
    inset: 0;
    width: 100vw;
    max-height: none;
    height: 100%;
    border-radius: 0;
    padding: 12px;
  }
  .window.mobile:not(.minimised) .body {
    flex: 1;
  }
  .window.mobile .controls button {
    min-width: 48px;
    min-height: 48px;
  }
  .window.mobile .controls .text {
    ${visuallyHidden}
  }
  @media (prefers-reduced-motion: reduce) {
    .tile::after {
      transition: none;
    }
  }
`;
