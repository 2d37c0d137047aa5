import fc from 'fast-check';
import { APPRAISER, EMPLOYEE, YEAR } from './ledger-fixtures';

/** Just enough of an OpenAPI 3 document to generate requests from it. */
export interface Schema {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  items?: Schema;
  allOf?: Schema[];
}
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  schema?: Schema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

export interface Endpoint {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  /** The template, `/api/v1/opds/{code}`. */
  path: string;
  pathParameters: string[];
  query: Array<{ name: string; schema: Schema }>;
  body?: Schema;
}

export interface HostileRequest {
  endpoint: Endpoint;
  method: Endpoint['method'];
  url: string;
  headers: Record<string, string>;
  payload?: string;
}

/**
 * Every operation of the document, as what a request needs to know of it; but the live feed,
 * whose answer is an event stream that never ends by design (test/e2e/public-feed covers it).
 */
export function endpointsOf(document: OpenApiDocument): Endpoint[] {
  const neverEnding = new Set(['/public/v1/feed/live']);
  return Object.entries(document.paths)
    .filter(([path]) => !neverEnding.has(path))
    .flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([method]) => ['get', 'post', 'put', 'patch'].includes(method))
        .map(([method, operation]) => ({
          method: method.toUpperCase() as Endpoint['method'],
          path,
          pathParameters: (operation.parameters ?? []).filter((parameter) => parameter.in === 'path').map((parameter) => parameter.name),
          query: (operation.parameters ?? [])
            .filter((parameter) => parameter.in === 'query')
            .map((parameter) => ({ name: parameter.name, schema: parameter.schema ?? {} })),
          body: operation.requestBody?.content['application/json']?.schema,
        })),
    );
}

/** Strings that have broken services: NUL, lone surrogates, invisible text, injections, paths, sizes. */
const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff x',
  '\u200b\u200b',
  '\u00a0\u3000\ufeff',
  '\u202eevil',
  "'; DROP TABLE users; --",
  "' OR '1'='1",
  '$1',
  '../../../etc/passwd',
  '%00',
  '%ff',
  '{{7*7}}',
  '${7*7}',
  '<script>alert(1)</script>',
  '__proto__',
  'constructor',
  'NaN',
  '-1',
  '1e400',
  '99999999999999999999',
  '2025-02-30',
  '0000-00-00',
  'Q5',
  '😀'.repeat(50),
  'x'.repeat(2001),
  'x'.repeat(100_001),
];

const hostileString = fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ maxLength: 40 }));

/** Values a path or query parameter takes: the fixtures' real ones, near misses and hostile strings. */
function parameterValue(name: string, findingId: string): fc.Arbitrary<string> {
  const real: Record<string, string[]> = {
    code: ['DINKES', 'NOPE', 'dinkes'],
    year: [String(YEAR), String(YEAR + 1), '1999', '3000', '2025.5'],
    quarter: ['1', '2', '4', '0', '5'],
    period: ['Q1', 'Q2', 'ANNUAL', 'Q0'],
    nip: [EMPLOYEE, APPRAISER, '123'],
    appraiserNip: [APPRAISER, EMPLOYEE],
    id: [findingId, `DINKES`, `DINKES-${YEAR}`, `${EMPLOYEE}-${YEAR}`, '00000000-0000-0000-0000-000000000000'],
    no: ['1', '2', '0', '-1'],
    key: ['summary', 'closing', 'nope'],
    streamType: ['opd', 'plan', 'skp', 'lkjip', 'finding', 'nope'],
    indicatorCode: ['I1', 'K1'],
    limit: ['1', '50', '500', '0', '501'],
    cursor: ['', 'AAAA', 'ZGlua2Vz'],
    asOf: [new Date().toISOString(), '2025-01-01T00:00:00Z', 'yesterday'],
    opd: ['DINKES', 'DISDIK'],
    status: ['DRAFT', 'SESUAI', 'BELUM_DITINDAKLANJUTI'],
    pending: ['true', 'false', 'maybe'],
    overdue: ['true', 'false', '1'],
  };
  return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...(real[name] ?? ['x'])) }, { weight: 1, arbitrary: hostileString });
}

/** Percent-encodes any string, lone surrogates included (as the bytes a broken client sends). */
function encodeSegment(value: string): string {
  let out = '';
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff)
      out += `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`;
    else out += encodeURIComponent(char);
  }
  return out;
}

