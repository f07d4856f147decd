import { describe, expect, it } from 'vitest';
import { FollowActive } from './follow';

describe('following active_pid', () => {
  const at = (pid: number) => (pid === 9 ? undefined : { x: pid * 10, y: 0 });

  it('centres on the baton when it moves to another card, not again while it stays', () => {
    const f = new FollowActive();
    expect(f.next(true, 3, at)).toEqual({ x: 30, y: 0 });
    expect(f.next(true, 3, at)).toBeNull();
    expect(f.next(true, 4, at)).toEqual({ x: 40, y: 0 });
  });

  it('does nothing while off, and centres again when turned back on', () => {
    const f = new FollowActive();
    expect(f.next(true, 3, at)).not.toBeNull();
    expect(f.next(false, 3, at)).toBeNull();
    expect(f.next(true, 3, at)).toEqual({ x: 30, y: 0 });
  });

  it('leaves the view for no baton or a card not laid out', () => {
    const f = new FollowActive();
    expect(f.next(true, null, at)).toBeNull();
    expect(f.next(true, 9, at)).toBeNull();
  });
});
