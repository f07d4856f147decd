/**
 * State letters of /proc (spec 7.2) mapped to crviz states (spec 7.4, step 3), and the
 * caveats that the plain crviz state cannot carry. crviz-scenario/1 has no key for the raw
 * letter, so it survives in the scenario's description instead.
 */
import type { OutEntry } from './types';

export type CrvizState = NonNullable<OutEntry['state']>;

/** `X` (dead, being reaped) is left out by the caller; it is never a state of its own. */
export function mapState(letter: string): CrvizState {
  if (letter === 'Z') return 'zombie';
  if (letter === 'T') return 'stopped';
  // R, S, D, I, t and the letters of old kernels: alive as far as CRIU and crviz are concerned.
  return 'running';
}

const ODD_LETTERS: Record<string, string> = {
  D: 'disk sleep',
  t: 'tracing stop',
  W: 'waking or paging',
  K: 'wakekill',
  P: 'parked',
  x: 'dead',
};

/** A note for letters that lose information when mapped, or null for R, S, I, T, Z. */
export function letterNote(letter: string): string | null {
  const what = ODD_LETTERS[letter];
  if (what === undefined) return null;
  return `state ${letter} (${what}) imported as ${mapState(letter)}`;
}

/** Human text of a wait status (spec section 3). */
export function describeStatus(code: number): string {
  const sig = code & 0x7f;
  if (sig === 0) return `exited ${(code >> 8) & 0xff}`;
  return `killed by signal ${sig}${code & 0x80 ? ', core dumped' : ''}`;
}

/** Linux-CR v18 refuses a core-dumped status at restart (spec 2.5). */
export function coreDumped(code: number): boolean {
  return (code & 0x7f) !== 0 && (code & 0x80) !== 0;
}

export const SIGCHLD = 17;

/** exit_signal as crviz accepts it (-1 .. 64), or undefined. */
export function validSignal(n: number | undefined): n is number {
  return n !== undefined && Number.isInteger(n) && n >= -1 && n <= 64;
}
