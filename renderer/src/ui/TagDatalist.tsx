import { useTags } from '../api/queries';

export const TAG_DATALIST_ID = 'sourcemark-tag-names';

/** One list of existing tag names that every tag field offers as suggestions. */
export function TagDatalist() {
  const tags = useTags();
  return (
    <datalist id={TAG_DATALIST_ID}>
      {tags.data?.map((t) => <option key={t.id} value={t.name} />)}
    </datalist>
  );
}
