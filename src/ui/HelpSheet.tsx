import { selectHelpOpen } from '../store/selectors';
import { ACTIONS } from './actions/registry';
import { shortcutLabel } from './actions/types';
import { useEnabledStates } from './actions/run';
import { useDebugger, useDebuggerState } from './context';
import { useModalDialog } from './useModalDialog';

/** The `?` sheet: every action of the registry with its shortcut and, when disabled, why. */
export function HelpSheet() {
  const { store } = useDebugger();
  const open = useDebuggerState(selectHelpOpen);
  const enabled = useEnabledStates();
  const dialog = useModalDialog(open);
  return (
    <dialog
      ref={dialog}
      className="help-sheet"
      aria-label="Keyboard shortcuts"
      onClose={() => store.getState().setHelpOpen(false)}
    >
      <div className="panel-head">
        <h2>Keyboard shortcuts and actions</h2>
        <button type="button" className="small" onClick={() => store.getState().setHelpOpen(false)}>
          Close
        </button>
      </div>
      <table>
        <thead>
          <tr>
            <th>Key</th>
            <th>Action</th>
            <th>What it does</th>
            <th>Now</th>
          </tr>
        </thead>
        <tbody>
          {ACTIONS.map((a) => {
            const e = enabled[a.id];
            return (
              <tr key={a.id}>
                <td>{a.shortcut ? <kbd>{shortcutLabel(a.shortcut)}</kbd> : null}</td>
                <td>{a.label}</td>
                <td>{a.help}</td>
                <td className={e === true ? 'ok' : 'why'}>{e === true ? 'available' : e}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="dim">
        In the tree: arrow keys move between tasks, Enter selects, double click runs a restart
        participant next, right click opens the task menu. Ctrl+K opens the command palette. Esc
        closes this sheet.
      </p>
    </dialog>
  );
}
