import { Decider, DomainEvent } from '../shared/decider';

/**
 * given(events).when(command).then(events) | .thenThrows(check), for pure deciders:
 * `DeciderSpecification.for(decider)` once per file, then one line per rule.
 */
export const DeciderSpecification = {
  for<State, Command, Event extends DomainEvent>(decider: Decider<State, Command, Event>) {
    return (givenEvents: Event[]) => ({
      when: (command: Command) => {
        const run = () => decider.decide(command, givenEvents.reduce(decider.evolve, decider.initialState()));
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
