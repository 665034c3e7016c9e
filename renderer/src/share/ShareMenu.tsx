// "Share" in the app bar: bundles out and in, the standard exports, CSL-JSON details in, and the
// sharing identity (author name, this installation's key). Each item opens its dialog here.
import { useState } from 'react';
import { createPortal } from 'react-dom';
import { useBrief } from '../api/queries';
import { useWorkspace } from '../state/workspace';
import { MenuButton } from '../ui/Menu';
import { CompareDialog } from './CompareDialog';
import { CslMatchDialog } from './CslMatchDialog';
import { ExportBundleDialog } from './ExportBundleDialog';
import { IdentityDialog } from './IdentityDialog';
import { ImportBundleDialog } from './ImportBundleDialog';
import { StandardExportDialog } from './StandardExportDialog';
import './share.css';

type Open = null | 'export' | 'import' | 'standard' | 'csl' | 'identity' | { compare: number; other: number | null };

export function ShareMenu() {
  const { briefId, openBrief } = useWorkspace();
  const brief = useBrief(briefId);
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  return (
    <>
      <MenuButton
        label="Share"
        menuLabel="Share"
        items={() => [
          { label: 'Export bundle…', onSelect: () => setOpen('export') },
          { label: 'Import bundle…', onSelect: () => setOpen('import') },
          { label: 'Export for other tools (CSL-JSON, Web Annotation)…', onSelect: () => setOpen('standard'), startsGroup: true },
          { label: 'Fill source details from CSL-JSON…', onSelect: () => setOpen('csl') },
          { label: 'Sharing identity…', onSelect: () => setOpen('identity'), startsGroup: true },
        ]}
      >
        Share
      </MenuButton>
      {/* Outside the app bar, whose styles are for its own controls. */}
      {createPortal(
        <>
      {open === 'export' && <ExportBundleDialog briefId={briefId} onClose={close} />}
      {open === 'import' && (
        <ImportBundleDialog
          onClose={close}
          onCompare={(localId, versionId) => {
            openBrief(localId);
            setOpen({ compare: localId, other: versionId });
          }}
        />
      )}
      {open === 'standard' && <StandardExportDialog briefId={briefId} briefTitle={brief.data?.title ?? null} onClose={close} />}
      {open === 'csl' && <CslMatchDialog onClose={close} />}
      {open === 'identity' && <IdentityDialog onClose={close} />}
      {open !== null && typeof open === 'object' && <CompareDialog briefId={open.compare} initialOther={open.other} onClose={close} />}
        </>,
        document.body,
      )}
    </>
  );
}

