import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { createBrief } from '../mutations/briefs';
import { useErrors } from '../state/errors';
import { useWorkspace } from '../state/workspace';

/** Creates an empty brief and opens it with its title ready to type (button, menu and shortcut). */
export function useNewBrief(): () => Promise<void> {
  const qc = useQueryClient();
  const { openBrief } = useWorkspace();
  const { showError } = useErrors();
  return useCallback(async () => {
    try {
      const brief = await createBrief(qc, 'Untitled brief');
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
