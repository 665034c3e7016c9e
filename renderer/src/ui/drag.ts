// Drag-and-drop payload types shared across panes: a passage dragged from the reader or the quote bank
// onto a claim.
export const QUOTE_DRAG_TYPE = 'application/x-sourcemark-quote';
