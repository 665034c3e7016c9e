// @vitest-environment jsdom
// FixedSelect copies prepared options instead of building them with React (a long brief mounts claim
// rows on every frame of a scroll); it must still behave as a controlled select.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, createElement as h } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { FixedSelect, type Choices } from '../../../renderer/src/ui/FixedSelect';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const CHOICES: Choices = [
  ['', 'Confidence not set'],
  ['low', 'Low confidence'],
  ['high', 'High confidence'],
];
let root: Root | null = null;

function mount(value: string, onChoose = vi.fn(), choices = CHOICES) {
  const host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  const render = (v: string, c = choices) => act(() => root!.render(h(FixedSelect, { 'aria-label': 'Confidence', choices: c, value: v, onChoose })));
  render(value);
  return { select: host.querySelector('select')!, render, onChoose };
}

afterEach(() => {
  act(() => root?.unmount());
  root = null;
});

describe('FixedSelect', () => {
  it('has every choice as an option, in order, and shows the value', () => {
    const { select } = mount('low');
    expect([...select.options].map((o) => [o.value, o.textContent])).toEqual(CHOICES.map(([v, l]) => [v, l]));
    expect(select.value).toBe('low');
    expect(select.getAttribute('aria-label')).toBe('Confidence');
  });

  it('a choice goes to onChoose, the select keeps showing the value until the value changes', () => {
    const { select, render, onChoose } = mount('');
    select.value = 'high';
    act(() => void select.dispatchEvent(new Event('change', { bubbles: true })));
    expect(onChoose).toHaveBeenCalledWith('high');
    expect(select.value).toBe('');
    render('high');
    expect(select.value).toBe('high');
    render('low');
    expect(select.value).toBe('low');
  });

  it('new choices (another row of the scale) replace the options and keep the value', () => {
    const { select, render } = mount('high');
    const other: Choices = [
      ['', 'Not set'],
      ['high', 'High'],
    ];
    render('high', other);
    expect([...select.options].map((o) => o.textContent)).toEqual(['Not set', 'High']);
    expect(select.value).toBe('high');
  });

  it('two selects over one set of choices each have their own options', () => {
    const a = mount('low').select;
    const host = document.createElement('div');
    document.body.append(host);
    const second = createRoot(host);
    act(() => second.render(h(FixedSelect, { choices: CHOICES, value: 'high', onChoose: () => {} })));
    const b = host.querySelector('select')!;
    expect(a.options[0]).not.toBe(b.options[0]);
    expect([a.value, b.value]).toEqual(['low', 'high']);
    act(() => second.unmount());
  });
});
