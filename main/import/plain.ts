// .txt and .md: the decoded text is the body, tidied only where tidying cannot change meaning
// (line endings, trailing spaces, runs of blank lines). Markdown stays Markdown source text.
import type { ParsedSource } from './types';
import { emptyMetadata } from './types';

// Control characters other than tab and newline carry no text and confuse offsets shown to the analyst.
// eslint-disable-next-line no-control-regex -- matching them is the point
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

export const stripControls = (text: string) => text.replace(CONTROLS, '');

/** Unix line endings, no trailing spaces, at most one blank line between paragraphs, no stray controls. */
function tidyText(text: string): string {
  return stripControls(text.replace(/\r\n?/g, '\n'))
    .replace(/[ \t\u00a0]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}

export function titleFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  return (dot > 0 ? base.slice(0, dot) : base).replace(/[_]+/g, ' ').trim() || base;
}

const firstLine = (text: string) => text.split('\n').find((l) => l.trim() !== '')?.trim() ?? '';

export function parsePlainText(fileName: string, text: string): Omit<ParsedSource, 'warnings'> {
  const body = tidyText(text);
  const line = firstLine(body);
  // A short first line reads as a title; a long one is the start of the text, so the file name is better.
  const title = line && line.length <= 200 ? line : titleFromFileName(fileName);
  return { title, body, format: 'text', metadata: emptyMetadata() };
}

interface FrontMatter {
  fields: Record<string, string>;
  rest: string;
}

/** YAML-style front matter: only flat `key: value` lines are read; anything fancier is left alone. */
function frontMatter(text: string): FrontMatter {
  const match = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(text);
  if (!match) return { fields: {}, rest: text };
  const fields: Record<string, string> = {};
  for (const line of (match[1] ?? '').split('\n')) {
    const kv = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!kv?.[1]) continue;
    const value = (kv[2] ?? '').trim().replace(/^(['"])(.*)\1$/, '$2').trim();
    if (value) fields[kv[1].toLowerCase()] = value;
  }
  return { fields, rest: text.slice(match[0].length) };
}

export function parseMarkdown(fileName: string, text: string): Omit<ParsedSource, 'warnings'> {
  const tidy = tidyText(text);
  const { fields, rest } = frontMatter(tidy);
  const body = tidyText(rest);
  const heading = /^#[ \t]+(.+?)[ \t#]*$/m.exec(body)?.[1]?.trim();
  const setext = /^([^\n#>*-].*)\n=+[ \t]*$/m.exec(body)?.[1]?.trim();
  const title = fields.title ?? heading ?? setext ?? titleFromFileName(fileName);
  const metadata = emptyMetadata();
  metadata.author = fields.author ?? fields.authors ?? null;
  metadata.publishedAt = fields.date ?? fields.published ?? fields.publishedat ?? null;
  metadata.url = fields.url ?? fields.source ?? fields.link ?? null;
  metadata.outlet = fields.outlet ?? fields.publisher ?? fields.site ?? null;
  metadata.language = fields.lang ?? fields.language ?? null;
  return { title, body, format: 'markdown', metadata };
}
