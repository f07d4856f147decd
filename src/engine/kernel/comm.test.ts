import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commFromBytes, commToBytes, hasRawBytes, showComm, truncateComm } from './comm';

const CUT = Uint8Array.from([
  0x68, 0xc3, 0xa9, 0x6c, 0x6c, 0x6f, 0x20, 0x77, 0xc3, 0xb6, 0x72, 0x6c, 0x64, 0x20, 0xe2,
]); // "héllo wörld ☃" as the kernel keeps it: 15 bytes, the snowman cut after its first byte

describe('comm as the kernel bytes', () => {
  it('keeps a UTF-8 character cut by the kernel as one byte escape, shown as \\xNN', () => {
    const comm = commFromBytes(CUT);
    expect(comm).toBe('héllo wörld \udce2');
    expect(comm).not.toContain('\ufffd');
    expect(showComm(comm)).toBe('héllo wörld \\xe2');
    expect(commToBytes(comm)).toEqual(CUT);
    expect(truncateComm(comm)).toBe(comm); // 15 bytes: the escape counts as one
    expect(JSON.stringify(comm)).toBe('"héllo wörld \\udce2"'); // ASCII escape: valid UTF-8 JSON
  });

  it('leaves valid text alone, a supplementary character included', () => {
    expect(commFromBytes(new TextEncoder().encode('𝒀 ok'))).toBe('𝒀 ok');
    expect(hasRawBytes('𝒀')).toBe(false); // U+1D480's low surrogate is DC80, inside its pair
    expect(commToBytes('𝒀')).toEqual(new TextEncoder().encode('𝒀'));
  });

  it('round-trips any bytes, and decodes valid UTF-8 exactly as TextDecoder does', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 15 }), (bytes) => {
        expect(commToBytes(commFromBytes(bytes))).toEqual(bytes);
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 8 }), (s) => {
        const bytes = new TextEncoder().encode(s);
        expect(commFromBytes(bytes)).toBe(new TextDecoder().decode(bytes));
      }),
    );
  });

  it('cuts a written name between characters, at 15 bytes', () => {
    expect(truncateComm('abcdefghijklmnopq')).toBe('abcdefghijklmno');
    expect(truncateComm('ééééééééé')).toBe('ééééééé');
    expect(truncateComm('\udcff'.repeat(20))).toBe('\udcff'.repeat(15));
  });
});
