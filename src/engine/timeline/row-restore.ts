import type { ParticipantView, TaskView } from '../snapshot';
import type { ColumnReader } from './columns/read';

/**
 * A world put back from a checkpoint's rows (task rows by container in pid order, then the
 * participants), built apart from the replay's own maps so that it can be built in pieces: the
 * replay keeps showing where it is until the restore is complete and it takes these maps over.
 */
export class RowRestore {
  readonly tasks = new Map<number, Map<number, TaskView>>();
  /** Each container's pids in order (the rows are in pid order, so no sort). */
  readonly pids = new Map<number, number[]>();
  readonly parts: ParticipantView[] = [];
  private task = 0;
  private part = 0;

  constructor(
    private readonly rows: ColumnReader,
    /** The frame this restore stands at (−1: before the first), what `checkpoint` names. */
    readonly frame: number,
    readonly checkpoint: number,
    private readonly taskRows: Int32Array,
    private readonly partRows: Int32Array,
  ) {}

  get done(): boolean {
    return this.task === this.taskRows.length && this.part === this.partRows.length;
  }

  /** Puts back up to `budget` more rows; true once every row is back. */
  step(budget: number): boolean {
    const cs = this.rows.cols.tasks.c;
    const start = this.task;
    const taskEnd = Math.min(this.taskRows.length, this.task + budget);
    for (; this.task < taskEnd; this.task++) {
      const row = this.taskRows[this.task];
      const c = cs[row];
      let m = this.tasks.get(c);
      let pids = this.pids.get(c);
      if (!m || !pids) {
        m = new Map();
        pids = [];
        this.tasks.set(c, m);
        this.pids.set(c, pids);
      }
      const v = this.rows.task(row)!;
      m.set(v.pid, v);
      pids.push(v.pid);
    }
    const partEnd = Math.min(this.partRows.length, this.part + budget - (this.task - start));
    for (; this.part < partEnd; this.part++)
      this.parts.push(this.rows.part(this.partRows[this.part]));
    return this.done;
  }
}
