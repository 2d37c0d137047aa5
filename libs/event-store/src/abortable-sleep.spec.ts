import { getEventListeners } from 'node:events';
import { abortableSleep } from './abortable-sleep';

describe('abortableSleep', () => {
  it('leaves no listener on the signal once it has slept', async () => {
    const controller = new AbortController();
    for (let i = 0; i < 20; i++) await abortableSleep(1, controller.signal);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('wakes when the signal aborts, and at once when it already has', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const sleeping = abortableSleep(60_000, controller.signal);
    controller.abort();
    await sleeping;
    await abortableSleep(60_000, controller.signal);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
