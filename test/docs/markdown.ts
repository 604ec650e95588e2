/**
 * Just enough Markdown reading for the docs link test: links outside code, headings and
 * their GitHub anchors, and the npm scripts the text tells people to run.
 */

/** Lines outside fenced code blocks (``` or ~~~), with their 1-based line numbers. */
export function proseLines(text: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  let fence: string | null = null;
  text.split('\n').forEach((raw, i) => {
    const m = /^\s*(`{3,}|~{3,})/.exec(raw);
    if (m) {
      if (!fence) fence = m[1]![0]!.repeat(m[1]!.length);
      else if (m[1]!.startsWith(fence)) fence = null;
      return;
    }
    if (!fence) out.push({ line: i + 1, text: raw });
  });
  return out;
}

/** Inline code spans removed (a link written inside backticks is an example, not a link). */
const withoutCode = (line: string) => line.replace(/(`+)(?:(?!\1).)+?\1/g, '');

export interface Link {
  line: number;
  target: string;
}

/** Inline links and images `[text](target "title")`, reference definitions `[id]: target`, and HTML href/src. */
export function linksOf(text: string): Link[] {
  const links: Link[] = [];
  for (const { line, text: raw } of proseLines(text)) {
    const l = withoutCode(raw);
    // The text part may hold one level of brackets (an image inside a link).
    for (const m of l.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) links.push({ line, target: m[1]! });
    const def = /^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s.*)?$/.exec(l);
    if (def) links.push({ line, target: def[1]! });
    for (const m of l.matchAll(/\b(?:href|src)="([^"]+)"/g)) links.push({ line, target: m[1]! });
  }
  return links;
}

/** The anchor GitHub gives a heading's text (github-slugger's rule), before de-duplication. */
export function slug(heading: string): string {
  // Code spans keep their text as written (`<chat-meet-button>` reads "<chat-meet-button>");
  // elsewhere, inline HTML tags and emphasis marks are not text.
  const plain = heading
    .split(/(`+[^`]*`+)/)
    .map((part, i) => (i % 2 ? part.replace(/`/g, '') : part
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // links and images: their text
      .replace(/<[^>]+>/g, '')
      .replace(/\*/g, '')
      .replace(/(^|\s)_+|_+(\s|$)/g, '$1$2'))) // _emphasis_, not snake_case
    .join('')
    .trim()
    .toLowerCase();
  return plain.replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
}

/** Every anchor a file offers: its headings' (with GitHub's -1, -2 for repeats) and explicit HTML ids. */
export function anchorsOf(text: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const { text: l } of proseLines(text)) {
    const h = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(l);
    if (h) {
      const base = slug(h[1]!);
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      anchors.add(n ? `${base}-${n}` : base);
    }
    for (const m of l.matchAll(/<a\s[^>]*(?:id|name)="([^"]+)"/g)) anchors.add(m[1]!);
  }
  return anchors;
}

/** `npm run X`, `npm start`, `npm test` anywhere in the text, code blocks included: the script names. */
export function npmScriptsNamed(text: string): { line: number; script: string }[] {
  const found: { line: number; script: string }[] = [];
  text.split('\n').forEach((l, i) => {
    for (const m of l.matchAll(/\bnpm\s+(?:run(?:-script)?\s+([\w:.-]+)|(start|test)\b)/g)) found.push({ line: i + 1, script: (m[1] ?? m[2])! });
  });
  return found;
}
