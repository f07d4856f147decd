import { describe, expect, it } from 'vitest';
import { THREE_TASKS, REFUSED_TEXT } from '../engine/image/test-fixtures';
import { writeErrorImage, writeImage } from '../engine/image/writer';
import { inspectCommand } from './inspect';

const good = writeImage(THREE_TASKS);

describe('inspect, human table', () => {
  const out = inspectCommand(good, 'a.ckpt', false);
  it('succeeds quietly', () => {
    expect(out.exitCode).toBe(0);
    expect(out.stderr).toBe('');
    expect(out.stdout.startsWith('a.ckpt: 619 bytes, 3 tasks, ok\n')).toBe(true);
  });
  it('lists one line per record with offset, name, len and fields', () => {
    const lines = out.stdout.split('\n');
    expect(lines).toContain('   291  TREE            16  nr_tasks=3');
    expect(lines).toContain('   603  TAIL            16  magic=0x002d2a0cc0deef00');
    expect(lines.filter((l) => /^\s+\d+ {2}[A-Z_]+\s+\d+/.test(l))).toHaveLength(14);
  });
  it('shows the tasks with state and decoded wait status', () => {
    const zombie = out.stdout.split('\n').find((l) => l.includes('zombie'))!;
    expect(zombie).toMatch(
      /^\s+3\s+2\s+3\s+1\s+1\s+"kid"\s+zombie \(64\/16\)\s+0x3300\s+exited 51\s+0\s+0$/,
    );
    expect(out.stdout).toMatch(/"init"\s+uninterruptible \(2\/0\)\s+0x0\s+-\s+17 SIGCHLD/);
  });
  it('decodes a killed-with-core status', () => {
    const img = writeImage({
      ...THREE_TASKS,
      tasks: THREE_TASKS.tasks.map((t, i) => (i === 2 ? { ...t, exit_code: 0x8f } : t)),
    });
    expect(inspectCommand(img, 'b.ckpt', false).stdout).toMatch(/0x8f\s+killed SIGTERM \(core\)/);
  });
});

describe('inspect, damaged images', () => {
  it('a truncated image: exit 1, records read so far, error on stderr', () => {
    const out = inspectCommand(good.subarray(0, 500), 'cut.ckpt', false);
    expect(out.exitCode).toBe(1);
    expect(out.stderr).toBe(
      'crviz inspect: cut.ckpt: invalid image: EPIPE at offset 459: TASK expected: end of image in the payload (33 of 40 bytes)\n',
    );
    expect(out.stdout).toContain('INVALID (EPIPE)');
    expect(out.stdout).toContain('   435  STRING          24  comm="init"');
    expect(out.stdout).toContain('   459  !                   EPIPE: TASK expected');
    expect(out.stdout).not.toContain('"parent"');
  });
  it('a refused checkpoint: the ERROR message', () => {
    const out = inspectCommand(writeErrorImage(REFUSED_TEXT), 'r.ckpt', true);
    expect(out.exitCode).toBe(1);
    expect(out.stderr).toContain(`EINVAL at offset 0: ${REFUSED_TEXT}`);
    expect(JSON.parse(out.stdout)).toEqual({
      format: 'crviz-image/1',
      ok: false,
      bytes: 68,
      records: [
        { offset: 0, type: 9999, name: 'ERROR', len: 8, fields: {} },
        { offset: 8, type: 4, name: 'STRING', len: 60, fields: { text: REFUSED_TEXT } },
      ],
      tasks: [],
      error: { offset: 0, errno: 'EINVAL', message: REFUSED_TEXT },
    });
  });
});

describe('inspect --json: crviz-image/1', () => {
  const out = inspectCommand(good, 'a.ckpt', true);
  const doc = JSON.parse(out.stdout);
  it('is pretty-printed with 2 spaces and a trailing newline', () => {
    expect(out.stdout).toBe(`${JSON.stringify(doc, null, 2)}\n`);
    expect(out.exitCode).toBe(0);
  });
  it('has exactly the contract keys', () => {
    expect(Object.keys(doc)).toEqual(['format', 'ok', 'bytes', 'records', 'tasks']);
    expect(doc).toMatchObject({ format: 'crviz-image/1', ok: true, bytes: 619 });
    expect(Object.keys(doc.records[0])).toEqual(['offset', 'type', 'name', 'len', 'fields']);
    expect(doc.records[14 - 1]).toEqual({
      offset: 603,
      type: 9001,
      name: 'TAIL',
      len: 16,
      fields: { magic: '0x002d2a0cc0deef00' },
    });
  });
  it('lists tasks pid first, with the raw record and status', () => {
    expect(doc.tasks[2]).toEqual({
      pid: 3,
      ppid: 2,
      tgid: 3,
      pgid: 1,
      sid: 1,
      comm: 'kid',
      state: 64,
      exit_state: 16,
      exit_code: 13056,
      exit_signal: 0,
      pdeath_signal: 0,
      set_child_tid: 0,
      clear_child_tid: 0,
      status: 'exited 51',
    });
    expect(Object.keys(doc.tasks[0])[0]).toBe('pid');
  });
  it('carries the error for an invalid image', () => {
    const bad = good.slice();
    bad[611] = 0xff;
    const d = JSON.parse(inspectCommand(bad, 'x', true).stdout);
    expect(d.ok).toBe(false);
    expect(d.error).toEqual({
      offset: 603,
      errno: 'EINVAL',
      message: 'bad TAIL: magic is 0x002d2a0cc0deefff, expected 0x002d2a0cc0deef00',
    });
    expect(d.records).toHaveLength(13);
  });
});
