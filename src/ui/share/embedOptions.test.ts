import { describe, expect, it } from 'vitest';
import { isEmbed, parseEmbedOptions } from './embedOptions';

describe('parseEmbedOptions', () => {
  it('reads every option', () => {
    expect(
      parseEmbedOptions('?embed=1&lesson=zombie-wait&step=4&autoplay=1&theme=light&height=420'),
    ).toEqual({
      lesson: 'zombie-wait',
      step: 4,
      autoplay: true,
      theme: 'light',
      height: 420,
      problems: [],
    });
  });

  it('a bare embed has no options and no problems', () => {
    expect(parseEmbedOptions('?embed=1')).toEqual({
      lesson: null,
      step: null,
      autoplay: false,
      theme: null,
      height: null,
      problems: [],
    });
    expect(isEmbed('?embed=1')).toBe(true);
    expect(isEmbed('?embed=0')).toBe(false);
  });

  it('refuses bad values one line each, quoting at most 40 characters of them', () => {
    const o = parseEmbedOptions(
      `?lesson=../x&step=-1&autoplay=yes&theme=neon&height=20&x=${'y'.repeat(99)}`,
    );
    expect(o).toMatchObject({
      lesson: null,
      step: null,
      autoplay: false,
      theme: null,
      height: null,
    });
    expect(o.problems).toEqual([
      'embed option lesson="../x" ignored: a lesson id such as zombie-wait',
      'embed option step="-1" ignored: a step number, 0 or more',
      'embed option autoplay="yes" ignored: 1 or 0',
      'embed option theme="neon" ignored: light, dark, high-contrast or system',
      'embed option height="20" ignored: pixels from 160 to 4000',
    ]);
    const long = parseEmbedOptions(`?theme=${'z'.repeat(500)}`).problems[0];
    expect(long.length).toBeLessThan(120);
  });
});
