// The app's shared vocabulary: the coded values of the analyst's trade with their human words, the
// limits on what can be typed or imported, and the few formatting rules every side prints alike.
// Pure TypeScript (no Node, no DOM, no packages), so the store, the back end, its zod schemas, the
// exports and the renderer all import the same values: a label or a limit changes here and nowhere else.
export * from './admiralty';
export * from './judgment';
export * from './sources';
export * from './ach';
export * from './limits';
export * from './format';
