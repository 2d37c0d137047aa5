import { StreamQueue } from './stream-queue';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('StreamQueue', () => {
  it('runs the work of one stream one at a time, in order, past failures', async () => {
    const queue = new StreamQueue();
    const log: string[] = [];
    let running = 0;
    const work =
      (name: string, fail = false) =>
      async () => {
        running++;
        expect(running).toBe(1);
        log.push(`start ${name}`);
        await tick();
        log.push(`end ${name}`);
        running--;
        if (fail) throw new Error(name);
        return name;
      };
    const results = await Promise.allSettled([queue.run('s', work('a')), queue.run('s', work('b', true)), queue.run('s', work('c'))]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    await tick();
    expect(queue.size).toBe(0);
  });

  it('lets other streams run meanwhile', async () => {
    const queue = new StreamQueue();
    let release!: () => void;
    const blocked = queue.run('s-1', () => new Promise<void>((resolve) => (release = resolve)));
    await expect(queue.run('s-2', async () => 'other')).resolves.toBe('other');
    release();
    await blocked;
  });
});
