/**
 * Declaration fragments: interpolated inside a rule (`.x { ${visuallyHidden} }`) where an
 * element needs the same treatment under its own selector. Only the lazy elements import
 * this module (`.sr-only` is in panel.styles.ts): the button's first download must not, as
 * css`` calls are not tree-shaken (`coverVideo` came along, +52 B gzip, measured).
 */
import { css } from 'lit';

/** Out of sight but read by screen readers (`.sr-only`, and call-window parts hidden on mobile or minimised). */
export const visuallyHidden = css`
  position: absolute;
  width: 1px;
  height: 1px;
  margin: -1px;
  padding: 0;
  overflow: hidden;
  clip: rect(0 0 0 0);
  white-space: nowrap;
  border: 0;
`;

/** A <video> filling its positioned box (call tiles, the settings preview). */
export const coverVideo = css`
  position: absolute;
  inset: 0;
  width: 100%;
  height: 100%;
  object-fit: cover;
`;
