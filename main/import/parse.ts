// File name + bytes -> plain text and metadata, or an IMPORT_FAILED error naming the file and the
// reason. Pure apart from CPU: runs inside the parsing worker, and directly in unit tests.
import { LIMITS } from '../vocabulary';
import { decodeText } from './decode';
import { sniff } from './detect';
import { importFailed } from './errors';
import { parseMarkdown, parsePlainText } from './plain';
import type { ParsedSource, ParseRequest, StepReporter } from './types';

export async function parseFile({ name, bytes, encoding }: ParseRequest, step: StepReporter = () => undefined): Promise<ParsedSource> {
  const format = sniff(name, bytes);
  let parsed: ParsedSource;
  if (format === 'pdf') {
    step('loading the PDF reader');
    const { parsePdf } = await import('./pdf');
    parsed = await parsePdf(name, bytes, step);
  } else if (format === 'docx') {
    step('loading the Word document reader');
    const { parseDocx } = await import('./docx');
    parsed = await parseDocx(name, bytes, step);
  } else if (format === 'html') {
    // Loaded on first use: Readability and the DOM take a while to load and a text-only batch never needs them.
    step('loading the web page reader');
    const { parseHtml } = await import('./html');
    parsed = parseHtml(name, bytes, encoding, step);
  } else {
    step('decoding its text');
    const decoded = decodeText(name, bytes, { chosen: encoding });
    const read = format === 'markdown' ? parseMarkdown(name, decoded.text) : parsePlainText(name, decoded.text);
    parsed = { ...read, warnings: decoded.warnings };
  }
  if (!parsed.body.trim()) {
    throw importFailed(name, format === 'html' ? 'the page has no text to import.' : 'the file has no text, only white space.');
  }
  if (parsed.body.length > LIMITS.bodyChars) {
    throw importFailed(name, `its text is ${parsed.body.length.toLocaleString('en')} characters; the limit is ${LIMITS.bodyChars.toLocaleString('en')}. Split it into parts and import those.`);
  }
  return parsed;
}
