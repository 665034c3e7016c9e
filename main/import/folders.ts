// The desktop open dialog may hand over folders as well as files: a folder stands for the files in
// it (and its subfolders), hidden files skipped, in name order, up to a limit per import.
import fs from 'node:fs/promises';
import path from 'node:path';

export async function listFolder(paths: string[], limit: number): Promise<string[]> {
  const files: string[] = [];
  const visit = async (p: string, depth: number): Promise<void> => {
    if (files.length >= limit) return;
    const stat = await fs.stat(p).catch(() => null);
    if (!stat?.isDirectory() || depth > 8) {
      // Files, and paths that do not exist, go through as they are: importing them reports why.
      files.push(p);
      return;
    }
    const entries = (await fs.readdir(p)).filter((e) => !e.startsWith('.')).sort((a, b) => a.localeCompare(b));
    for (const entry of entries) await visit(path.join(p, entry), depth + 1);
  };
  for (const p of paths) await visit(p, 0);
  return files.slice(0, limit);
}
