import { Environment } from '@app/config';
import { Scorecard } from '@app/domain/dashboard';
import { PlanViewSettings, quartersReportedOnTime } from '@app/domain/plan';
import { capaianLetter, LedgerReading } from '@app/domain/zi';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ScorecardQuery } from '../dashboards';
import { PlanAsRecorded, PlanDocumentQuery, planViewSettingsFrom } from '../plans';
import { LedgerSources } from './ledger-sources';
import { ZiAddress } from './zi-address';

/**
 * The sources the ledger already answers, all from the unit's OPD scorecards (a service unit is
 * answered for by its OPD, whose plan, SKPs, report and findings it shares); REALISATION_ON_TIME
 * from the plan as recorded, which keeps when each quarter was reported.
 */
@Injectable()
export class BuiltInLedgerSources implements OnModuleInit {
  private readonly planSettings: PlanViewSettings;

  constructor(
    private readonly sources: LedgerSources,
    private readonly queries: QueryBus,
    environment: Environment,
  ) {
    this.planSettings = planViewSettingsFrom(environment);
  }

  onModuleInit(): void {
    const dashboard = ({ opdCode, year }: { opdCode: string; year: number }) => `/api/v1/dashboards/opds/${opdCode}/${year}`;
    const source = (
      name: string,
      read: (address: ZiAddress, scorecard: (opdCode: string, year: number) => Promise<Scorecard | null>) => Promise<LedgerReading | null>,
    ) =>
      this.sources.register({
        name,
        read: (address, today, once) =>
          read(address, (opdCode, year) => once(`scorecard:${opdCode}:${year}`, () => this.queries.execute(new ScorecardQuery(opdCode, year, today)))),
      });

    source('PLAN_APPROVED', async ({ opdCode, year }, scorecard) => {
      const card = await scorecard(opdCode, year);
      if (!card) return null;
      const approved = card.plan.effectiveVersion !== null;
      return {
        figure: { kind: 'SHARE', numerator: approved ? 1 : 0, denominator: 1 },
        links: [`/api/v1/opds/${opdCode}/plans/${year}`],
        basis: approved ? `plan ${year} approved (version ${card.plan.effectiveVersion})` : `no approved plan for ${year}`,
      };
    });
    this.sources.register({
      name: 'REALISATION_ON_TIME',
      read: async ({ opdCode, year }, today, once) => {
        const { document }: PlanAsRecorded = await once(`plan:${opdCode}:${year}`, () => this.queries.execute(new PlanDocumentQuery(opdCode, year)));
        if (!document) return null;
        const { due, onTime } = quartersReportedOnTime(document, today, this.planSettings);
        if (due === 0) return null;
        return {
          figure: { kind: 'SHARE', numerator: onTime, denominator: due },
          links: [`/api/v1/opds/${opdCode}/plans/${year}`],
          basis: `${onTime} of the ${due} quarters due by ${today} reported within ${this.planSettings.reportDueDays} days of their end`,
        };
      },
    });
    source('LKJIP_ON_TIME', async ({ opdCode, year }, scorecard) => {
      const card = await scorecard(opdCode, year - 1);
      if (!card) return null;
      const onTime = card.lkjip.status !== null && card.lkjip.status !== 'DRAFT' && !card.lkjip.late;
      return {
        figure: { kind: 'SHARE', numerator: onTime ? 1 : 0, denominator: 1 },
        links: [`/api/v1/opds/${opdCode}/lkjip/${year - 1}`],
        basis: onTime ? `LKjIP ${year - 1} submitted by ${card.lkjip.dueDate}` : `LKjIP ${year - 1} not submitted by ${card.lkjip.dueDate}`,
      };
    });
    source('SKP_COVERAGE', async ({ opdCode, year }, scorecard) => {
      const card = await scorecard(opdCode, year);
      if (!card || card.skp.total === 0) return null;
      return {
        figure: { kind: 'SHARE', numerator: card.skp.agreed, denominator: card.skp.total },
        links: [dashboard({ opdCode, year }), `/api/v1/opds/${opdCode}/skp?year=${year}`],
        basis: `${card.skp.agreed} of ${card.skp.total} SKPs agreed`,
      };
    });
    source('FINDINGS_FOLLOW_UP', async ({ opdCode, year }, scorecard) => {
      const card = await scorecard(opdCode, year);
      if (!card || card.findings.recommendations === 0) return null;
      return {
        figure: { kind: 'SHARE', numerator: card.findings.byStatus.SESUAI, denominator: card.findings.recommendations },
        links: [dashboard({ opdCode, year }), `/api/v1/audit-findings?opd=${opdCode}&year=${year}`],
        basis: `${card.findings.byStatus.SESUAI} of ${card.findings.recommendations} recommendations followed up (SESUAI)`,
      };
    });
    source('CAPAIAN_KINERJA', async ({ opdCode, year }, scorecard) => {
      const [card, last] = await Promise.all([scorecard(opdCode, year), scorecard(opdCode, year - 1)]);
      const achievement = card?.plan.achievement ?? null;
      if (achievement === null) return null;
      const lastYear = last?.plan.achievement ?? null;
      return {
        figure: { kind: 'LETTER', letter: capaianLetter(achievement, lastYear) },
        links: [`/api/v1/opds/${opdCode}/plans/${year}`, ...(lastYear === null ? [] : [`/api/v1/opds/${opdCode}/plans/${year - 1}`])],
        basis: `plan achievement ${achievement}${lastYear === null ? '' : `, ${lastYear} the year before`}`,
      };
    });
  }
}
