// Bundled in place of main/import/dom.ts into the import worker that the import suite's baseline runs
// (see built-child.ts): the saved pages read by jsdom, as before issue 9.
export { jsdomDocument as parseDocument } from './extraction';
