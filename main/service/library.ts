// PLACEHOLDER — being written (sources, quotes, briefs, claims, citations, tags, search, backlinks).
import { AppError } from '../../db/errors';
import type { LibraryMethodName, Service } from '../contract';
import type { ServiceContext } from './context';

export function createLibraryService(_ctx: ServiceContext): Pick<Service, LibraryMethodName> {
  return new Proxy({} as Pick<Service, LibraryMethodName>, {
    get: (_t, name) => () => {
      throw new AppError('UNSUPPORTED', `${String(name)} is not built yet.`);
    },
  });
}
