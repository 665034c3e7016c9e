// Import of files into the library: bytes (drag and drop, file input) or paths (the desktop open
// dialog). Parsing runs in the worker pool; the store is touched only once a file has parsed, so a
// bad file changes nothing. A file whose text is already in the library is shown, not stored again.
import path from 'node:path';
import { AppError } from '../../db/errors';
import { contract, type ImportMethodName, type ParsedInput, type Service } from '../contract';
import type { ImportOutcome } from '../contract/import';
import type { ServiceContext } from '../ports';
import { describeZodError } from '../contract/dispatch';
import { humanErrors } from '../contract/human-errors';
import { checkSize } from './detect';
import { importFailed } from './errors';
import { toSourceFields } from './metadata';
import type { ParserPool } from './pool';
import type { ParseRequest } from './types';
import { listImportFiles } from './folders';
import { readImportFile } from './read-file';

type PathResult = Awaited<ReturnType<Service['importPaths']>>[number];

export interface ImportServiceDeps {
  /** The parsing workers, owned by the running service (they start on the first import). */
  pool: ParserPool;
  /** Stores a parsed file as a source with its page starts: the library's addSource, given by the
   * composition root (main/service/index.ts) so that arrows run one way, from service/ to import/. */
  addSource: (input: ParsedInput<'addSource'>, pageStarts?: readonly number[]) => ReturnType<Service['addSource']>;
}

export function createImportService(ctx: ServiceContext, { pool, addSource }: ImportServiceDeps): Pick<Service, ImportMethodName> {
  async function importBytes(request: ParseRequest): Promise<ImportOutcome> {
    const parsed = await pool.parse(request);
    const { fields, warnings } = toSourceFields(parsed);
    const input = contract.addSource.input.safeParse(fields, { error: humanErrors('addSource') });
    if (!input.success) throw importFailed(request.name, describeZodError(input.error, 'addSource'));
    const { source, created } = await addSource(input.data, parsed.pageStarts);
    return { fileName: request.name, status: created ? 'created' : 'duplicate', source, warnings: [...parsed.warnings, ...warnings] };
  }

  async function importPath(file: string, encoding: string | undefined): Promise<ImportOutcome> {
    return importBytes({ name: path.basename(file), bytes: await readImportFile(file), encoding });
  }

  return {
    async importFile({ name, base64, encoding }) {
      const fileName = path.basename(name.replace(/\\/g, '/')) || name;
      // Checked before decoding, so a huge upload is refused without holding its bytes twice.
      checkSize(fileName, Math.floor((base64.replace(/=+$/, '').length * 3) / 4));
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) throw importFailed(fileName, 'the file’s bytes did not arrive intact (invalid base64).');
      return importBytes({ name: fileName, bytes: Buffer.from(base64, 'base64'), encoding });
    },

    async importPaths({ paths, encoding }) {
      const files = await listImportFiles(ctx.importAccess, paths, 1_000);
      const results: PathResult[] = new Array<PathResult>(files.length);
      let next = 0;
      // A few files in flight keep every worker busy without reading the whole batch into memory.
      const lane = async () => {
        while (next < files.length) {
          const i = next++;
          const { file, refused } = files[i]!;
          try {
            if (refused) throw refused;
            results[i] = { ok: true, value: await importPath(file, encoding) };
          } catch (err) {
            const error = err instanceof AppError ? err.toValue() : { code: 'IMPORT_FAILED', message: `${path.basename(file)}: ${String(err)}` };
            results[i] = { ok: false, fileName: path.basename(file), error: { code: error.code, message: error.message } };
          }
        }
      };
      await Promise.all(Array.from({ length: 3 }, lane));
      return results;
    },
  };
}

