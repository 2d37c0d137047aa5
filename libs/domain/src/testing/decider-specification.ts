import { CommandMetadata, Decider, DomainCommand, DomainEvent } from '@app/decider';

/** A command as a spec writes it: the metadata it does not name is a fixed default. */
export type SpecCommand<Command extends DomainCommand> = Command extends unknown ? Omit<Command, 'metadata'> & { metadata?: Partial<CommandMetadata> } : never;

export const specMetadata: CommandMetadata = {
  actor: { sub: 'spec-user', roles: [] },
  now: '2025-06-15T03:00:00.000Z',
  today: '2025-06-15',
};

/**
 * given(events).when(command).then(events) | .thenThrows(check), for pure deciders:
 * `DeciderSpecification.for(decider)` once per file, then one line per rule.
 */
export const DeciderSpecification = {
  for<State, Command extends DomainCommand, Event extends DomainEvent>(decider: Decider<State, Command, Event>) {
    return (givenEvents: Event[]) => ({
      when: (command: SpecCommand<Command>) => {
        const complete = { ...command, metadata: { ...specMetadata, ...command.metadata } } as Command;
        const run = () => decider.decide(complete, givenEvents.reduce(decider.evolve, decider.initialState()));
        return {
          then: (expected: Event[]) => expect(run()).toEqual(expected),
          thenThrows: (check: (error: unknown) => void) => {
            let thrown: unknown;
            try {
              run();
            } catch (error) {
              thrown = error;
            }
            expect(thrown).toBeDefined();
            check(thrown);
          },
        };
      },
    });
  },
};
