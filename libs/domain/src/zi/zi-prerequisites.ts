import { Decider, DomainCommand, unreachable } from '@app/decider';
import { ZiTarget } from './zi.events';

/**
 * What the regency must hold in a year before it may propose a unit (docs/domain.md, ZI 8): the
 * BPK opinion on its accounts, its SAKIP grade and its Indeks RB grade, recorded by the admin,
 * one stream per year. A later record replaces the earlier one (an opinion is issued in the year).
 */
export const BPK_OPINIONS = ['WTP', 'WDP', 'TW', 'TMP'] as const;
export type BpkOpinion = (typeof BPK_OPINIONS)[number];

/** Best first, so that "at least B" is an index comparison. */
export const GRADES = ['AA', 'A', 'BB', 'B', 'CC', 'C', 'D'] as const;
export type Grade = (typeof GRADES)[number];

export interface ZiPrerequisites {
  bpkOpinion: BpkOpinion;
  sakipGrade: Grade;
  indeksRbGrade: Grade;
}

export interface PrerequisiteRule {
  bpkOpinion: BpkOpinion;
  minimumSakip: Grade;
  minimumIndeksRb: Grade;
}

export const DEFAULT_PREREQUISITE_RULES: Record<ZiTarget, PrerequisiteRule> = {
  WBK: { bpkOpinion: 'WTP', minimumSakip: 'B', minimumIndeksRb: 'CC' },
  WBBM: { bpkOpinion: 'WTP', minimumSakip: 'BB', minimumIndeksRb: 'B' },
};

const atLeast = (grade: Grade, minimum: Grade) => GRADES.indexOf(grade) <= GRADES.indexOf(minimum);

/** Each prerequisite the year's record does not meet for the target, in words; empty when all hold. */
export function unmetPrerequisites(held: ZiPrerequisites | null, rule: PrerequisiteRule, year: number): string[] {
  if (!held) return [`no prerequisites are recorded for ${year}`];
  const unmet: string[] = [];
  if (held.bpkOpinion !== rule.bpkOpinion) unmet.push(`BPK opinion ${held.bpkOpinion}, ${rule.bpkOpinion} needed`);
  if (!atLeast(held.sakipGrade, rule.minimumSakip)) unmet.push(`SAKIP ${held.sakipGrade}, at least ${rule.minimumSakip} needed`);
  if (!atLeast(held.indeksRbGrade, rule.minimumIndeksRb)) unmet.push(`Indeks RB ${held.indeksRbGrade}, at least ${rule.minimumIndeksRb} needed`);
  return unmet;
}

export type ZiPrerequisitesRecorded = { type: 'ZiPrerequisitesRecorded'; data: ZiPrerequisites & { year: number } };
export type ZiPrerequisitesEvent = ZiPrerequisitesRecorded;
export type ZiPrerequisitesCommand = DomainCommand<'RecordZiPrerequisites', ZiPrerequisites & { year: number }>;
export type ZiPrerequisitesState = ZiPrerequisites | null;

export const ziPrerequisitesStream = (year: number) => `zi-prerequisites-${year}`;

export const ziPrerequisitesDecider: Decider<ZiPrerequisitesState, ZiPrerequisitesCommand, ZiPrerequisitesEvent> = {
  initialState: () => null,
  evolve: (_state, event) => ({ bpkOpinion: event.data.bpkOpinion, sakipGrade: event.data.sakipGrade, indeksRbGrade: event.data.indeksRbGrade }),
  decide: (command, state) => {
    switch (command.type) {
      case 'RecordZiPrerequisites': {
        const { year, bpkOpinion, sakipGrade, indeksRbGrade } = command.data;
        // The same record again changes nothing, so nothing is recorded.
        if (state && state.bpkOpinion === bpkOpinion && state.sakipGrade === sakipGrade && state.indeksRbGrade === indeksRbGrade) return [];
        return [{ type: 'ZiPrerequisitesRecorded', data: { year, bpkOpinion, sakipGrade, indeksRbGrade } }];
      }
      default:
        return unreachable(command.type);
    }
  },
};
