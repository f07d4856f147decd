import { thousands } from '../../engine/scenario/large-tree';
import { selectGalleryOpen } from '../../store/selectors';
import { useRunAction } from '../actions/run';
import { useDebugger, useDebuggerState } from '../context';
import { GALLERY, GALLERY_GROUPS, type GalleryEntry } from './catalog';
import './gallery.css';
import { useModalDialog } from '../useModalDialog';

interface Props {
  /** Opens the file picker (the Open… menu owns the file input). */
  onOpenFile(): void;
}

/**
 * The examples gallery: every example by group with its title, purpose and size. Picking one
 * runs the registry's open-example action, like the palette or a shortcut would.
 */
export function Gallery({ onOpenFile }: Props) {
  const { store } = useDebugger();
  const open = useDebuggerState(selectGalleryOpen);
  const run = useRunAction();
  const dialog = useModalDialog(open);
  const close = () => store.getState().setGalleryOpen(false);
  const pick = (entry: GalleryEntry) => {
    store.getState().setParams({ example: entry.id });
    run('open-example', 'menu');
  };
  return (
    <dialog ref={dialog} className="gallery" aria-label="Examples" onClose={close}>
      <div className="panel-head">
        <h2>Examples</h2>
        <span className="spacer" />
        <button
          type="button"
          className="small"
          onClick={() => {
            close();
            onOpenFile();
          }}
        >
          Open a file…
        </button>
        <button type="button" className="small" onClick={close}>
          Close
        </button>
      </div>
      {open
        ? GALLERY_GROUPS.map((group) => (
            <section key={group} className="gallery-group" aria-label={group}>
              <h3>{group}</h3>
              <ul>
                {GALLERY.filter((e) => e.group === group).map((e) => (
                  <li key={e.id}>
                    <button
                      type="button"
                      aria-describedby={`gallery-${e.id}`}
                      onClick={() => pick(e)}
                    >
                      {e.title}
                    </button>
                    <span id={`gallery-${e.id}`} className="gallery-about">
                      <span className="dim">{e.purpose}</span>{' '}
                      <span className="gallery-size">
                        {thousands(e.tasks)} task{e.tasks === 1 ? '' : 's'}
                      </span>
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          ))
        : null}
    </dialog>
  );
}
