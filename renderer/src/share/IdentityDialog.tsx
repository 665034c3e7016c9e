// Preferences for sharing: the author name this installation's bundles carry, and its own key
// fingerprint, which the analyst reads out to the people who receive their bundles.
import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { client } from '../api/client';
import { useErrors } from '../state/errors';
import { Dialog } from '../ui/Dialog';
import { groupedFingerprint } from './files';

export function IdentityDialog({ onClose }: { onClose(): void }) {
  const qc = useQueryClient();
  const { showError } = useErrors();
  const identity = useQuery({ queryKey: ['bundleIdentity'], queryFn: () => client.bundleIdentity({}) });
  const [name, setName] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const value = name ?? identity.data?.authorName ?? '';

  const save = async () => {
    try {
      await client.setBundleAuthor({ name: value });
      await qc.invalidateQueries({ queryKey: ['bundleIdentity'] });
      setSaved(true);
    } catch (err) {
      showError(err);
    }
  };

  return (
    <Dialog title="Sharing identity" open onClose={onClose} className="share-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="dialog-body">
          <label className="stacked">
            Author name in bundles
            <input
              value={value}
              maxLength={200}
              placeholder="e.g. A. Analyst, cell 2"
              onChange={(e) => {
                setName(e.target.value);
                setSaved(false);
              }}
            />
          </label>
          <p className="share-note">Receivers see this name, but only the key below proves a bundle came from this installation.</p>
          <h3>This installation’s signing key</h3>
          <p className="fingerprint" aria-label="Your key fingerprint">
            {identity.data ? groupedFingerprint(identity.data.fingerprint) : 'Reading…'}
          </p>
          <p className="share-note">
            SHA-256 of the Ed25519 public key. Read it to the people you send bundles to, so they can mark it as known. The private key stays in the
            library folder (signing-key.pem) and never goes into a bundle.
          </p>
          {saved && <p role="status">Saved: bundles you export now carry “{value || 'no name'}”.</p>}
        </div>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Close
          </button>
          <button type="submit" className="primary">
            Save name
          </button>
        </div>
      </form>
    </Dialog>
  );
}
