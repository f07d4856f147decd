/**
 * Runs a fuzz target and checks every case: no exception escapes the reader, its verdict is
 * bounded by its input (at most OUTPUT_PER_BYTE bytes of result per input byte, plus a constant),
 * it leaves its input as it was, and a rejection is the same verdict when asked again. Time per
 * case is measured and reported (`npm run fuzz` holds it to a bound; npm test does not time).
 */
import fc from 'fast-check';
import { performance } from 'node:perf_hooks';
import type { FuzzTarget } from './targets';
import { errorText } from '../engine/error-text';

export const OUTPUT_PER_BYTE = 64;
const OUTPUT_BASE = 64 * 1024;

export interface FuzzReport {
  name: string;
  cases: number;
  rejected: number;
  /** One line per failed check, with the input that failed it (cut). */
  failures: string[];
  maxMs: number;
  maxOutputBytes: number;
}

function copyOf(input: string | Uint8Array): string | Uint8Array {
  return typeof input === 'string' ? input : input.slice();
}

function same(a: string | Uint8Array, b: string | Uint8Array): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** A verdict as comparable text: bytes by length and sum, bigints as text, errors by message. */
function verdictText(v: unknown): string {
  if (v instanceof Error) return `Error: ${v.message}`;
  return JSON.stringify(v, (_k, x: unknown) => {
    if (typeof x === 'bigint') return `${x}n`;
    if (x instanceof Uint8Array) return `bytes(${x.length},${x.reduce((n, b) => n + b, 0)})`;
    if (x instanceof Map) return [...x.entries()];
    return x;
  });
}

function rejected(v: unknown): boolean {
  return v instanceof Error || (typeof v === 'object' && v !== null && 'ok' in v && !v.ok);
}

function shown(input: string | Uint8Array): string {
  const s =
    typeof input === 'string'
      ? JSON.stringify(input)
      : `bytes ${Buffer.from(input).toString('hex')}`;
  return s.length > 160 ? `${s.slice(0, 160)}… (${s.length} chars)` : s;
}

export async function runFuzz(
  target: FuzzTarget,
  numRuns: number,
  seed?: number,
): Promise<FuzzReport> {
  const report: FuzzReport = {
    name: target.name,
    cases: 0,
    rejected: 0,
    failures: [],
    maxMs: 0,
    maxOutputBytes: 0,
  };
  const fail = (what: string, input: string | Uint8Array) => {
    if (report.failures.length < 20) report.failures.push(`${what}: ${shown(input)}`);
  };
  await fc.assert(
    fc.asyncProperty(target.input, async (input) => {
      report.cases++;
      const before = copyOf(input);
      let verdict: unknown;
      const t0 = performance.now();
      try {
        verdict = await target.read(input);
      } catch (err) {
        fail(`exception escaped (${errorText(err)})`, input);
        return true;
      }
      report.maxMs = Math.max(report.maxMs, performance.now() - t0);
      if (!same(input, before)) fail('the reader changed its input', before);
      const text = verdictText(verdict) ?? '';
      report.maxOutputBytes = Math.max(report.maxOutputBytes, text.length);
      if (text.length > OUTPUT_PER_BYTE * input.length + OUTPUT_BASE)
        fail(`a ${text.length}-byte verdict for ${input.length} bytes of input`, input);
      if (rejected(verdict)) {
        report.rejected++;
        let again: unknown;
        try {
          again = await target.read(input);
        } catch {
          again = undefined;
        }
        if (verdictText(again) !== text) fail('a rejection that changes when asked again', input);
      }
      return true;
    }),
    { numRuns, seed, endOnFailure: true },
  );
  return report;
}
