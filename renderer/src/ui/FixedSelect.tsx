// A <select> over a fixed list of choices whose options are copied from one prepared set instead of
// being built by React each time. A claim row has two such selects (twelve options), and a long brief
// mounts rows on every frame of a scroll: copying prepared options is a fraction of the cost of
// creating them element by element. It behaves as a controlled select: it shows `value`, and a choice
// goes to `onChoose`; the select shows the new value once `value` changes (as React does, it goes
// back to `value` straight after the change event).
import { useCallback, useLayoutEffect, useRef, type SelectHTMLAttributes } from 'react';

export type Choices = readonly (readonly [value: string, label: string])[];

type Props = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'defaultValue' | 'onChange' | 'children'> & {
  /** One array per set of choices, kept by the caller (the prepared options are cached by it). */
  choices: Choices;
  value: string;
  onChoose(value: string): void;
};

const prepared = new WeakMap<Choices, DocumentFragment>();

function optionsFor(choices: Choices): DocumentFragment {
  let set = prepared.get(choices);
  if (!set) {
    set = document.createDocumentFragment();
    for (const [value, label] of choices) {
      const option = document.createElement('option');
      option.value = value;
      option.textContent = label;
      set.append(option);
    }
    prepared.set(choices, set);
  }
  return set;
}

export function FixedSelect({ choices, value, onChoose, ...rest }: Props) {
  const select = useRef<HTMLSelectElement | null>(null);
  const valueRef = useRef(value);
  valueRef.current = value;
  // React renders no children here, so it never touches the options this puts in.
  const fill = useCallback(
    (el: HTMLSelectElement | null) => {
      select.current = el;
      if (!el) return;
      el.replaceChildren(optionsFor(choices).cloneNode(true));
      el.value = valueRef.current;
    },
    [choices],
  );
  useLayoutEffect(() => {
    if (select.current && select.current.value !== value) select.current.value = value;
  }, [value]);
  return (
    <select
      ref={fill}
      {...rest}
      onChange={(e) => {
        const next = e.currentTarget.value;
        e.currentTarget.value = value;
        onChoose(next);
      }}
    />
  );
}
