// The fixture of the bundle tests: two fresh libraries for every test, A (which sends) and B (which
// receives), each in its own temp folder, closed after the test; and the bundle service of each.
import { afterEach, beforeEach } from 'vitest';
import { createBundleService } from '../../../main/bundle/service';
import { openLibrary, type TestLibrary } from '../service/helpers';

/** Registers the hooks; `set` is given the two libraries before each test. */
export function twoLibraries(set: (a: TestLibrary, b: TestLibrary) => void): void {
  let a: TestLibrary;
  let b: TestLibrary;
  beforeEach(async () => {
    a = await openLibrary();
    b = await openLibrary();
    set(a, b);
  });
  afterEach(async () => {
    await a.close();
    await b.close();
  });
}

export const svc = (lib: TestLibrary) => createBundleService(lib.running.ctx);
