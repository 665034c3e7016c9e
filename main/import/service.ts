// PLACEHOLDER — being written (import of files).
import { AppError } from '../../db/errors';
import type { ImportMethodName, Service } from '../contract';
import type { ServiceContext } from '../service/context';

export function createImportService(_ctx: ServiceContext): Pick<Service, ImportMethodName> {
  const notYet = () => {
    throw new AppError('UNSUPPORTED', 'Import from files is not built yet.');
  };
  return { importFile: notYet, importPaths: notYet };
}
