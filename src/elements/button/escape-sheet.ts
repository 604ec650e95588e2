/**
 * The sheet `<chat-meet-button>` opens in an in-app browser that cannot run meets (R16):
 * the way out (a one-tap link, or instructions and the link to copy), its strings and its
 * keyboard handling. A chunk of its own that the button loads with `import()` when it first
 * offers the sheet: only in-app browsers need it, and with its strings in three languages
 * it was about 1.7 KB gzip of the first download (docs/decisions/0002). Its styles stay in
 * button.styles.ts, which the shadow root adopts when the button is created.
 */
import { html, svg, type TemplateResult } from 'lit';
import type { Escape } from '../../environment/types.js';
import { commonCatalog } from '../../i18n/catalog/common.js';
import { escapeSheetCatalog } from '../../i18n/catalog/escape-sheet.js';
import type { Locale } from '../../i18n/locale.js';
import { baseIcons, icon } from '../base/icons.js';

const external = icon(svg`<path d="M14 4h6v6M20 4l-9 9M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5"/>`);

/** What the sheet works with: its button's state, as of this render, and the button's actions. */
export interface SheetHost {
  readonly root: ShadowRoot;
  readonly language: Locale;
  /** The way out, from the button's environment. */
  readonly escape: Escape | null | undefined;
  /** What the last copy attempt said. */
  readonly copyStatus: string;
  setCopyStatus(text: string): void;
  close(): void;
  /** The user follows the one-tap way out (the `escape-in-app` intent). */
  escaped(): void;
}

function onKey(host: SheetHost, e: KeyboardEvent) {
  if (e.key === 'Escape') {
    e.preventDefault();
    host.close();
    return;
  }
  if (e.key !== 'Tab') return;
  // aria-modal: Tab stays inside the sheet.
  const all = [...host.root.querySelectorAll<HTMLElement>('.sheet a[href], .sheet button, .sheet input')];
  const first = all[0];
  const last = all[all.length - 1];
  const active = host.root.activeElement;
  if (e.shiftKey && active === first) (e.preventDefault(), last?.focus());
  else if (!e.shiftKey && active === last) (e.preventDefault(), first?.focus());
}

async function copyLink(host: SheetHost) {
  const s = escapeSheetCatalog[host.language];
  try {
    await navigator.clipboard.writeText(location.href);
    host.setCopyStatus(s.copied);
  } catch {
    host.setCopyStatus(s.copyFailed);
    host.root.querySelector<HTMLInputElement>('.link')?.select();
  }
}

/** The backdrop and the sheet, for the button's shadow root. */
export function renderEscapeSheet(host: SheetHost): TemplateResult {
  const s = escapeSheetCatalog[host.language];
  const c = commonCatalog[host.language];
  const url = host.escape && host.escape.kind !== 'instructions' ? host.escape.url : undefined;
  return html`<div class="backdrop" @click=${() => host.close()}></div>
    <div class="sheet" part="sheet" role="dialog" aria-modal="true" aria-labelledby="sheet-title" aria-describedby="sheet-body" @keydown=${(e: KeyboardEvent) => onKey(host, e)}>
      <h2 id="sheet-title">${s.sheetTitle}</h2>
      <p id="sheet-body">${s.sheetBody}</p>
      ${url
        ? html`<a class="btn escape" part="escape-link" href=${url} @click=${() => host.escaped()}>${external}${s.escapeLink}</a>`
        : html`<p part="instructions" class="instructions">${s.instructions}</p>
            <input class="link" readonly aria-label=${s.linkLabel} .value=${location.href} @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />
            <button class="btn secondary" data-action="copy" @click=${() => copyLink(host)}>${s.copyLink}</button>
            <p class="copy-status" role="status">${host.copyStatus}</p>`}
      <button class="btn secondary close" data-action="close" aria-label=${c.close} title=${c.close} @click=${() => host.close()}>${baseIcons.close}</button>
    </div>`;
}
