/**
 * crviz-report/1 (CONTRACTS 3) from a RunResult. Every object is built key by key in contract
 * order, never by spreading engine objects, so the JSON is byte-identical for the same run and
 * does not change shape when engine types grow fields.
 */
import type { EngineEvent } from '../events';
import { containerView, copyTaskView } from '../kernel/view';
import type { TaskView } from '../snapshot';
import type { RunResult, StepOutcome } from './outcome';
import { sha256Hex } from './sha256';
import { imageTaskCount } from './report-image';

export const REPORT_FORMAT = 'crviz-report/1';

export type ReportStep = { index: number; op: string; ok: boolean } & Record<
  string,
  number | string | boolean | number[]
>;

export interface ReportContainer {
  id: number;
  destroyed: boolean;
  tasks: TaskView[];
}

export interface ReportImage {
  bytes: number;
  tasks: number;
  sha256: string;
}

export interface Report {
  format: typeof REPORT_FORMAT;
  scenario: string;
  variant: string;
  ok: boolean;
  steps: ReportStep[];
  containers: ReportContainer[];
  images: Record<string, ReportImage>;
  trace?: EngineEvent[];
}

/** The report's verdict and step list (what the debugger keeps of a report). */
export interface ReportOutcome {
  ok: boolean;
  steps: ReportStep[];
}

export function reportOutcome(run: RunResult): ReportOutcome {
  // A failed step that was expected to fail is a success of the scenario.
  return { ok: run.steps.every((s) => !s.expect_failed), steps: run.steps.map(reportStep) };
}

export function toReport(run: RunResult, opts: { trace: boolean }): Report {
  const { ok, steps } = reportOutcome(run);
  const report: Report = {
    format: REPORT_FORMAT,
    scenario: run.scenario.name,
    variant: run.variant,
    ok,
    steps,
    containers: run.world.containers.map((c) => {
      const v = containerView(c);
      return { id: v.id, destroyed: v.destroyed, tasks: sortTasks(v.tasks) };
    }),
    // fromEntries defines own properties, so even an image named "__proto__" is listed.
    images: Object.fromEntries(
      [...run.world.images].map(([name, bytes]) => [
        name,
        { bytes: bytes.length, tasks: imageTaskCount(bytes), sha256: sha256Hex(bytes) },
      ]),
    ),
  };
  if (opts.trace) report.trace = run.events.map((e) => ({ ...e }));
  return report;
}

/** The report text: 2-space JSON with a final newline, as the CLI prints and `--out` tools diff. */
export function reportToJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

function reportStep(s: StepOutcome): ReportStep {
  const out: ReportStep = { index: s.index, op: s.op, ok: s.ok };
  for (const [k, v] of Object.entries(s.fields)) {
    // The fixed keys above win: an op field may not overwrite index, op or ok.
    if (!(k in out)) out[k] = Array.isArray(v) ? [...v] : v;
  }
  if (s.errno !== undefined) out.errno = s.errno;
  if (s.code !== undefined) out.code = s.code;
  if (s.message !== undefined) out.message = s.message;
  if (s.expect_failed) out.expect_failed = true;
  return out;
}

function sortTasks(tasks: readonly TaskView[]): TaskView[] {
  return [...tasks].sort((a, b) => a.pid - b.pid).map(copyTaskView);
}
