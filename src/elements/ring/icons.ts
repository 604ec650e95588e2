/** The ring's own icons (the shared ones are in ../base/icons.ts, kept to what the button needs). */
import { svg } from 'lit';
import { icon } from '../base/icons.js';

export const ringIcons = {
  hangUp: icon(svg`<path d="M3 15c5-5 13-5 18 0l-2.5 2.5-3.5-2v-3a10 10 0 0 0-6 0v3l-3.5 2z"/>`),
  info: icon(svg`<circle cx="12" cy="12" r="9"/><path d="M12 11v6M12 7.5v.5"/>`),
};
