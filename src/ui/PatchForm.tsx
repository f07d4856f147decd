import { useState } from 'react';
import type { DecodedImage } from '../engine/image/types';
import { PIDS_PATCH_FIELDS, TASK_PATCH_FIELDS, type PatchField } from '../engine/scenario/types';
import { runAction, useEnabled } from './actions/run';
import { useDebugger } from './context';
import type { FieldPick } from './image/RecordList';

const FIELDS: readonly PatchField[] = [...TASK_PATCH_FIELDS, ...PIDS_PATCH_FIELDS];

/**
 * Edit one field of a task record (or pids entry) to make a bad image: a `patch` step that
 * writes a new image (a → a-patched), which the dialog then shows. Clicking a field in the
 * record list picks it here: the dialog gives the form a new key and the pick as its start.
 */
export function PatchForm({
  image,
  decoded,
  pick,
}: {
  image: string;
  decoded: DecodedImage;
  pick: FieldPick | null;
}) {
  const instance = useDebugger();
  const enabled = useEnabled('patch-image');
  const pids = decoded.pids.map((p) => p.vpid);
  const [pid, setPid] = useState(pick?.pid ?? pids[0] ?? 1);
  const [field, setField] = useState<PatchField>(pick?.field ?? 'exit_code');
  const [value, setValue] = useState(pick?.value ?? '0');
  return (
    <form
      className="patch"
      aria-label="Patch a field"
      onSubmit={(e) => {
        e.preventDefault();
        const v = field === 'comm' ? value : Number(value);
        if (typeof v === 'number' && !Number.isFinite(v)) return;
        runAction(instance, 'patch-image', 'button', { image, pid, field, value: v });
      }}
    >
      <label>
        pid
        <select value={pid} onChange={(e) => setPid(Number(e.target.value))}>
          {pids.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </label>
      <label>
        Field
        <select value={field} onChange={(e) => setField(e.target.value as PatchField)}>
          {FIELDS.map((f) => (
            <option key={f} value={f}>
              {f}
            </option>
          ))}
        </select>
      </label>
      <label>
        Value
        <input value={value} onChange={(e) => setValue(e.target.value)} size={10} />
      </label>
      <button
        type="submit"
        className="small"
        disabled={enabled !== true}
        title={
          enabled === true ? 'Writes a new image with this field changed' : `Patch: ${enabled}`
        }
      >
        Patch
      </button>
    </form>
  );
}
