/** A domain event as the decider sees it: a stable type name and plain data. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
}

/**
 * A pure aggregate: `decide` turns a command and the current state into new events (or throws
 * a DomainError); `evolve` folds an event into the state. No clock, no I/O: time and lookups
 * arrive inside the command.
 */
export interface Decider<State, Command, Event extends DomainEvent> {
  initialState(): State;
  evolve(state: State, event: Event): State;
  decide(command: Command, state: State): Event[];
}
