import { CommonErrors, DomainError } from '../shared/domain-error';

/** Everything the OPD registry refuses, and the refusals other contexts make about a unit. */
export const OpdErrors = {
  alreadyRegistered: (code: string) => CommonErrors.alreadyExists(`OPD ${code} is already registered`),
  notRegistered: () => CommonErrors.notFound('No such OPD'),
  dissolved: (code: string) => CommonErrors.invalidTransition(`OPD ${code} is dissolved`),
  unknownParent: (code: string) => new DomainError('RULE_VIOLATED', 'UNKNOWN_PARENT', `The parent OPD ${code} does not exist`),
  parentDissolved: (code: string) => new DomainError('RULE_VIOLATED', 'PARENT_DISSOLVED', `The parent OPD ${code} is dissolved`),
  selfSuccession: () => new DomainError('RULE_VIOLATED', 'INVALID_SUCCESSOR', 'An OPD cannot succeed itself'),
  unknownSuccessor: (code: string) => new DomainError('RULE_VIOLATED', 'UNKNOWN_SUCCESSOR', `The successor OPD ${code} does not exist`),
  successorDissolved: (code: string) => new DomainError('RULE_VIOLATED', 'SUCCESSOR_DISSOLVED', `The successor OPD ${code} is dissolved`),
  /** A plan or a finding names a unit that is not registered. */
  unknownOpd: (code: string) => new DomainError('RULE_VIOLATED', 'UNKNOWN_OPD', `No OPD ${code}`),
  /** A plan or a finding names a unit that no longer exists. */
  opdDissolved: (code: string) => new DomainError('RULE_VIOLATED', 'OPD_DISSOLVED', `OPD ${code} is dissolved`),
};
