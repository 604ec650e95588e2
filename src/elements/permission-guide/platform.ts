/**
 * R17/R12: which guide a user sees — the one for *their* platform. From environment
 * detection's `os` where given, else the user agent (a guide is advice, not a gate: a
 * wrong guess costs little, and the element takes an explicit `platform` too).
 */
import type { MediaGuidePlatform, ScreenGuidePlatform } from '../../i18n/catalog/guide.js';

export interface PlatformFacts {
  os?: string | null;
  userAgent: string;
}

function browser(ua: string): 'edge' | 'chrome' | 'safari' | 'other' {
  if (/Edg(e|A|iOS)?\//.test(ua)) return 'edge';
  if (/Chrome|Chromium|CriOS/.test(ua)) return 'chrome';
  if (/Safari/.test(ua)) return 'safari';
  return 'other';
}

function os(f: PlatformFacts): string {
  // Detection says `iOS`/`iPadOS`/`macOS`; hand-written environments `ios`: one guide for both.
  if (f.os) return f.os.toLowerCase().replace('ipados', 'ios');
  const ua = f.userAgent;
  if (/iPhone|iPad|iPod/.test(ua)) return 'ios';
  if (/Android/.test(ua)) return 'android';
  if (/Mac OS X|Macintosh/.test(ua)) return 'macos';
  if (/Windows/.test(ua)) return 'windows';
  return 'other';
}

/** The camera/microphone guide for this platform (R17). */
export function mediaGuidePlatform(f: PlatformFacts): MediaGuidePlatform {
  const system = os(f);
  if (system === 'ios' || system === 'android') return system;
  const b = browser(f.userAgent);
  return b === 'other' ? 'other' : b;
}

/** The screen-recording guide for this platform (R12). */
export function screenGuidePlatform(f: PlatformFacts): ScreenGuidePlatform {
  const system = os(f);
  const b = browser(f.userAgent);
  if (b === 'safari' && system === 'macos') return 'safari';
  if (system === 'windows') return 'windows';
  if (system === 'macos' && b === 'chrome') return 'mac-chrome';
  if (system === 'macos' && b === 'edge') return 'mac-edge';
  return 'other';
}

/** Chrome on a phone ends the meet when a permission changes: the user must start again (R17). */
export function endsMeetOnPermissionChange(f: PlatformFacts): boolean {
  const system = os(f);
  return (system === 'android' || system === 'ios') && browser(f.userAgent) === 'chrome';
}
