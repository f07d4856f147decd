/**
 * crit prints a comm that is not valid UTF-8 as Python's repr of the bytes, e.g.
 * `"b'h\\xc3\\xa9llo w\\xc3\\xb6rld \\xe2'"` (a name the kernel cut inside "☃"). This turns such
 * a string back into the kernel's bytes (kernel/comm.ts form). A string is only taken as a repr
 * when it parses as one AND its bytes are not UTF-8: crit prints valid UTF-8 as text, so a
 * process really named `b'x'` keeps its name.
 */
import { commFromBytes } from '../../kernel/comm';

const SIMPLE: Record<string, number> = { '\\': 0x5c, "'": 0x27, '"': 0x22, t: 9, n: 10, r: 13 };

function reprBytes(s: string): Uint8Array | null {
  const m = /^b(['"])([\s\S]*)\1$/.exec(s);
  if (!m) return null;
  const body = m[2];
  const out: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    const code = c.charCodeAt(0);
    if (c !== '\\') {
      if (code < 0x20 || code > 0x7e) return null; // Python's repr escapes everything else
      out.push(code);
      continue;
    }
    const e = body[i + 1];
    if (e === 'x' && /^[0-9a-f]{2}$/i.test(body.slice(i + 2, i + 4))) {
      out.push(parseInt(body.slice(i + 2, i + 4), 16));
      i += 3;
    } else if (e !== undefined && e in SIMPLE) {
      out.push(SIMPLE[e]);
      i += 1;
    } else {
      return null;
    }
  }
  return Uint8Array.from(out);
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The comm crit meant: its bytes when `s` is a bytes repr of non-UTF-8 data, else `s`. */
export function critComm(s: string): string {
  const bytes = reprBytes(s);
  return bytes && !isUtf8(bytes) ? commFromBytes(bytes) : s;
}
