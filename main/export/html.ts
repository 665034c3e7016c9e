// Escaping for the print view. Every piece of analyst or source text passes through here: the
// print view is HTML, and a source may contain anything, including markup meant to look like ours.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  // NUL is not text and HTML parsers turn it into U+FFFD anyway; say so explicitly.
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c).replace(/\0/g, '\uFFFD');
}

/** A BCP 47 tag safe to put in a lang attribute, or null. */
export function langAttr(language: string | null | undefined): string {
  return language && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(language) ? ` lang="${language}"` : '';
}

/** Only web links become clickable in the PDF; anything else is shown as text. */
export function isWebUrl(url: string): boolean {
  return /^https?:\/\/[^\s]+$/i.test(url);
}

const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;

/**
 * dir="auto" where the text has right-to-left letters; nothing otherwise. For text without them the
 * attribute changes nothing, and each one costs Chromium a bidi pass and the tagged PDF an element.
 */
export function dirAuto(text: string): string {
  return RTL.test(text) ? ' dir="auto"' : '';
}

/** Escaped text, isolated with <bdi> only where it has right-to-left letters (see dirAuto). */
export function isolated(text: string): string {
  return RTL.test(text) ? `<bdi>${escapeHtml(text)}</bdi>` : escapeHtml(text);
}
