import { ReadCache } from './read-cache';

describe('the read cache', () => {
  let now = 0;
  const cache = (maxBytes = 1024 * 1024) => {
    const created = new ReadCache(maxBytes, 1000, () => now);
    created.observe([]);
    return created;
  };
  const loads = (values: unknown[]) => {
    const calls: number[] = [];
    return {
      calls,
      load: () => {
        calls.push(calls.length);
        return Promise.resolve(values[Math.min(calls.length - 1, values.length - 1)]);
      },
    };
  };
  beforeEach(() => (now = 0));

  it('answers a key again from memory until its projection moves', async () => {
    const read = cache();
    const source = loads([{ count: 1 }, { count: 2 }]);
    expect(await read.get('tally', 'k', source.load)).toEqual({ count: 1 });
    expect(await read.get('tally', 'k', source.load)).toEqual({ count: 1 });
    expect(source.calls).toHaveLength(1);

    read.invalidate('tally');
    expect(await read.get('tally', 'k', source.load)).toEqual({ count: 2 });
    expect(read.statistics()).toMatchObject({ hits: 1, misses: 2, entries: 1 });
  });

  it('keeps what another projection moving does not touch', async () => {
    const read = cache();
    const source = loads([{ count: 1 }]);
    await read.get('tally', 'k', source.load);
    read.invalidate('ledger');
    await read.get('tally', 'k', source.load);
    expect(source.calls).toHaveLength(1);
  });

  it('does not keep a value read while its projection moved: it may be from before the move', async () => {
    const read = cache();
    let release!: () => void;
    const slow = () => new Promise<{ count: number }>((resolve) => (release = () => resolve({ count: 1 })));
    const reading = read.get('tally', 'k', slow);
    read.invalidate('tally');
    release();
    expect(await reading).toEqual({ count: 1 });
    const source = loads([{ count: 2 }]);
    expect(await read.get('tally', 'k', source.load)).toEqual({ count: 2 });
  });

  it('moves a projection when the checkpoint read for it changed, and only then', async () => {
    const read = cache();
    const source = loads([{ count: 1 }, { count: 2 }]);
    read.observe([{ name: 'tally', checkpoint: 'a:1' }]);
    await read.get('tally', 'k', source.load);
    read.observe([{ name: 'tally', checkpoint: 'a:1' }]);
    await read.get('tally', 'k', source.load);
    expect(source.calls).toHaveLength(1);

    read.observe([{ name: 'tally', checkpoint: 'b:1' }]);
    expect(await read.get('tally', 'k', source.load)).toEqual({ count: 2 });
  });

  it('stops answering from memory when the checkpoints have not been read for a while', async () => {
    const read = cache();
    const source = loads([{ count: 1 }, { count: 2 }]);
    await read.get('tally', 'k', source.load);
    now = 1001;
    expect(await read.get('tally', 'k', source.load)).toEqual({ count: 2 });
    read.observe([]);
    expect(await read.get('tally', 'k', source.load)).toEqual({ count: 2 });
    expect(source.calls).toHaveLength(2);
  });

  it('holds no more than its bound, dropping the least recently used first', async () => {
    const read = cache(300);
    const value = { text: 'x'.repeat(80) };
    for (const key of ['k1', 'k2', 'k3']) await read.get('tally', key, () => Promise.resolve(value));
    await read.get('tally', 'k1', () => Promise.resolve(value));
    await read.get('tally', 'k4', () => Promise.resolve(value));
    expect(read.statistics().bytes).toBeLessThanOrEqual(300);
    const reloaded: string[] = [];
    for (const key of ['k1', 'k2', 'k4'])
      await read.get('tally', key, () => {
        reloaded.push(key);
        return Promise.resolve(value);
      });
    expect(reloaded).toEqual(['k2']);
  });

  it('freezes what it keeps, so that no reader can change the next one its answer', async () => {
    const read = cache();
    const row = await read.get('tally', 'k', () => Promise.resolve({ counts: [1, 2], nested: { count: 1 } }));
    expect(() => (row.nested.count = 2)).toThrow(TypeError);
    expect(() => row.counts.push(3)).toThrow(TypeError);
  });

  it('keeps nothing with a bound of 0', async () => {
    const read = new ReadCache(0, 1000, () => now);
    const source = loads([{ count: 1 }]);
    await read.get('tally', 'k', source.load);
    await read.get('tally', 'k', source.load);
    expect(source.calls).toHaveLength(2);
    expect(read.enabled).toBe(false);
  });
});
