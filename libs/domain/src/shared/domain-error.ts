/**
 * A rule of the domain refused a command. `kind` decides the HTTP status at the edge (see
 * API.md's error table); `code` is the stable, documented code clients match on.
 */
export type DomainErrorKind = 'VALIDATION' | 'NOT_FOUND' | 'ALREADY_EXISTS' | 'RULE_VIOLATED';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
