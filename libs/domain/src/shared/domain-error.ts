/**
 * A rule of the domain refused a command. `kind` decides the HTTP status at the edge (see
 * docs/api.md's error table); `code` is the stable, documented code clients match on. Each
 * context lists what it can refuse in its own `*.errors.ts`; the refusals every context shares
 * are here, so that each code is spelled once.
 */
export type DomainErrorKind = 'VALIDATION' | 'NOT_FOUND' | 'ALREADY_EXISTS' | 'RULE_VIOLATED';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    message: string,
    /** Members the problem answer carries besides the message (the items LKE_INCOMPLETE names …). */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const CommonErrors = {
  /** Input that passed the shape checks but breaks a rule spanning several fields. */
  invalidInput: (message: string) => new DomainError('VALIDATION', 'VALIDATION_FAILED', message),
  notFound: (message: string) => new DomainError('NOT_FOUND', 'NOT_FOUND', message),
  alreadyExists: (message: string) => new DomainError('ALREADY_EXISTS', 'ALREADY_EXISTS', message),
  /** The thing is in a state where this command has no meaning. */
  invalidTransition: (message: string) => new DomainError('RULE_VIOLATED', 'INVALID_TRANSITION', message),
  /** A realisation names an indicator the agreed plan or SKP does not have. */
  unknownIndicator: (message: string) => new DomainError('RULE_VIOLATED', 'UNKNOWN_INDICATOR', message),
};
