// One differing source detail offered from outside (a bundle, a CSL-JSON item): the library's value,
// struck through once the other is ticked, and the offered value behind its checkbox. Nothing changes
// until the analyst ticks it, so an import never overwrites a detail without a choice.
export interface OfferRowProps {
  /** The detail's name as the analyst reads it, heading the row. */
  detail: string;
  local: string | null;
  offered: string | null;
  taken: boolean;
  /** Names the checkbox: which detail of which source, from where. */
  label: string;
  onToggle(): void;
}

export function OfferRow({ detail, local, offered, taken, label, onToggle }: OfferRowProps) {
  return (
    <tr>
      <th scope="row">{detail}</th>
      <td className={taken ? 'dropped' : ''}>
        <bdi>{local ?? '—'}</bdi>
      </td>
      <td>
        <label>
          <input type="checkbox" checked={taken} aria-label={label} onChange={onToggle} /> <bdi>{offered ?? '—'}</bdi>
        </label>
      </td>
    </tr>
  );
}
