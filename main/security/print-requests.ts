// What the hidden print window may load: the one print-view file being printed and inline data
// (its fonts and images are data: URLs). Nothing from the network and no other file, even one the
// page names, so a hostile source text can neither phone home nor read the disk through a PDF export.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function isAllowedPrintRequest(url: string, printing: ReadonlySet<string>): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol === 'data:') return true;
  if (u.protocol !== 'file:' || u.host !== '' || u.search || u.hash) return false;
  let file: string;
  try {
    file = path.resolve(fileURLToPath(u));
  } catch {
    return false;
  }
  return printing.has(file);
}
