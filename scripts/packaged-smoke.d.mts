export function packagedExecutable(releaseDir: string, platform: string): string | null;
