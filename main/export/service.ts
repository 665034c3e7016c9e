// PLACEHOLDER — being written (PDF and Markdown export).
import { AppError } from '../../db/errors';
import type { ExportMethodName, Service } from '../contract';
import type { ServiceContext } from '../service/context';

export function createExportService(_ctx: ServiceContext): Pick<Service, ExportMethodName> {
  const notYet = () => {
    throw new AppError('UNSUPPORTED', 'Export is not built yet.');
  };
  return { checkExport: notYet, exportBrief: notYet, readExport: notYet };
}
