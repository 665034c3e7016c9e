// Files in and out of the share dialogs: a picked file read as base64 or text, and a file the back end
// made handed to the browser as a download.
/** The HTTP body limit of browser mode (70 MB of base64) leaves room for 50 MB files. */
export const MAX_SHARE_FILE_BYTES = 50 * 1024 * 1024;

export async function pickedBase64(file: File): Promise<string> {
  if (file.size > MAX_SHARE_FILE_BYTES) throw new Error(`${file.name} is larger than ${MAX_SHARE_FILE_BYTES / 1048576} MB, the most Sourcemark reads from a picked file.`);
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function download(fileName: string, mime: string, content: { base64: string } | { text: string }): void {
  let blob: Blob;
  if ('text' in content) blob = new Blob([content.text], { type: mime });
  else {
    const binary = atob(content.base64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    blob = new Blob([bytes], { type: mime });
  }
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The click has handed the blob to the download manager; the URL is not needed after this turn.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Fingerprints are read aloud in groups of four, as people compare them over the phone. */
export const groupedFingerprint = (fp: string): string => fp.match(/.{1,4}/g)?.join(' ') ?? fp;
