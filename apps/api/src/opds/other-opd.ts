import { opdDecider, OtherOpd, opdStream } from '@app/domain/opd';
import { EventStore } from '@app/event-store';

/** Another unit's status, folded from its own stream: the I/O a decision needs, done before it. */
export async function otherOpd(store: EventStore, code: string): Promise<OtherOpd> {
  const events = await store.readStream(opdStream(code));
  const state = events.reduce((current, event) => opdDecider.evolve(current, event as never), opdDecider.initialState());
  return { code, status: state.status };
}
