import { describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url } from './base64url';
import type { Moment } from '../../app/moment';
import { decodeMoment, encodeMoment, isMomentHash } from './linkCodec';

const moment: Moment = {
  scenarioText: JSON.stringify({
    format: 'crviz-scenario/1',
    name: 'ünïcode-€',
    steps: Array.from({ length: 40 }, () => ({ op: 'freeze' })),
  }),
  variant: 'naive',
  schedule: 'random:42',
  cursor: 17,
  selection: 3,
  lesson: 'bad-images',
};

describe('base64url', () => {
  it('round-trips every byte value without padding or URL-unsafe characters', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    const text = toBase64Url(bytes);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(fromBase64Url(text)).toEqual(bytes);
  });
  it('refuses other characters', () => {
    expect(() => fromBase64Url('ab+c')).toThrow();
  });
});

describe('link codec', () => {
  it('round-trips a moment compressed, and compression makes it shorter', async () => {
    const hash = await encodeMoment(moment, true);
    expect(hash).toMatch(/(^|&)s=z/);
    expect(isMomentHash(`#${hash}`)).toBe(true);
    expect(await decodeMoment(`#${hash}`)).toEqual(moment);
    const plain = await encodeMoment(moment, false);
    expect(plain.length).toBeGreaterThan(hash.length);
  });

  it('round-trips the plain fallback, and defaults what the link leaves out', async () => {
    const m: Moment = { ...moment, variant: null, schedule: 'fifo', selection: null, lesson: null };
    const hash = await encodeMoment(m, false);
    expect(hash).toMatch(/(^|&)s=j/);
    expect(hash).not.toMatch(/sch=|sel=|v=|l=/);
    expect(await decodeMoment(hash)).toEqual(m);
  });

  it('says what is wrong with a tampered link', async () => {
    const hash = await encodeMoment(moment, true);
    const damaged = hash.replace(/s=z(\w{6})/, 's=zAAAAAA');
    await expect(decodeMoment(damaged)).rejects.toThrow(/damaged/);
    await expect(decodeMoment('crviz=1&s=q123')).rejects.toThrow(/damaged/);
    await expect(decodeMoment('crviz=1')).rejects.toThrow(/no scenario/);
    await expect(decodeMoment(hash.replace('v=naive', 'v=v99'))).rejects.toThrow(/variant/);
    await expect(decodeMoment(hash.replace('c=17', 'c=x'))).rejects.toThrow(/step/);
    await expect(decodeMoment(hash.replace('sch=random%3A42', 'sch=rm'))).rejects.toThrow(
      /schedule/,
    );
    expect(isMomentHash('#section-2')).toBe(false);
  });
});
