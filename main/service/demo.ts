// PLACEHOLDER — the first-run demo library is being written.
import type { Service } from '../contract';
import type { ServiceContext } from './context';

export async function seedDemoLibrary(_ctx: ServiceContext, _service: Service): Promise<void> {}
