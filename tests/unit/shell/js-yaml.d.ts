// js-yaml ships no types; the workflow test needs only load().
declare module 'js-yaml' {
  export function load(text: string, options?: { filename?: string }): unknown;
}
