import { Decider, DomainCommand, DomainEvent } from '@app/decider';
import { EventCodec } from '@app/event-store';

/**
 * Where a write lands: one stream and its decider, the id the answer names, and what the
 * slice's policy judges. Each slice builds its targets from its address (`planTarget`,
 * `skpTarget` …), so a write endpoint reads: address → target and policy → one decision.
 */
export interface WriteTarget<State, C extends DomainCommand, E extends DomainEvent, Subject> {
  stream: string;
  decider: Decider<State, C, E>;
  /** The resource id every write answers with (docs/api.md, Writes). */
  id: string;
  /** How the stream's events are stored when they hold personal data (sealed under their subjects' keys). */
  codec?: EventCodec;
  /** Where the resource a creating write made can be read. */
  location?: string;
  /**
   * What the policy judges, taken from the state the decision is made on, so that the stream
   * is read once; throws the 404 when there is nothing to act on.
   */
  subject(state: State): Subject;
}
