// The packaged app's self-test (SOURCEMARK_SMOKE_DIR=<folder>): import every .html and .pdf in the
// folder and export the first brief to PDF, through the same dispatch as the window's calls, then
// write smoke-report.json there. The desktop CI workflow runs it against the installed-layout app,
// because ES modules loaded from inside app.asar (pdf.js) and the unpacked
// import worker only prove themselves in a real packaged Electron.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { MethodInput, MethodName, MethodResult, Result, Service } from '../contract';
import type { ShellOps } from '../ports';
import { dispatch } from '../contract/dispatch';

export const SMOKE_REPORT = 'smoke-report.json';

/** No one answers a save dialog during the self-test: its export is saved into the test's own folder. */
export function smokeShell(shell: ShellOps, dir: string): ShellOps {
  return { ...shell, chooseSavePath: async (name) => path.join(path.resolve(dir), name) };
}

export interface SmokeReport {
  ok: boolean;
  imports: { file: string; ok: boolean; detail: string }[];
  export: { ok: boolean; detail: string };
}

export async function runSmokeTest(service: Service, dir: string): Promise<SmokeReport> {
  const call = <K extends MethodName>(name: K, input: MethodInput<K>) => dispatch(service, name, input) as Promise<Result<MethodResult<K>>>;
  const files = (await fs.readdir(dir)).filter((f) => /\.(html?|pdf)$/i.test(f)).sort();
  const imports: SmokeReport['imports'] = [];
  for (const file of files) {
    const bytes = await fs.readFile(path.join(dir, file));
    const r = await call('importFile', { name: file, base64: bytes.toString('base64') });
    imports.push({ file, ok: r.ok, detail: r.ok ? `${r.value.status}: ${r.value.source.title}` : `${r.error.code}: ${r.error.message}` });
  }
  let exported: SmokeReport['export'] = { ok: false, detail: 'no brief to export' };
  const briefs = await call('listBriefs', {});
  const first = briefs.ok ? briefs.value[0] : undefined;
  if (first) {
    const r = await call('exportBrief', { briefId: first.id, format: 'pdf', allowUncited: true });
    exported = r.ok ? { ok: r.value.record.bytes > 0 && (r.value.pages ?? 0) > 0, detail: `${path.basename(r.value.record.path)}: ${r.value.pages} pages, ${r.value.record.bytes} bytes` } : { ok: false, detail: `${r.error.code}: ${r.error.message}` };
  }
  const report: SmokeReport = { ok: files.length > 0 && imports.every((i) => i.ok) && exported.ok, imports, export: exported };
  await fs.writeFile(path.join(dir, SMOKE_REPORT), `${JSON.stringify(report, null, 2)}\n`);
  return report;
}
