/** Language resolution and formatting shared by every element's catalog (src/i18n/catalog/). */
export { fill, LOCALES, matchLocale, resolveLocale, type Catalog, type Locale } from './locale.js';
