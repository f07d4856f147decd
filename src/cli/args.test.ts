import { describe, expect, it } from 'vitest';
import { parseArgs } from './args';

const ok = (...a: string[]) => {
  const r = parseArgs(a);
  if (!r.ok) throw new Error(r.message);
  return r.command;
};
const err = (...a: string[]) => {
  const r = parseArgs(a);
  if (r.ok) throw new Error('expected an error');
  return r.message;
};

describe('parseArgs', () => {
  it('parses explore --walks N --seed S and --no-reduction; --seed alone is an error', () => {
    expect(ok('explore', 's.json', '--walks', '1000', '--seed', 'x')).toEqual({
      name: 'explore',
      file: 's.json',
      variant: undefined,
      maxStates: undefined,
      walks: 1000,
      seed: 'x',
    });
    expect(ok('explore', 's.json', '--walks=5')).toMatchObject({ walks: 5, seed: '0' });
    expect(ok('explore', 's.json', '--no-reduction')).toMatchObject({ noReduction: true });
    expect(err('explore', 's.json', '--seed', 'x')).toContain('--seed needs --walks');
    expect(err('explore', 's.json', '--walks', '0')).toContain('--walks');
  });

  it('parses every command with its options, in any order and with =', () => {
    expect(ok('run', 's.json', '--variant', 'v17', '--out', 'o', '--trace')).toEqual({
      name: 'run',
      file: 's.json',
      variant: 'v17',
      out: 'o',
      trace: true,
    });
    expect(ok('run', '--trace', '--variant=naive', 's.json')).toMatchObject({
      file: 's.json',
      variant: 'naive',
      trace: true,
    });
    expect(ok('run', 's.json')).toEqual({
      name: 'run',
      file: 's.json',
      variant: undefined,
      out: undefined,
      trace: false,
    });
    expect(ok('explore', 's.json', '--max-states', '10')).toMatchObject({
      name: 'explore',
      maxStates: 10,
    });
    expect(ok('inspect', 'a.ckpt', '--json')).toEqual({
      name: 'inspect',
      file: 'a.ckpt',
      json: true,
    });
    expect(ok('snapshot', '--proc', '/tmp/p', '--root', '7')).toEqual({
      name: 'snapshot',
      proc: '/tmp/p',
      root: 7,
    });
    expect(ok('import', 'b.json')).toEqual({ name: 'import', file: 'b.json' });
  });

  it('recognises the version', () => {
    expect(ok('--version')).toEqual({ name: 'version' });
    expect(ok('-V')).toEqual({ name: 'version' });
    expect(ok('version')).toEqual({ name: 'version' });
    expect(ok('run', 'x.json', '--version')).toEqual({ name: 'version' });
    // Help wins over the version, as most tools do.
    expect(ok('--version', '--help')).toEqual({ name: 'help' });
  });

  it('recognises help', () => {
    expect(ok('--help')).toEqual({ name: 'help' });
    expect(ok('-h')).toEqual({ name: 'help' });
    expect(ok('help')).toEqual({ name: 'help' });
    expect(ok('run', '--help')).toEqual({ name: 'help' });
    expect(ok('inspect', 'help')).toEqual({ name: 'inspect', file: 'help', json: false });
  });

  it('rejects bad usage in one line', () => {
    expect(err()).toMatch(/missing command/);
    expect(err('rnu', 'x')).toBe(
      'crviz: unknown command "rnu" (did you mean "run"?) (try "crviz --help")',
    );
    expect(err('run')).toBe('crviz run: missing SCENARIO.json argument');
    expect(err('run', 'a', 'b')).toBe('crviz run: unexpected extra argument "b"');
    expect(err('run', 'a', '--tarce')).toBe(
      'crviz run: unknown option "--tarce" (did you mean "--trace"?)',
    );
    expect(err('run', 'a', '--json')).toMatch(/unknown option "--json"/);
    expect(err('run', 'a', '--variant')).toBe('crviz run: option --variant needs a value');
    expect(err('run', 'a', '--variant', 'v18')).toMatch(
      /--variant must be one of v18-28, v17, naive, v19, v18-73, got "v18"/,
    );
    expect(err('run', 'a', '--trace=1')).toMatch(/takes no value/);
    expect(err('explore', 'a', '--max-states', '0')).toMatch(
      /--max-states must be a positive integer, got "0"/,
    );
    expect(err('explore', 'a', '--max-states', '1e3')).toMatch(/positive integer/);
    expect(err('snapshot', 'x')).toMatch(/unexpected argument "x"/);
    expect(err('snapshot', '--root', '-1')).toMatch(/needs a value|positive integer/);
  });
});