/** A JSON value shaped by `schema`, every part of it possibly replaced by something hostile. */
function bodyValue(document: OpenApiDocument, schema: Schema, depth = 0): fc.Arbitrary<unknown> {
  const resolved = resolve(document, schema);
  const hostile = fc.oneof(
    hostileString,
    fc.constantFrom(null, true, 0, -1, 1e308, -0, [], [[]], [null], {}, { __proto__: 1 }, [1, 2, 3]),
    fc.jsonValue({ maxDepth: 3 }),
  );
  let shaped: fc.Arbitrary<unknown>;
  if (resolved.enum) shaped = fc.constantFrom(...resolved.enum);
  else if (resolved.type === 'string')
    shaped = fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom('Teks biasa', 'I1', 'DINKES', '2025-03-01', 'https://bukti.example/1', APPRAISER) },
      { weight: 1, arbitrary: hostileString },
    );
  else if (resolved.type === 'number' || resolved.type === 'integer')
    shaped = fc.oneof(fc.integer({ min: -10, max: 200 }), fc.double(), fc.constantFrom(1e15, 1e16, -1e16, 2025, 0.5));
  else if (resolved.type === 'boolean') shaped = fc.boolean();
  else if (resolved.type === 'array' || resolved.items)
    shaped = depth > 4 ? fc.constant([]) : fc.array(bodyValue(document, resolved.items ?? {}, depth + 1), { maxLength: 3 });
  else if (resolved.properties) {
    const properties = Object.fromEntries(Object.entries(resolved.properties).map(([name, property]) => [name, bodyValue(document, property, depth + 1)]));
    shaped = fc
      .tuple(fc.record(properties, { requiredKeys: [] }), fc.option(fc.dictionary(hostileString, hostile, { maxKeys: 2 }), { nil: undefined }))
      .map(([known, extra]) => ({ ...(extra ?? {}), ...known }));
  } else shaped = hostile;
  return fc.oneof({ weight: 15, arbitrary: shaped }, { weight: 1, arbitrary: hostile });
}

function resolve(document: OpenApiDocument, schema: Schema): Schema {
  if (schema.$ref) return resolve(document, document.components.schemas[schema.$ref.replace('#/components/schemas/', '')] ?? {});
  if (schema.allOf?.length) return schema.allOf.reduce<Schema>((merged, part) => ({ ...merged, ...resolve(document, part) }), {});
  return schema;
}

const KEEP = Symbol('keep the example as it is');

/** The raw body: the schema-shaped JSON, or bytes no parser should accept. */
function payloadOf(document: OpenApiDocument, endpoint: Endpoint, example?: Record<string, unknown>): fc.Arbitrary<string | undefined> {
  const shaped = endpoint.body ? bodyValue(document, endpoint.body).map((value) => JSON.stringify(value)) : fc.constant(undefined);
  const broken = fc.constantFrom(
    '{',
    '{"a":1,}',
    'null',
    '"text"',
    '[]',
    `{"deep":${'['.repeat(3000)}${']'.repeat(3000)}}`,
    '{"__proto__":{"admin":true}}',
    '{"constructor":{"prototype":{"x":1}}}',
    '\u0000',
    '{"a":"\\u0000"}',
    '{"a":"\\ud800"}',
    '{"goals":[[]]}',
    '{"values":[[]]}',
    '{"recommendations":[[]]}',
  );
  // A body the endpoint accepts, with one field replaced, removed or left alone: what gets past
  // the validation and reaches the deciders and the store.
  const nearlyValid = example
    ? fc
        .tuple(fc.constantFrom(...Object.keys(example), '__proto__', 'extra'), fc.oneof(fc.constant(undefined), bodyValue(document, {}), fc.constant(KEEP)))
        .map(([field, value]) => JSON.stringify(value === KEEP ? example : { ...example, [field]: value }))
    : shaped;
  return fc.oneof(
    { weight: 4, arbitrary: nearlyValid },
    { weight: 4, arbitrary: shaped },
    { weight: 2, arbitrary: broken },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
    {
      weight: 1,
      arbitrary: fc.constant(undefined),
    },
  );
}

/** Mostly absent: a request with every hostile header at once would never get past the first. */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof({ weight: 5, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });

const headerValue = fc.oneof(
  fc.constantFrom('', ' ', 'garbage', '"1"', 'W/"0"', '*', '"1", "2"', '-1', '99999999999999999999'),
  fc.stringMatching(/^[ -~]{0,40}$/),
);

