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
      openBrief(brief.id);
      requestAnimationFrame(() => {
        const title = document.getElementById('brief-title-input') as HTMLInputElement | null;
        title?.focus();
        title?.select();
      });
    } catch (err) {
      showError(err);
    }
  }, [qc, openBrief, showError]);
}
