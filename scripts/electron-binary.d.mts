export function electronBinary(): { path: string; missing?: undefined } | { path?: undefined; missing: string };
export const ELECTRON_MISSING_ADVICE: string;
