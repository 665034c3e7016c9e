export const targets: { entry: string; outfile: string; external?: string[]; sandboxed?: boolean }[];
export function buildMain(options?: { only?: string[]; outDir?: string }): Promise<void>;
export function bundleEntry(entry: string, outfile: string, options?: { replace?: Record<string, string> }): Promise<void>;
