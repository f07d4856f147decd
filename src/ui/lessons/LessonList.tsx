import { selectLessonsOpen } from '../../store/selectors';
import { useDebugger, useDebuggerState } from '../context';
import { useRunAction } from '../actions/run';
import { LESSONS } from './catalog';

/**
 * The list of built-in lessons: picking one runs the registry's open-example action (the
 * gallery's), which opens its scenario at the first caption.
 */
export function LessonList() {
  const instance = useDebugger();
  const open = useDebuggerState(selectLessonsOpen);
  const run = useRunAction();
  if (!open) return null;
  const close = () => instance.store.getState().setLessonsOpen(false);
  return (
    <div className="lesson-list" role="dialog" aria-label="Lessons" aria-modal="false">
      <div className="panel-head">
        <h2>Lessons</h2>
        <span className="spacer" />
        <button type="button" className="small" onClick={close}>
          Close
        </button>
      </div>
      <ol>
        {LESSONS.map((l) => (
          <li key={l.id}>
            <button
              type="button"
              onClick={() => {
                instance.store.getState().setParams({ example: l.id });
                run('open-example', 'menu');
              }}
            >
              {l.title}
            </button>
            <span className="dim"> {l.summary}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
