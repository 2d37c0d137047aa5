import { Actor } from './actor';

/**
 * What every command carries besides its data, the same way for every context: who asks, and
 * the one reading of the clock the decision may use (the instant and the calendar day in the
 * deployment's time zone). Deciders never read a clock of their own.
 */
export interface CommandMetadata {
  actor: Actor;
  /** ISO 8601 instant. */
  now: string;
  /** `YYYY-MM-DD` in TIME_ZONE: what due dates, quarters and lateness are counted in. */
  today: string;
}

export interface DomainCommand<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
  metadata: CommandMetadata;
}
