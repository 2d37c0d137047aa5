import { DomainCommand } from './command';

/** A domain event as the decider sees it: a stable type name and plain data. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
}

/**
 * A pure aggregate: `decide` turns a command and the current state into new events (or throws
 * a DomainError); `evolve` folds an event into the state. No clock, no I/O: time comes in the
 * command's metadata, lookups in its data.
 */
export interface Decider<State, Command extends DomainCommand, Event extends DomainEvent> {
  initialState(): State;
  evolve(state: State, event: Event): State;
  decide(command: Command, state: State): Event[];
}

/**
 * Every event type of a context, from a record keyed by its union: adding a type to the union
 * without listing it here fails to compile, and so does listing one that is not in it.
 */
export function eventTypes<Event extends DomainEvent>(types: { [Type in Event['type']]: true }): ReadonlyArray<Event['type']> {
  return Object.keys(types) as Array<Event['type']>;
}

/** The `default:` of an exhaustive switch: reached only by a value the union does not have. */
export function unreachable(value: never): never {
  throw new Error(`Unexpected ${JSON.stringify(value)}`);
}
