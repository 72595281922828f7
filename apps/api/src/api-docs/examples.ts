import { ID_PREFIXES } from '@sumeru/domain';
import type { ResourceSpec } from '../listing/resource-spec';

type JsonSchema = Record<string, unknown>;

// A fixed body, not newId(): the document must be byte-identical on every replica and start-up.
const EXAMPLE_ID_BODY = '2xV9kQ4mN7pR3sT6wY8zAb';

const camel = (text: string) => text.replace(/[_-](\w)/g, (_m, c: string) => c.toUpperCase());
const singular = (segment: string) => segment.replace(/ies$/, 'y').replace(/s$/, '');
// JSON:API types and path segments whose id kind is named otherwise in @sumeru/domain. Goes away
// when ResourceSpec declares its IdKind (CrudResource already has one).
const KIND_ALIASES: Record<string, string> = { list: 'contactList', decision_run: 'run', seo_keyword: 'keyword', record: 'customDataRecord' };
const prefixOf = (kind: string | undefined) => (kind ? (ID_PREFIXES as Record<string, string>)[camel(KIND_ALIASES[kind] ?? kind)] : undefined);

/** An example id of a resource of this type (`customer` → `cus_…`); a placeholder when the type has no prefix. */
export const exampleIdOf = (type: string): string => {
  const prefix = prefixOf(type);
  return prefix ? `${prefix}_${EXAMPLE_ID_BODY}` : `${type.toUpperCase()}_ID`;
};

/**
 * Example values for a path's parameters. `:contact_id` names its kind; `:id` is an id of the
 * collection before it (`/customers/:id/orders` takes a customer id, though it lists orders), else
 * of the operation's resource. What has no known prefix gets an upper-case placeholder.
 */
export const examplePathParams = (path: string, spec: ResourceSpec | undefined): Record<string, string> => {
  const segments = path.split('/');
  return Object.fromEntries(segments.flatMap((segment, i) => {
    if (!segment.startsWith(':')) return [];
    const name = segment.slice(1);
    const collection = singular(segments[i - 1] ?? '');
    const kinds = name === 'id' ? [collection, spec?.type] : [name.replace(/_id$/, ''), collection];
    const kind = kinds.find((k) => prefixOf(k));
    return [[name, kind ? exampleIdOf(kind) : `${(name === 'id' ? collection : name.replace(/_id$/, '')).replace(/-/g, '_').toUpperCase()}_ID`]];
  }));
};

const guessString = (name: string, s: JsonSchema): string => {
  if (s.format === 'email' || name.includes('email')) return 'ada@example.com';
  if (s.format === 'date' || name === 'date') return '2026-03-01';
  if (s.format === 'date-time' || name.endsWith('_at')) return '2026-03-01T09:00:00Z';
  if (s.format === 'uri' || s.format === 'url' || name.endsWith('url') || name === 'website') return 'https://example.com/hooks/sumeru';
  if (name === 'currency') return 'EUR';
  if (name === 'phone') return '+44 20 7946 0958';
  if (name.endsWith('external_id')) return 'ext-1001';
  if (name.endsWith('_id')) return prefixOf(name.replace(/_id$/, '')) ? exampleIdOf(name.replace(/_id$/, '')) : 'ext-1001';
  return `Example ${name.replace(/_/g, ' ')}`.trim();
};

// Tried in order when the guess does not fit the schema's pattern or length.
const FALLBACKS = ['example', 'example_1', 'ext-1001', 'EXAMPLE', 'x', '1'];

const exampleString = (name: string, s: JsonSchema): string => {
  const fits = (v: string) =>
    (typeof s.pattern !== 'string' || new RegExp(s.pattern, 'u').test(v)) &&
    v.length >= ((s.minLength as number | undefined) ?? 0) && v.length <= ((s.maxLength as number | undefined) ?? Infinity);
  return [guessString(name, s), name, ...FALLBACKS].find(fits) ?? guessString(name, s);
};

/**
 * A plausible value for a JSON Schema produced from a zod schema: enough for a sample request
 * that passes validation, not a faithful generator (nested `oneOf`s take their first branch).
 */
export const exampleOf = (schema: JsonSchema, name = ''): unknown => {
  if ('example' in schema) return schema.example;
  if ('default' in schema) return schema.default;
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  const branches = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (branches) return exampleOf(branches.find((b) => b.type !== 'null') ?? branches[0]!, name);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'string':
      return exampleString(name, schema);
    case 'integer':
    case 'number':
      return typeof schema.minimum === 'number' ? Math.max(schema.minimum, 1) : 1;
    case 'boolean':
      return true;
    case 'array':
      return [exampleOf((schema.items as JsonSchema | undefined) ?? {}, name.replace(/s$/, ''))];
    case 'object':
      return exampleObject(schema, 'required');
    default:
      return null;
  }
};

/** The object's required properties, or (`'first'`) just its first one, as for a minimal PATCH. */
export const exampleObject = (schema: JsonSchema, which: 'required' | 'first'): Record<string, unknown> => {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = (schema.required ?? []) as string[];
  const names = which === 'first' ? Object.keys(properties).slice(0, 1) : required.length ? required : Object.keys(properties).slice(0, 1);
  return Object.fromEntries(names.map((n) => [n, exampleOf(properties[n]!, n)]));
};
