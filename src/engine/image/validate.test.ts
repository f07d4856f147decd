import { describe, expect, it } from 'vitest';
import { validExitCode } from './validate';

// The worked examples of spec 1.6, row by row.
const TABLE: Array<[number, boolean]> = [
  [0x0000, true],
  [0x0100, true],
  [0x3300, true],
  [0xff00, true],
  [0x0009, true],
  [0x000f, true],
  [0x0040, true],
  [0x0041, false],
  [0x008b, false],
  [0x0086, false],
  [0x007f, false],
  [0x137f, false],
  [0x0f01, false],
  [0x10000, false],
  [0x80000000, true],
  [0xffff0000, true],
  [0xffffff0f, false],
];

describe('validExitCode', () => {
  it.each(TABLE)('0x%s', (code, valid) => {
    expect(validExitCode(code)).toBe(valid);
  });
  it('accepts the s32 reading of the same bits', () => {
    expect(validExitCode(-0x10000)).toBe(true); // 0xffff0000
    expect(validExitCode(-241)).toBe(false); // 0xffffff0f
  });
});
