// An element's inner width, followed as its pane is resized: for layouts worked out from the room
// they have (claim field heights, matrix column widths) without measuring every child.
import { useLayoutEffect, useState, type RefObject } from 'react';

/** `present` re-attaches the observer when the element appears or is replaced (an empty state shows something else). */
export function useWidth(ref: RefObject<HTMLElement | null>, present: boolean): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.clientWidth);
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, present]);
  return width;
}
