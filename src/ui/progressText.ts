import type { SessionProgress } from '../engine/session-types';
import { count } from './count';

const mb = (n: number) => (n / 1e6).toLocaleString('en', { maximumFractionDigits: 1 });

/** "Step 4 of 4, restart: 41,000 of 100,000 tasks restored" — what the engine is doing now. */
export function progressText(p: SessionProgress | null): string {
  if (!p) return 'engine running…';
  if (p.op === 'import') return `Reading the CRIU dump: ${mb(p.done)} of ${mb(p.total)} MB`;
  if (p.step < 0) return 'Building the tree…';
  const where = `Step ${p.step + 1} of ${p.steps}, ${p.op}`;
  return p.total > 0
    ? `${where}: ${count(p.done)} of ${count(p.total)} tasks restored`
    : `${where}…`;
}

/** 0..1 through the whole run: steps done, plus the restart's share of the current one. */
export function progressFraction(p: SessionProgress | null): number | null {
  if (!p || p.steps === 0 || p.step < 0) return null;
  if (p.op === 'import') return p.total > 0 ? Math.min(1, p.done / p.total) : null;
  const within = p.total > 0 ? p.done / p.total : 0;
  return Math.min(1, (p.step + within) / p.steps);
}
