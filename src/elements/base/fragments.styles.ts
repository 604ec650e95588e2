/**
 * Declaration fragments: interpolated inside a rule (`.x { ${visuallyHidden} }`) where an
 * element needs the same treatment under its own selector. Only the lazy elements (call
 * window, settings) import this module: the base's own `.sr-only` (tokens.styles.ts) keeps
 * its copy of `visuallyHidden`, because importing it from here put `coverVideo` into the
 * button's first download too (+52 B gzip, measured; css`` calls are not tree-shaken).
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
