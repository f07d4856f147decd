import { selectShareLink } from '../../store/selectors';
import { ActionButton } from '../ActionButton';
import { useDebugger, useDebuggerState } from '../context';
import type { ShareLink } from '../../store/types';

function status(link: ShareLink): string {
  if (link.embedCopied) return 'Embed code copied to the clipboard.';
  return link.copied ? 'Link copied to the clipboard.' : 'Copy this link:';
}

/** A read-only text field that selects its text when focused, for copying by hand. */
function CopyField({ label, value }: { label: string; value: string }) {
  return (
    <input
      type="text"
      readOnly
      aria-label={label}
      value={value}
      onFocus={(e) => e.target.select()}
    />
  );
}

/**
 * The last permalink and its embed snippet in text fields, so either can be copied by hand
 * when the clipboard refused; Copy embed code puts the snippet on the clipboard.
 */
export function ShareBox() {
  const { store } = useDebugger();
  const link = useDebuggerState(selectShareLink);
  if (!link) return null;
  return (
    <section className="share-box" aria-label="Share">
      <span role="status">{status(link)}</span>
      <CopyField label="Share link" value={link.url} />
      <CopyField label="Embed code" value={link.embedCode} />
      <ActionButton id="copy-embed-code" className="small" />
      <button type="button" className="small" onClick={() => store.getState().setShareLink(null)}>
        Close
      </button>
    </section>
  );
}
