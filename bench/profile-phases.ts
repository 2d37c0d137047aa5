/**
 * A write's CPU profile grouped into the phases issue #27 asks about. Each sample's self time
 * goes to the phase of the nearest frame on its stack, from the sampled function up, that belongs
 * to one: a `JSON.stringify` called from canonical-json.ts is hashing, a pg query built inside
 * the append is the append. Work that runs after an `await` has lost its caller's frames: the
 * pg driver parsing an answer, a socket write. Those are named as what they are, not guessed.
 * The profile spans the process's life, so what ran under `require()` is set apart as start-up.
 */
interface Frame {
  functionName: string;
  url: string;
}

type Rule = [phase: string, matches: (frame: Frame) => boolean];

const inFile =
  (...parts: string[]) =>
  (frame: Frame) =>
    parts.some((part) => frame.url.includes(part));
const inFunctions = (file: string, names: RegExp) => (frame: Frame) => frame.url.includes(file) && names.test(frame.functionName);
const STORE = 'event-store/src/postgres/postgres-event-store';

/** Per frame, the first rule that matches decides; the specific ones come before the generic. */
const RULES: Rule[] = [
  [
    'hash and canonical JSON',
    inFile('event-store/src/canonical-json', 'event-store/src/hash-chain', 'event-store/src/prepare-append', 'event-store/src/append-rules'),
  ],
  ['append round trips', inFunctions(STORE, /^(appendToStream|writeBatch|callAppendFunction|announceNewEvents)$/)],
  ['append round trips', inFile('event-store/src/group-commit', 'event-store/src/stream-queue')],
  ['stream read', inFunctions(STORE, /^(readStream|readStreamRange|readWholeStream)$/)],
  ['stream read', inFile('event-store/src/stream-cache', 'event-store/src/event-codec', 'event-store/src/fold-stream', 'event-store/src/deep-freeze')],
  ['idempotency record', inFile('api/src/idempotency/', 'event-store/src/request-event-ids')],
  ['inline projections', inFunctions(STORE, /^(readAll|readAllOf|readByStream|subscribeToAll)$/)],
  ['inline projections', inFile('event-store/src/polling-subscription', 'libs/projections/', 'libs/read-models/', 'libs/public-feed/')],
  ['decision', inFile('libs/domain/', 'event-store/src/handle-command', 'api/src/commands/')],
  [
    'HTTP and validation',
    inFile('class-validator', 'class-transformer', 'fastify', 'find-my-way', '@nestjs/', 'jose', 'avvio', 'light-my-request', 'apps/api/src/', 'node:_http'),
  ],
];

/** What no rule claims, by what it is. */
function unclaimed(frame: Frame): string {
  if (frame.functionName === '(garbage collector)') return 'garbage collection';
  if (frame.functionName === '(program)') return 'V8 and Node outside JavaScript';
  if (/\/(pg|pg-protocol|pg-pool|pg-types)\//.test(frame.url)) return 'pg driver, after an await (parsing answers, any phase)';
  if (/^(writev|writeBuffer|writeUtf8String|writeLatin1String)$/.test(frame.functionName) || /^node:(net|internal\/stream)/.test(frame.url)) {
    return 'sockets, after an await (HTTP and database)';
  }
  if (frame.url.includes('/typeorm/')) return 'TypeORM, after an await (read models, idempotency record)';
  if (/^(runMicrotasks|processTicksAndRejections)$/.test(frame.functionName)) return "Node's task queues";
  return 'other';
}

export interface PhaseRow {
  phase: string;
  selfMs: number;
  share: number;
  top: Array<{ name: string; selfMs: number }>;
}

/** The parts of a V8 .cpuprofile this reads. */
export interface PhaseProfile {
  nodes: Array<{ id: number; callFrame: Frame; children?: number[] }>;
  samples: number[];
  timeDeltas: number[];
}

export function summariseByPhase(profile: PhaseProfile, topPerPhase = 5): PhaseRow[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  // The profile covers the process's whole life: what ran under require() is its start-up.
  const loading = new Map<number, boolean>();
  const loadsModules = (id: number): boolean => {
    const known = loading.get(id);
    if (known !== undefined) return known;
    const up = parent.get(id);
    const answer = byId.get(id)!.callFrame.url.startsWith('node:internal/modules/') || (up !== undefined && loadsModules(up));
    loading.set(id, answer);
    return answer;
  };
  const phaseOf = new Map<number, string>();
  const phaseOfNode = (id: number): string => {
    const known = phaseOf.get(id);
    if (known) return known;
    let phase: string | undefined = loadsModules(id) ? 'start-up: loading modules (before the load)' : undefined;
    for (let at: number | undefined = id; at !== undefined && !phase; at = parent.get(at)) {
      phase = RULES.find(([, matches]) => matches(byId.get(at!)!.callFrame))?.[0];
    }
    phase ??= unclaimed(byId.get(id)!.callFrame);
    phaseOf.set(id, phase);
    return phase;
  };
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const phases = new Map<string, { micros: number; functions: Map<string, number> }>();
  let busy = 0;
  for (const [id, micros] of self) {
    const { functionName, url } = byId.get(id)!.callFrame;
    if (functionName === '(idle)') continue;
    busy += micros;
    const phase = phaseOfNode(id);
    const entry = phases.get(phase) ?? { micros: 0, functions: new Map<string, number>() };
    const name = `${functionName || '(anonymous)'} ${url.replace(/^.*node_modules\//, '').replace(/^.*\/(apps|libs)\//, '$1/')}`.trim();
    entry.micros += micros;
    entry.functions.set(name, (entry.functions.get(name) ?? 0) + micros);
    phases.set(phase, entry);
  }
  return [...phases.entries()]
    .sort((a, b) => b[1].micros - a[1].micros)
    .map(([phase, { micros, functions }]) => ({
      phase,
      selfMs: Math.round(micros / 1000),
      share: Math.round((micros / busy) * 1000) / 10,
      top: [...functions.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, topPerPhase)
        .map(([name, fn]) => ({ name, selfMs: Math.round(fn / 1000) })),
    }));
}
