import { describe, expect, it } from 'vitest';
import { critComm } from './crit-repr';

describe("crit's bytes repr of a comm", () => {
  it('turns a repr of bytes that are not UTF-8 back into the bytes', () => {
    expect(critComm("b'h\\xc3\\xa9llo w\\xc3\\xb6rld \\xe2'")).toBe('héllo wörld \udce2');
    expect(critComm('b"it\'s \\xff"')).toBe("it's \udcff");
    expect(critComm("b'tab\\t\\\\ \\x80'")).toBe('tab\t\\ \udc80');
  });

  it('leaves names that only look like a repr, since crit prints UTF-8 as text', () => {
    expect(critComm("b'x'")).toBe("b'x'");
    expect(critComm("b'\\xc3\\xa9'")).toBe("b'\\xc3\\xa9'");
    expect(critComm("b'\\q\\xff'")).toBe("b'\\q\\xff'");
    expect(critComm('worker')).toBe('worker');
  });
});
