// Browser mode: the export is written by the back end, then handed to the browser as a download.
import type { MethodResult } from '../../../main/contract';
import type { ExportFormat } from '../../../main/vocabulary';

export function downloadExport(file: MethodResult<'readExport'>): void {
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The click has handed the blob to the download manager; the URL is no longer needed after this turn.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name for the save dialog: the title without characters file systems refuse. */
export function suggestedFileName(title: string, format: ExportFormat): string {
  const printable = Array.from(title, (ch) => (ch.charCodeAt(0) < 32 ? ' ' : ch)).join('');
  const stem = printable.replace(/[\\/:*?"<>|]+/g, '-').replace(/\s+/g, ' ').trim().slice(0, 120) || 'brief';
  return `${stem}.${format === 'markdown' ? 'md' : format}`;
}
