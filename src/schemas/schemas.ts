/**
 * For tests only: the JSON Schemas of schemas/ compiled with Ajv (draft 2020-12, strict), so the
 * parser's and the producers' tests can check the published schemas against the code.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';

export const SCHEMA_NAMES = [
  'crviz-scenario',
  'crviz-report',
  'crviz-image',
  'crviz-explore',
  'criu-tree',
  'crviz-lesson',
] as const;
export type SchemaName = (typeof SCHEMA_NAMES)[number];

export function readSchema(name: SchemaName): Record<string, unknown> {
  const url = new URL(`../../schemas/${name}.schema.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as Record<string, unknown>;
}

export function compileSchema(name: SchemaName): ValidateFunction {
  const ajv = new Ajv2020({
    strict: true,
    // `required` inside anyOf/if names properties declared beside it, a standard pattern.
    strictRequired: false,
    allErrors: true,
    allowUnionTypes: true,
  });
  // A schema may point at another by its $id (a lesson's inline scenario is a crviz-scenario/1).
  for (const other of SCHEMA_NAMES) if (other !== name) ajv.addSchema(readSchema(other));
  return ajv.compile(readSchema(name));
}

/** The first few errors as one line, for a failing expectation's message. */
export function errorsOf(validate: ValidateFunction): string {
  return (validate.errors ?? [])
    .slice(0, 3)
    .map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`)
    .join('; ');
}
