import { RecordedEvent } from './event-store';
import { StreamCache } from './stream-cache';

const stream = (count: number, bytesEach = 100) => ({
  events: Array.from({ length: count }, (_, revision) => ({ revision }) as RecordedEvent),
  bytes: count * bytesEach,
});

describe('StreamCache', () => {
  it('keeps streams up to a total size in bytes, dropping the least recently used first', () => {
    const cache = new StreamCache(1000);
    cache.set('a-1', stream(4));
    cache.set('b-1', stream(4));
    cache.get('a-1');
    cache.set('c-1', stream(4));
    expect(cache.get('a-1')?.events).toHaveLength(4);
    expect(cache.get('b-1')).toBeUndefined();
    expect(cache.get('c-1')?.events).toHaveLength(4);
  });

  it('counts a grown stream once', () => {
    const cache = new StreamCache(1000);
    cache.set('a-1', stream(4));
    cache.set('a-1', stream(8));
    cache.set('b-1', stream(2));
    expect(cache.get('a-1')?.events).toHaveLength(8);
    expect(cache.get('b-1')?.events).toHaveLength(2);
    expect(cache.statistics()).toMatchObject({ streams: 2, bytes: 1000 });
  });

  it('keeps nothing when disabled or when one stream is larger than the whole cache', () => {
    const disabled = new StreamCache(0);
    disabled.set('a-1', stream(1));
    expect(disabled.get('a-1')).toBeUndefined();
    const small = new StreamCache(300);
    small.set('a-1', stream(4));
    expect(small.get('a-1')).toBeUndefined();
  });

  it('counts hits and misses, for the hit-rate metric', () => {
    const cache = new StreamCache(1000);
    cache.get('a-1');
    cache.set('a-1', stream(1));
    cache.get('a-1');
    cache.get('a-1');
    expect(cache.statistics()).toMatchObject({ hits: 2, misses: 1, streams: 1, bytes: 100, maxBytes: 1000 });
  });
});
