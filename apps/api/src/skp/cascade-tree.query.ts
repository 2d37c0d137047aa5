import { Caller } from '@app/domain';
import { mayReadSkp, SkpDocument, SkpEvaluationRecord } from '@app/domain/skp';
import { Projections } from '@app/projections';
import { planSourceKey, skpReadModel, SkpRow, skpSourceKey } from '@app/read-models';
import { subjectOf } from '@app/personal-data';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { SkpPersonalData } from './skp-personal-data';

/** One result of one SKP in the tree, and the results of other SKPs cascaded from it. */
export interface CascadeNode {
  nip: string;
  year: number;
  name: string;
  position: string;
  opdCode: string;
  status: SkpDocument['status'];
  resultCode: string;
  statement: string;
  predikat: SkpDocument['predikat'];
  latestEvaluation: SkpEvaluationRecord | null;
  children: CascadeNode[];
  erased?: true;
}

/** Deep enough for any hierarchy of a regency (head, echelon III, IV, staff) many times over. */
const MAX_DEPTH = 12;

/**
 * Which SKPs serve a plan indicator: the results cascaded from it, then the results cascaded
 * from those, level by level, each level one query on the register's cascade columns. Only the
 * SKPs of the plan's year count, as an SKP cascades within its year. A result already in the
 * tree is not followed again, so a cycle of links ends. The nodes the caller may not read are
 * left out with what hangs below them (docs/domain.md, Privacy).
 */
export class CascadeTreeQuery extends Query<CascadeNode[]> {
  constructor(
    readonly opdCode: string,
    readonly year: number,
    readonly indicatorCode: string,
    readonly caller: Caller,
  ) {
    super();
  }
}

@QueryHandler(CascadeTreeQuery)
export class CascadeTreeHandler implements IQueryHandler<CascadeTreeQuery> {
  constructor(
    private readonly projections: Projections,
    private readonly personal: SkpPersonalData,
  ) {}

  /**
   * The rows name subjects and hold sealed documents: links are followed on subject ids, and
   * each document is opened (the caller's right to read it judged on the opened one) before
   * it becomes a node. Siblings are in NIP order, as before sealing.
   */
  async execute({ opdCode, year, indicatorCode, caller }: CascadeTreeQuery): Promise<CascadeNode[]> {
    const reader = await this.projections.reader(skpReadModel);
    const opened = async (rows: SkpRow[]) =>
      (await Promise.all(rows.map(async (row) => ({ subject: row.subject, sealed: row.document, document: await this.personal.open(row.document) })))).sort(
        (a, b) => compareNip(a.document.nip, b.document.nip),
      );
    const source = planSourceKey(opdCode, year, indicatorCode);
    const subjects = new Map<CascadeNode, string>();
    const roots = (
      await opened(await reader.createQueryBuilder('skp').where('skp.year = :year', { year }).andWhere(':source = ANY(skp.planSources)', { source }).getMany())
    ).flatMap(({ subject, document }) => {
      const nodes = nodesOf(
        document,
        (from) => from.kind === 'PLAN_INDICATOR' && planSourceKey(from.opdCode, from.year, from.indicatorCode) === source,
        caller,
      );
      for (const node of nodes) subjects.set(node, subject);
      return nodes;
    });
    const seen = new Set(roots.map((node) => skpSourceKey(subjects.get(node)!, node.resultCode)));
    let frontier = roots;
    for (let depth = 1; depth < MAX_DEPTH && frontier.length > 0; depth++) {
      const parents = new Map(frontier.map((node) => [skpSourceKey(subjects.get(node)!, node.resultCode), node]));
      const rows = await opened(
        await reader
          .createQueryBuilder('skp')
          .where('skp.year = :year', { year })
          .andWhere('skp.skpSources && ARRAY[:...keys]::text[]', { keys: [...parents.keys()] })
          .getMany(),
      );
      const next: CascadeNode[] = [];
      for (const { subject, sealed, document } of rows) {
        document.results.forEach((result, index) => {
          const from = result.cascadedFrom;
          const sealedFrom = sealed.results[index]?.cascadedFrom;
          const parent = sealedFrom?.kind === 'SKP_RESULT' ? parents.get(skpSourceKey(subjectOf(sealedFrom.nip), sealedFrom.resultCode)) : undefined;
          const key = skpSourceKey(subject, result.code);
          if (!parent || seen.has(key)) return;
          seen.add(key);
          const [child] = nodesOf(document, (candidate) => candidate === from, caller);
          if (!child) return;
          subjects.set(child, subject);
          parent.children.push(child);
          next.push(child);
        });
      }
      frontier = next;
    }
    return roots;
  }
}

/** NIP order; an erased employee (no NIP) after every NIP. */
const compareNip = (a: string | null, b: string | null) => (a ?? '~').localeCompare(b ?? '~');

function nodesOf(
  document: SkpDocument & { erased?: true },
  servesParent: (from: SkpDocument['results'][number]['cascadedFrom']) => boolean,
  caller: Caller,
): CascadeNode[] {
  if (!mayReadSkp(caller, document)) return [];
  const { nip, year, name, position, opdCode, status, predikat, latestEvaluation } = document;
  return document.results
    .filter((result) => servesParent(result.cascadedFrom))
    .map((result) => ({
      nip,
      year,
      name,
      position,
      opdCode,
      status,
      resultCode: result.code,
      statement: result.statement,
      predikat,
      latestEvaluation,
      children: [],
      ...(document.erased ? { erased: true as const } : {}),
    }));
}
