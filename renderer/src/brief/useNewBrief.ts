import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { client } from '../api/client';
import { keys } from '../api/keys';
import { useErrors } from '../state/errors';
import { useWorkspace } from '../state/workspace';

/** Creates an empty brief and opens it with its title ready to type (button, menu and shortcut). */
export function useNewBrief(): () => Promise<void> {
  const qc = useQueryClient();
  const { openBrief } = useWorkspace();
  const { showError } = useErrors();
  return useCallback(async () => {
    try {
      const brief = await client.createBrief({ title: 'Untitled brief' });
      await qc.invalidateQueries({ queryKey: keys.briefs });
      await qc.prefetchQuery({ queryKey: keys.brief(brief.id), queryFn: () => client.getBrief({ id: brief.id }) });
      openBrief(brief.id);
      let frames = 0;
      const focusTitle = () => {
        const title = document.querySelector<HTMLInputElement>(`input[data-brief-id="${brief.id}"]`);
        if (title) {
          title.focus();
          title.select();
        } else if (++frames < 60) requestAnimationFrame(focusTitle);
      };
      requestAnimationFrame(focusTitle);
    } catch (err) {
      showError(err);
    }
  }, [qc, openBrief, showError]);
}
