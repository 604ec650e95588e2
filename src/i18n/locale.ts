/**
 * Which language the elements speak (issue 5 point 7): the integrator's option if it is
 * one chat-meet has, else the first of the browser's languages it has, else English.
 */

/** The languages every catalog has. */
export const LOCALES = ['ko', 'en', 'ja'] as const;
export type Locale = (typeof LOCALES)[number];

/** A catalog: the same strings in every language (the type makes a missing string a compile error). */
export type Catalog<T> = Readonly<Record<Locale, T>>;

/** `ko-KR`, `KO`, `ja_JP` → `ko`, `ko`, `ja`; anything else → null. */
export function matchLocale(tag: string | null | undefined): Locale | null {
  const base = (tag ?? '').trim().slice(0, 2).toLowerCase();
  return (LOCALES as readonly string[]).includes(base) ? (base as Locale) : null;
}

/** The browser's languages, in its order of preference (empty outside a browser). */
function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

/**
 * Resolves the language: `option` (e.g. the `locale` attribute or boot option) when it
 * names one of {@link LOCALES}, else the first supported browser language, else `en`.
 * @example resolveLocale('', ['ja-JP', 'en-US']) // 'ja'
 */
export function resolveLocale(option?: string | null, languages: readonly string[] = browserLanguages()): Locale {
  const chosen = matchLocale(option);
  if (chosen) return chosen;
  for (const language of languages) {
    const found = matchLocale(language);
    if (found) return found;
  }
  return 'en';
}

/** Fills `{name}` placeholders; a missing value becomes an empty string, never `undefined`. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''));
}
