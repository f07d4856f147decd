import { errorText } from '../error-text';
/**
 * JSON.parse with a position: engines word their errors differently (V8 often gives no
 * position at all), so on failure a small scanner re-reads the text to find the first bad
 * character and reports it as line and column, which is what a scenario author needs.
 */

export type JsonResult = { ok: true; value: unknown } | { ok: false; message: string };

export function parseJson(text: string): JsonResult {
  // Editors on some systems save UTF-8 with a byte-order mark; it is not a JSON error.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    const found = locate(text);
    const detail = found ? found.what : errorText(err);
    const pos = found ? found.pos : text.length;
    const { line, column } = lineColumn(text, pos);
    return { ok: false, message: `invalid JSON at line ${line}, column ${column}: ${detail}` };
  }
}

export function lineColumn(text: string, pos: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < pos && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      start = i + 1;
    }
  }
  return { line, column: pos - start + 1 };
}

interface Fault {
  pos: number;
  what: string;
}

class Stop {
  constructor(readonly fault: Fault) {}
}

/** First syntax fault of `text`, or null if the scanner finds none. */
function locate(text: string): Fault | null {
  let i = 0;
  const fail = (what: string): never => {
    throw new Stop({ pos: i, what });
  };
  const found = (): string =>
    i >= text.length ? 'unexpected end of input' : `unexpected ${JSON.stringify(text[i])}`;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const str = () => {
    i++; // opening quote
    while (i < text.length && text[i] !== '"') {
      const c = text.charCodeAt(i);
      if (c < 0x20) fail('control character in string');
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail('bad \\u escape');
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) fail('bad escape in string');
      }
      i++;
    }
    if (i >= text.length) fail('unterminated string');
    i++;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail(`${found()}, expected a double-quoted key`);
        str();
        ws();
        if (text[i] !== ':') fail(`${found()}, expected ':'`);
        i++;
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail(`${found()}, expected ',' or '}'`);
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail(`${found()}, expected ',' or ']'`);
      }
    } else if (c === '"') str();
    else {
      const m = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(
        text.slice(i, i + 400),
      );
      if (!m) fail(`${found()}, expected a value`);
      else i += m[0].length;
    }
  };
  try {
    value();
    ws();
    if (i < text.length) fail(`${found()} after the end of the document`);
    return null;
  } catch (e) {
    if (e instanceof Stop) return e.fault;
    throw e;
  }
}
