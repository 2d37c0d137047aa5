import { CommonErrors, DomainError } from '../shared/domain-error';
import { Shortfall, ZiTarget } from './zi.events';

/** Everything a ZI record can refuse (the unit it names: see OpdErrors). */
export const ZiErrors = {
  alreadyDeclared: (unit: string, year: number) => CommonErrors.alreadyExists(`${unit} has already declared Zona Integritas for ${year}`),
  notDeclared: () => CommonErrors.notFound('No such Zona Integritas record'),
  invalidTransition: (stage: string, action: string) => CommonErrors.invalidTransition(`A ${stage} Zona Integritas record cannot be ${action}`),
  wbkRequired: (unit: string) =>
    new DomainError('RULE_VIOLATED', 'WBK_REQUIRED', `WBBM needs a standing WBK award of ${unit} from an earlier year (awarded and not revoked)`),
  unknownItem: (codes: string[]) => CommonErrors.invalidInput(`Not an item of the LKE template in force: ${codes.join(', ')}`),
  badAnswer: (code: string, message: string) => CommonErrors.invalidInput(`The answer to ${code} ${message}`),
  duplicateItem: (code: string) => CommonErrors.invalidInput(`Item ${code} is answered twice`),
  incomplete: (codes: string[]) =>
    new DomainError('RULE_VIOLATED', 'LKE_INCOMPLETE', `Every item must be answered; unanswered: ${codes.join(', ')}`, { items: codes }),
  noteRequired: (codes: string[]) => CommonErrors.invalidInput(`An answer that differs from the ledger's suggestion needs a note: ${codes.join(', ')}`),
  notesRequired: () => CommonErrors.invalidInput('Returning a record needs notes'),
  reasonRequired: () => CommonErrors.invalidInput('This needs a reason'),
  awardIncomplete: () => CommonErrors.invalidInput('An award needs its predikat, decree number and decree date'),
  thresholdNotMet: (target: ZiTarget, shortfalls: Shortfall[]) =>
    new DomainError(
      'RULE_VIOLATED',
      'THRESHOLD_NOT_MET',
      `The TPI scores fall short of ${target}: ${shortfalls.map((shortfall) => `${shortfall.rule} ${shortfall.actual} < ${shortfall.required}`).join(', ')}`,
      { shortfalls },
    ),
  prerequisiteNotMet: (target: ZiTarget, unmet: string[]) =>
    new DomainError('RULE_VIOLATED', 'PREREQUISITE_NOT_MET', `The regency's prerequisites for ${target} do not hold: ${unmet.join('; ')}`, { unmet }),
  duplicateActivity: (code: string) => CommonErrors.invalidInput(`Activity code ${code} appears twice`),
  unknownActivity: (code: string) => CommonErrors.notFound(`No activity ${code} in the action plan`),
  predikatIsNotTarget: (target: ZiTarget) => CommonErrors.invalidInput(`The award must be the predikat proposed (${target})`),
};
