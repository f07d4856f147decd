import { describe, expect, it } from 'vitest';
import { listText } from './listText';

describe('listText', () => {
  it('joins a short list whole', () => {
    expect(listText([1, 2, 3], ', ')).toBe('1, 2, 3');
    const n = Array.from({ length: 25 }, (_, i) => i);
    expect(listText(n, ' ')).toBe(n.join(' '));
  });

  it('leaves out the middle of a long one and says how long it is', () => {
    const n = Array.from({ length: 400_000 }, (_, i) => i);
    const text = listText(n, ' → ');
    expect(text.startsWith('0 → 1 → 2 → 3 → … → 399980 → ')).toBe(true);
    expect(text.endsWith('399999 (400,000 in all)')).toBe(true);
    expect(text.length).toBeLessThan(250);
  });
});
