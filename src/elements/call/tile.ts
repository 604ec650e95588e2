/**
 * One participant's tile: their video (or an initial when there is none), name, mic and
 * camera state, a speaking ring, the link's connection state and network quality.
 * Remote tiles also play the participant's audio (their <video> is not muted).
 */
import { html, nothing } from 'lit';
import type { LinkQuality } from '../../core/link-stats.js';
import type { ConnectionState } from '../../core/types.js';
import type { CallStrings } from '../../i18n/catalog/call.js';
import { icons } from './icons.js';

/** What a tile shows: a remote participant or this user. */
export interface TileModel {
  id: string;
  name: string;
  self: boolean;
  mic: boolean;
  camera: boolean;
  screen: boolean;
  audioOnly: boolean;
  /** `null` for this user's own tile (no link to itself). */
  connection: ConnectionState | null;
  speaking: boolean;
  /** Network quality of the link (from getStats); `null` while unknown and for this user. */
  quality: LinkQuality | null;
  stream: MediaStream | null;
}

/** Whether the tile has a picture to show (else it shows the initial). */
export const showsVideo = (t: TileModel) => (t.camera || t.screen) && Boolean(t.stream?.getVideoTracks().length);

function connectionBadge(t: TileModel, s: CallStrings) {
  if (t.connection === 'connecting') return html`<span class="badge" part="tile-connection">${s.linkConnecting}</span>`;
  if (t.connection === 'reconnecting') return html`<span class="badge" part="tile-connection">${s.linkReconnecting}</span>`;
  if (t.connection === 'failed') return html`<span class="badge failed" part="tile-connection">${s.linkFailed}</span>`;
  return nothing;
}

function qualityMeter(t: TileModel, s: CallStrings) {
  if (t.self || !t.quality || t.connection !== 'connected') return nothing;
  const label = { good: s.qualityGood, fair: s.qualityFair, poor: s.qualityPoor }[t.quality];
  return html`<span class="quality ${t.quality}" part="tile-quality" role="img" aria-label=${label} title=${label}><i></i><i></i><i></i></span>`;
}

/** Renders a tile. `label` is the accessible name of the whole tile (its state in words). */
export function renderTile(t: TileModel, s: CallStrings) {
  const name = t.self ? s.you : t.name;
  const states = [t.mic ? '' : s.muted, showsVideo(t) ? '' : s.cameraIsOff, t.speaking ? s.speaking : '', t.audioOnly ? s.byPhone : ''].filter(Boolean);
  const classes = ['tile', t.self ? 'self' : '', t.screen ? 'screen' : '', t.speaking ? 'speaking' : '', showsVideo(t) ? '' : 'no-video'].filter(Boolean).join(' ');
  return html`<div class=${classes} part="tile" data-id=${t.id} data-connection=${t.connection ?? 'self'} data-speaking=${t.speaking ? 'true' : 'false'} role="group" aria-label=${[name, ...states].join(', ')}>
    <video .srcObject=${t.stream} .muted=${t.self} autoplay playsinline aria-hidden="true"></video>
    <div class="avatar" aria-hidden="true"><span>${(name.trim()[0] ?? '?').toUpperCase()}</span></div>
    <div class="badges">${connectionBadge(t, s)}${qualityMeter(t, s)}</div>
    <div class="label" aria-hidden="true">
      ${t.mic ? nothing : html`<span class="state muted" part="tile-muted" title=${s.muted}>${icons.micOff}</span>`}
      ${t.audioOnly ? html`<span class="state" title=${s.byPhone}>${icons.phone}</span>` : nothing}
      <span class="name" part="tile-name">${name}</span>
    </div>
  </div>`;
}
