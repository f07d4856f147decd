/**
 * Text from an input, quoted for a one-line message: control characters (newline, CR, ESC, NUL),
 * DEL, C1 controls and bidirectional overrides become visible escapes, and a long text is cut
 * with its length said, so a hostile key or value can neither break the line nor drive a
 * terminal nor swamp the screen.
 */

/** How many characters of a quoted text a message shows. */
export const QUOTE_MAX = 60;

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

function escape(s: string): string {
  return s.replace(UNSAFE, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** `"abc"`, `"a\nb"`, `"aaaa…" (1,000,000 characters)`. */
export function quote(s: string, max = QUOTE_MAX): string {
  const cut = s.length > max ? s.slice(0, max) : s;
  const shown = escape(cut.replace(/["\\]/g, (c) => `\\${c}`));
  if (s.length <= max) return `"${shown}"`;
  return `"${shown}…" (${s.length.toLocaleString('en')} characters)`;
}

/** A JSON value as a message names it: null, an array, an object, "text", 42. */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return quote(v);
  // JSON has no Infinity: a literal such as 1e400 overflows to it when parsed.
  if (typeof v === 'number' && !Number.isFinite(v)) return 'a number too large to represent';
  return String(v);
}

/** Keeps one line: line breaks of a message become spaces, other controls become escapes. */
export function oneLine(s: string, max = 300): string {
  const flat = escape(s.replace(/\r\n|[\r\n\u2028\u2029]/g, ' '));
  return flat.length > max ? `${flat.slice(0, max)}… (cut)` : flat;
}

/** Keeps line breaks but escapes every other control character: the CLI's last line of defence. */
export function terminalSafe(s: string): string {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  return s.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) =>
    c === '\t' ? ' ' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** How many characters of an input's text (a title, a notice) the page shows. */
export const SHOWN_MAX = 200;

/** `s` cut to `max` characters, saying how much was cut: "Long title… (49,999,800 more characters)". */
export function clip(s: string, max = SHOWN_MAX): string {
  if (s.length <= max) return s;
  return `${s.slice(0, max)}… (${(s.length - max).toLocaleString('en')} more characters)`;
}
