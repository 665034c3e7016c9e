// A textarea that shows `value` without React controlling it. React writes a controlled textarea's
// text into its defaultValue on every render, which Chromium treats as an outside edit: its undo
// then takes back one character per Ctrl+Z instead of the run of typing. Here the DOM keeps the
// typing (and the browser's undo history); `value` is written in only when it differs from what is
// shown — the first render, and a change made elsewhere such as a brief-level undo.
import { useCallback, useLayoutEffect, useRef, type Ref, type TextareaHTMLAttributes } from 'react';

type Props = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'defaultValue'> & {
  value: string;
  ref?: Ref<HTMLTextAreaElement>;
};

export function TextArea({ value, ref, ...rest }: Props) {
  const own = useRef<HTMLTextAreaElement | null>(null);
  const setRef = useCallback(
    (el: HTMLTextAreaElement | null) => {
      own.current = el;
      if (typeof ref === 'function') ref(el);
      else if (ref) (ref as { current: HTMLTextAreaElement | null }).current = el;
    },
    [ref],
  );
  useLayoutEffect(() => {
    const el = own.current;
    if (el && el.value !== value) el.value = value;
  }, [value]);
  return <textarea ref={setRef} {...rest} />;
}
