/**
 * Decoding a message of the image schema (proto.ts) by walking its fields, in the shape
 * protobufjs's `toObject(decode(bytes), { defaults: false })` gives: snake_case keys, only the
 * fields present, repeated fields as arrays, `bytes` as Uint8Array views of the input.
 *
 * Why not protobufjs's own `Type.decode`: it compiles each decoder with `new Function`, which the
 * page's Content-Security-Policy (`script-src 'self'`, no 'unsafe-eval') refuses in the engine
 * worker, so every dropped CRIU dump failed there. Only protobufjs's Reader (no code generation)
 * is used; wire handling follows its generated decoders: a known field is read by its declared
 * type whatever the wire type says, a repeated scalar also packed, anything unknown skipped.
 */
import { Reader, Type, type Field } from 'protobufjs';
import type { Obj } from '../bundle-json';

/** Scalar types a packed repeated field may hold, of those the schema uses. */
const PACKABLE = new Set(['uint32', 'bool']);

/** Throws (RangeError from the Reader, or Error) on damaged input: the caller reports it. */
export function decodeMessage(type: Type, bytes: Uint8Array): Obj {
  const reader = new Reader(bytes);
  return readMessage(type, reader, bytes.length);
}

function readMessage(type: Type, r: Reader, length: number): Obj {
  const end = r.pos + length;
  if (end > r.len) throw new RangeError(`message of ${length} bytes runs past the end`);
  const out: Obj = {};
  while (r.pos < end) {
    const tag = r.uint32();
    const field = type.fieldsById[tag >>> 3] as Field | undefined;
    if (!field) {
      r.skipType(tag & 7);
      continue;
    }
    field.resolve();
    if (!field.repeated) {
      out[field.name] = readValue(field, r);
      continue;
    }
    const values: unknown[] = [];
    if ((tag & 7) === 2 && PACKABLE.has(field.type)) {
      const stop = r.uint32() + r.pos;
      while (r.pos < stop) values.push(readValue(field, r));
    } else values.push(readValue(field, r));
    if (values.length) out[field.name] = [...((out[field.name] as unknown[]) ?? []), ...values];
  }
  return out;
}

function readValue(field: Field, r: Reader): unknown {
  if (field.resolvedType instanceof Type) return readMessage(field.resolvedType, r, r.uint32());
  switch (field.type) {
    case 'uint32':
      return r.uint32();
    case 'bool':
      return r.bool();
    case 'bytes':
      return r.bytes();
    default:
      throw new Error(`field ${field.name}: type ${field.type} is not read by crviz`);
  }
}
