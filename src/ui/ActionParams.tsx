import { standardSignals } from '../engine/kernel/signals';
import { selectParams } from '../store/selectors';
import { useDebugger, useDebuggerState } from './context';

const SIGNALS = standardSignals();

/** Kill's Signal picker (default SIGTERM) and core checkbox. */
export function SignalParams() {
  const { store } = useDebugger();
  const params = useDebuggerState(selectParams);
  return (
    <span className="params">
      <label>
        Signal
        <select
          title="Signal for Kill and Pdeath signal"
          value={params.signal}
          onChange={(e) => store.getState().setParams({ signal: Number(e.target.value) })}
        >
          {SIGNALS.map((s) => (
            <option key={s.number} value={s.number}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={params.core}
          onChange={(e) => store.getState().setParams({ core: e.target.checked })}
        />
        core
      </label>
    </span>
  );
}

/** Exit's status field (0..255, default 0). */
export function ExitParams() {
  const { store } = useDebugger();
  const params = useDebuggerState(selectParams);
  return (
    <label className="params">
      Exit status
      <input
        type="number"
        min={0}
        max={255}
        value={params.exitStatus}
        onChange={(e) => {
          const v = Math.trunc(Number(e.target.value));
          if (Number.isFinite(v))
            store.getState().setParams({ exitStatus: Math.max(0, Math.min(255, v)) });
        }}
      />
    </label>
  );
}
