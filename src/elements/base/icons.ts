/**
 * Icons of the button, ring and guide: small inline SVGs (no icon font, no network,
 * nothing for a strict CSP to block). Decorative: every control has a text label.
 * Only the ones the button uses are here, as it is in the first download: the ring's own
 * are in ring/icons.ts, the call window's in call/icons.ts, the in-app sheet's in
 * button/escape-sheet.ts.
 */
import { svg, type SVGTemplateResult } from 'lit';

/** An icon from its SVG body (24×24 view box, drawn with strokes). */
export const icon = (body: SVGTemplateResult) =>
  svg`<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${body}</svg>`;

export const baseIcons = {
  phone: icon(svg`<path d="M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2"/>`),
  video: icon(svg`<rect x="2" y="6" width="14" height="12" rx="2"/><path d="m16 10 6-3v10l-6-3"/>`),
  close: icon(svg`<path d="M6 6l12 12M18 6 6 18"/>`),
  chevron: icon(svg`<path d="m6 9 6 6 6-6"/>`),
};
