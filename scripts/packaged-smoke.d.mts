export function packagedExecutable(releaseDir: string, platform: string): string | null;
export function writeSmokeFixtures(dir: string): Promise<void>;
