import { selectShareLink } from '../../store/selectors';
import { useDebugger, useDebuggerState } from '../context';

/** The last permalink in a text field, so it can be copied by hand when the clipboard refused. */
export function ShareBox() {
  const { store } = useDebugger();
  const link = useDebuggerState(selectShareLink);
  if (!link) return null;
  return (
    <section className="share-box" aria-label="Share">
      <span>{link.copied ? 'Link copied to the clipboard.' : 'Copy this link:'}</span>
      <input
        type="text"
        readOnly
        aria-label="Share link"
        value={link.url}
        onFocus={(e) => e.target.select()}
      />
      <button type="button" className="small" onClick={() => store.getState().setShareLink(null)}>
        Close
      </button>
    </section>
  );
}