/** Headers a client might send, hostile or not; values are latin-1 printable, as HTTP carries them. */
function headersOf(callers: Array<Record<string, string>>): fc.Arbitrary<Record<string, string>> {
  return fc
    .record({
      caller: fc.constantFrom(...callers),
      contentType: fc.oneof(
        { weight: 12, arbitrary: fc.constant('application/json') },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            'application/json; charset=utf-8',
            'application/json; charset=latin1',
            'application/merge-patch+json',
            'text/plain',
            'application/x-www-form-urlencoded',
            'multipart/form-data; boundary=x',
          ),
        },
      ),
      ifMatch: sometimes(headerValue),
      idempotencyKey: sometimes(fc.oneof(fc.constantFrom('k1', 'k2', 'x'.repeat(256)), fc.stringMatching(/^[!-~]{1,20}$/))),
      minPosition: sometimes(fc.constantFrom('garbage', '1', '00000000000000000000-00000000000000000000')),
      contentEncoding: sometimes(fc.constantFrom('gzip', 'br', 'identity')),
      requestId: sometimes(headerValue),
    })
    .map((parts) => ({
      ...parts.caller,
      'Content-Type': parts.contentType,
      ...(parts.ifMatch !== undefined ? { 'If-Match': parts.ifMatch } : {}),
      ...(parts.idempotencyKey !== undefined ? { 'Idempotency-Key': parts.idempotencyKey } : {}),
      ...(parts.minPosition !== undefined ? { 'X-Min-Position': parts.minPosition } : {}),
      ...(parts.contentEncoding !== undefined ? { 'Content-Encoding': parts.contentEncoding } : {}),
      ...(parts.requestId !== undefined ? { 'X-Request-Id': parts.requestId } : {}),
    }));
}

/** One request to one of `endpoints`, from one of `callers`, with hostile parts anywhere. */
export function hostileRequest(
  document: OpenApiDocument,
  endpoint: Endpoint,
  callers: Array<Record<string, string>>,
  findingId: string,
  example?: Record<string, unknown>,
): fc.Arbitrary<HostileRequest> {
  const pathValues = fc.tuple(...endpoint.pathParameters.map((name) => parameterValue(name, findingId)));
  const queryNames = [...endpoint.query.map((parameter) => parameter.name), 'limit', 'unknown'];
  const query = fc.array(
    fc.constantFrom(...queryNames).chain((name) => parameterValue(name, findingId).map((value) => [name, value] as const)),
    { maxLength: 3 },
  );
  return fc
    .record({ pathValues, query, headers: headersOf(callers), payload: payloadOf(document, endpoint, example) })
    .map(({ pathValues, query, headers, payload }) => {
      let index = 0;
      const path = endpoint.path.replace(/\{[^}]+\}/g, () => encodeSegment(pathValues[index++]));
      const search = query.map(([name, value]) => `${encodeURIComponent(name)}=${encodeSegment(value)}`).join('&');
      const sendsBody = endpoint.method !== 'GET' && payload !== undefined;
      if (!sendsBody) delete headers['Content-Type'];
      return { endpoint, method: endpoint.method, url: search ? `${path}?${search}` : path, headers, ...(sendsBody ? { payload } : {}) };
    });
}

/**
 * A request meant to pass: the real path and body of a write the fixtures know (its numbers
 * moved a little, drawn by fast-check) from the caller that write is allowed for, or a read
 * with the fixtures' own path values from a signed-in caller, with plain headers. Most hostile
 * requests are refused at the first check; these reach the deciders and the store.
 */
export function wellFormedRequest(
  endpoint: Endpoint,
  findingId: string,
  readers: Array<Record<string, string>>,
  call?: { path: string; as: Record<string, string>; body: Record<string, unknown> | undefined },
): fc.Arbitrary<HostileRequest> {
  if (endpoint.method === 'GET' || !call) {
    const real: Record<string, string> = {
      code: 'DINKES',
      year: String(YEAR),
      quarter: '1',
      period: 'Q1',
      nip: EMPLOYEE,
      id: findingId,
      no: '1',
      key: 'summary',
      streamType: 'plan',
    };
    const path = endpoint.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
      encodeSegment(name === 'id' && endpoint.path.includes('history') ? `DINKES-${YEAR}` : (real[name] ?? 'x')),
    );
    return fc.constantFrom(...readers).map((caller) => ({ endpoint, method: endpoint.method, url: path, headers: { ...caller } }));
  }
  const body = call.body;
  const payload = body ? nudgedNumbers(body).map((value) => JSON.stringify(value)) : fc.constant(undefined);
  return payload.map((text) => ({
    endpoint,
    method: endpoint.method,
    url: call.path,
    headers: { ...call.as, ...(text !== undefined ? { 'Content-Type': 'application/json' } : {}) },
    ...(text !== undefined ? { payload: text } : {}),
  }));
}

/** The value with each number replaced, now and then, by another as plausible (0 to 100). */
function nudgedNumbers(value: unknown): fc.Arbitrary<unknown> {
  if (typeof value === 'number') return fc.oneof({ weight: 3, arbitrary: fc.constant(value) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 100 }) });
  if (Array.isArray(value)) return fc.tuple(...value.map(nudgedNumbers));
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return fc
      .tuple(...entries.map(([, entry]) => nudgedNumbers(entry)))
      .map((values) => Object.fromEntries(entries.map(([key], index) => [key, values[index]])));
  }
  return fc.constant(value);
}
