/** Just enough of an OpenAPI 3 document to compare answers with their documented schemas. */
interface Schema {
  $ref?: string;
  type?: string;
  nullable?: boolean;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  allOf?: Schema[];
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: Schema }> }> }>>;
  components: { schemas: Record<string, Schema> };
}

/**
 * The documented answer schema of `method path` for `status` in `mediaType` (JSON unless said),
 * or why there is none. A PDF's schema is a binary string: there are no keys to compare.
 */
export function answerSchema(document: OpenApiDocument, method: string, path: string, status: number, mediaType = 'application/json'): Schema | string {
  const operation = document.paths[path]?.[method.toLowerCase()];
  if (!operation) return `${method} ${path} is not documented`;
  const response = operation.responses[String(status)];
  if (!response) return `${method} ${path} answered ${status}, documented: ${Object.keys(operation.responses).join(', ')}`;
  const schema = response.content?.[mediaType]?.schema;
  return schema ?? `${method} ${path} ${status} has no ${mediaType} schema`;
}

/**
 * Where `value` differs from `schema` in its keys: a key the schema does not have, a required
 * key that is missing, at any depth. Free-form objects (no properties) are not looked into.
 */
export function shapeMismatches(document: OpenApiDocument, schema: Schema, value: unknown, at = '$'): string[] {
  const resolved = resolve(document, schema);
  if (value === null) return resolved.nullable || resolved.type === undefined ? [] : [`${at} is null, not nullable`];
  if (resolved.type === 'array' || resolved.items) {
    if (!Array.isArray(value)) return [`${at} is not an array`];
    return value.flatMap((item, index) => shapeMismatches(document, resolved.items ?? {}, item, `${at}[${index}]`));
  }
  if (!resolved.properties) return [];
  if (typeof value !== 'object' || Array.isArray(value)) return [`${at} is not an object`];
  const present = Object.keys(value);
  return [
    ...present.filter((key) => !(key in resolved.properties!)).map((key) => `${at}.${key} is not documented`),
    ...(resolved.required ?? []).filter((key) => !present.includes(key)).map((key) => `${at}.${key} is documented as required but missing`),
    ...present
      .filter((key) => key in resolved.properties!)
      .flatMap((key) => shapeMismatches(document, resolved.properties![key], (value as Record<string, unknown>)[key], `${at}.${key}`)),
  ];
}

function resolve(document: OpenApiDocument, schema: Schema): Schema {
  if (schema.$ref) return resolve(document, document.components.schemas[schema.$ref.replace('#/components/schemas/', '')]);
  if (schema.allOf?.length === 1) return { ...resolve(document, schema.allOf[0]), nullable: schema.nullable };
  return schema;
}
