import { useEffect, useRef, useState } from 'react';
import './lessonEditor.css';
import { selectCursor, selectLessonEditorOpen, selectRecording } from '../../store/selectors';
import { ActionButton } from '../ActionButton';
import { useEnabled, useRunAction } from '../actions/run';
import { useDebugger, useDebuggerState } from '../context';
import { activeLesson } from './active';
import { anchorFrame, captionFrames, captionIndexAt } from './resolve';
import type { SessionRecording } from '../../engine/session-types';
import type { Caption, CaptionAnchor } from './types';

/** Where a caption sits, in words: "before the first step", "step 4 (restart)", "… restore_activate_next by pid:1". */
function momentText(rec: SessionRecording, at: CaptionAnchor): string {
  if (at.step === undefined) return 'the tree as loaded';
  const op = rec.scenario.steps[at.step]?.op ?? '?';
  const step = `step ${at.step + 1} (${op})`;
  if (!at.fn) return `the result of ${step}`;
  const nth = at.nth && at.nth > 1 ? ` #${at.nth}` : '';
  return `${step}: ${at.fn}${nth}${at.actor ? ` by ${at.actor}` : ''}`;
}

/** One caption of the list: its moment, its text and question, and what can be done to it. */
function CaptionItem({
  caption,
  index,
  count,
}: {
  caption: Caption;
  index: number;
  count: number;
}) {
  const run = useRunAction();
  // Keyed by its text (see the list), so a change from elsewhere starts the field afresh.
  const [text, setText] = useState(caption.text);
  const n = index + 1;
  const save = (ask: boolean) => {
    const t = text.trim();
    if (t && (t !== caption.text || ask !== (caption.ask === 'active_pid'))) {
      run('lesson-caption-edit', 'button', {
        index,
        text: t,
        ...(ask ? { ask: 'active_pid' } : {}),
      });
    }
  };
  return (
    <>
      <textarea
        aria-label={`Caption ${n} text`}
        value={text}
        rows={2}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => save(caption.ask === 'active_pid')}
      />
      <label>
        <input
          type="checkbox"
          checked={caption.ask === 'active_pid'}
          onChange={(e) => save(e.target.checked)}
        />
        Caption {n} asks who gets active_pid next
      </label>
      <div className="caption-tools">
        <ActionButton
          id="lesson-caption-up"
          args={[index]}
          name={`Move caption ${n} up`}
          label="Up"
          className="small"
        />
        <ActionButton
          id="lesson-caption-down"
          args={[index]}
          name={`Move caption ${n} down`}
          label="Down"
          className="small"
        />
        <ActionButton
          id="lesson-caption-here"
          args={[index]}
          name={`Move caption ${n} here`}
          label="Move here"
          className="small"
        />
        <ActionButton
          id="lesson-caption-delete"
          args={[index]}
          name={`Delete caption ${n}`}
          label="Delete"
          className="small"
        />
      </div>
      {index === count - 1 ? null : <hr />}
    </>
  );
}

/**
 * The lesson editor: a caption for the step at the cursor ("Add caption here", with the
 * optional question), the lesson's captions to go to, edit, reorder and delete, and Preview,
 * Present, Save lesson and Share lesson link. Writing the first caption makes the scenario on
 * screen a lesson; every change is a registry action.
 */
export function LessonEditor() {
  const instance = useDebugger();
  const open = useDebuggerState(selectLessonEditorOpen);
  const lesson = useDebuggerState(activeLesson);
  const recording = useDebuggerState(selectRecording);
  const cursor = useDebuggerState(selectCursor);
  const run = useRunAction();
  const canAdd = useEnabled('lesson-add-caption');
  const [text, setText] = useState('');
  const [ask, setAsk] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (open) field.current?.focus();
  }, [open]);
  if (!open || !recording) return null;

  const close = () => instance.store.getState().setLessonEditorOpen(false);
  const frames = lesson ? captionFrames(recording, lesson.captions) : [];
  const here = lesson ? captionIndexAt(frames, cursor) : -1;
  const add = () => {
    if (run('lesson-add-caption', 'button', { text, ...(ask ? { ask: 'active_pid' } : {}) })) {
      setText('');
      setAsk(false);
    }
  };
  return (
    <div className="lesson-editor" role="dialog" aria-label="Lesson editor" aria-modal="false">
      <div className="panel-head">
        <h2>Lesson editor</h2>
        <span className="spacer" />
        <button type="button" className="small" onClick={close}>
          Close
        </button>
      </div>
      {lesson ? (
        <label className="lesson-title">
          Lesson title{' '}
          <input
            key={lesson.title}
            type="text"
            defaultValue={lesson.title}
            maxLength={200}
            onBlur={(e) => {
              const title = e.target.value.trim();
              if (title && title !== lesson.title) run('lesson-rename', 'button', title);
            }}
          />
        </label>
      ) : (
        <p className="dim">
          Move the timeline to a step and add its caption: the scenario on screen becomes a lesson.
        </p>
      )}
      <fieldset className="new-caption">
        <legend>New caption at step {cursor + 1}</legend>
        <textarea
          ref={field}
          aria-label="Caption text"
          rows={3}
          maxLength={4000}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <label>
          <input type="checkbox" checked={ask} onChange={(e) => setAsk(e.target.checked)} />
          Ask who gets active_pid next
        </label>
        <button
          type="button"
          disabled={canAdd !== true || !text.trim()}
          title={canAdd === true ? 'Pin this caption to the step at the cursor' : canAdd}
          onClick={add}
        >
          Add caption here
        </button>
      </fieldset>
      {lesson ? (
        <>
          <ol className="caption-list" aria-label="Captions">
            {lesson.captions.map((c, i) => (
              <li key={i} className={i === here ? 'here' : undefined}>
                <button
                  type="button"
                  className="small link"
                  aria-label={`Go to caption ${i + 1}`}
                  onClick={() => instance.store.getState().setCursor(anchorFrame(recording, c.at))}
                >
                  {i + 1}. {momentText(recording, c.at)}
                </button>
                <CaptionItem key={c.text} caption={c} index={i} count={lesson.captions.length} />
              </li>
            ))}
          </ol>
          <div className="lesson-editor-foot">
            <ActionButton id="lesson-preview" label="Preview" className="small" />
            <ActionButton id="lesson-present" className="small" />
            <ActionButton id="lesson-save" className="small" />
            <ActionButton id="lesson-link" className="small" />
          </div>
        </>
      ) : null}
    </div>
  );
}
