/**
 * `crviz inspect IMAGE.ckpt [--json]`: decode an image and show its records and tasks.
 * No process access here (the CLI main reads the file and prints), so it is testable as is.
 */
import { decodeImage } from '../engine/image/decode';
import { stateName } from '../engine/image/describe';
import type { DecodedImage, DecodedTask, FieldValue, RecordInfo } from '../engine/image/types';
import { describeWaitStatus, signalName } from '../engine/kernel/signals';
import { oneLine } from '../engine/quote';

export interface CommandOutput {
  stdout: string;
  stderr: string;
  exitCode: 0 | 1;
}

export function inspectCommand(bytes: Uint8Array, file: string, json: boolean): CommandOutput {
  const d = decodeImage(bytes);
  const exitCode = d.ok ? 0 : 1;
  const stderr = d.error
    ? `crviz inspect: ${file}: invalid image: ${d.error.errno} at offset ${d.error.offset}: ${oneLine(d.error.message.trimEnd())}\n`
    : '';
  const stdout = json ? `${JSON.stringify(imageJson(d), null, 2)}\n` : humanText(d, file);
  return { stdout, stderr, exitCode };
}

/** crviz-image/1 (CONTRACTS section 4). */
export function imageJson(d: DecodedImage): Record<string, unknown> {
  return {
    format: 'crviz-image/1',
    ok: d.ok,
    bytes: d.bytes,
    records: d.records.map((r) => ({
      offset: r.offset,
      type: r.type,
      name: r.name,
      len: r.len,
      fields: r.fields,
    })),
    tasks: d.tasks.map((t) => taskJson(t)),
    ...(d.error
      ? { error: { offset: d.error.offset, errno: d.error.errno, message: d.error.message } }
      : {}),
  };
}

function taskJson(t: DecodedTask): Record<string, unknown> {
  // pid first: the keys people look for, then the record as it is.
  const { pid, ppid, tgid, pgid, sid, comm, status, ...rest } = t;
  return { pid, ppid, tgid, pgid, sid, comm, ...rest, ...(status !== undefined ? { status } : {}) };
}

function humanText(d: DecodedImage, file: string): string {
  const lines: string[] = [];
  const verdict = d.ok ? 'ok' : `INVALID (${d.error?.errno})`;
  lines.push(`${file}: ${d.bytes} bytes, ${d.pids.length} tasks, ${verdict}`);
  lines.push('');
  lines.push(row(['offset', 'record', 'len', 'fields'], [6, -11, 5, -1]));
  for (const r of d.records)
    lines.push(row([r.offset, r.name, r.len, fieldsText(r)], [6, -11, 5, -1]));
  if (d.error) {
    lines.push(
      row(
        [d.error.offset, '!', '', `${d.error.errno}: ${oneLine(d.error.message.trimEnd())}`],
        [6, -11, 5, -1],
      ),
    );
  } else if (d.trailing > 0) {
    lines.push(
      `${d.bytes - d.trailing}: ${d.trailing} bytes after the TAIL (restart does not read them)`,
    );
  }
  if (d.tasks.length > 0) {
    lines.push('');
    const widths = [5, 5, 5, 5, 5, -16, -21, 10, -22, -11, -11];
    lines.push(
      row(
        [
          'pid',
          'ppid',
          'tgid',
          'pgid',
          'sid',
          'comm',
          'state',
          'exit_code',
          'wait status',
          'exit_signal',
          'pdeath',
        ],
        widths,
      ),
    );
    for (const t of d.tasks) {
      lines.push(
        row(
          [
            t.pid,
            t.ppid,
            t.tgid,
            t.pgid,
            t.sid,
            JSON.stringify(t.comm),
            `${stateName(t.state, t.exit_state)} (${t.state}/${t.exit_state})`,
            `0x${(t.exit_code >>> 0).toString(16)}`,
            t.status ?? (t.exit_code === 0 ? '-' : describeWaitStatus(t.exit_code)),
            signalText(t.exit_signal),
            signalText(t.pdeath_signal),
          ],
          widths,
        ),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

function signalText(sig: number): string {
  if (sig === 0) return '0';
  if (sig === -1) return '-1 (thread)';
  return sig >= 1 && sig <= 64 ? `${sig} ${signalName(sig)}` : String(sig);
}

function fieldsText(r: RecordInfo): string {
  return Object.entries(r.fields)
    .filter(([k]) => k !== 'entries')
    .map(([k, v]) => `${k}=${valueText(k, v)}`)
    .join(' ');
}

function valueText(key: string, v: FieldValue): string {
  if (typeof v === 'string')
    return key.endsWith('.raw') || /^0x[0-9a-f]{16}$/.test(v) ? v : JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.length}]`;
  return key === 'magic' ? `0x${v.toString(16)}` : String(v);
}

/** Columns: a positive width right-aligns, a negative one left-aligns, -1 is free. */
function row(cells: Array<string | number>, widths: number[]): string {
  return cells
    .map((c, i) => {
      const w = widths[i];
      const s = String(c);
      return w > 0 ? s.padStart(w) : w === -1 ? s : s.padEnd(-w);
    })
    .join('  ')
    .trimEnd();
}
