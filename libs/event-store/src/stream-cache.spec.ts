import { RecordedEvent } from './event-store';
import { StreamCache } from './stream-cache';

const events = (count: number) => Array.from({ length: count }, (_, revision) => ({ revision }) as RecordedEvent);

describe('StreamCache', () => {
  it('keeps streams up to a total number of events, dropping the least recently used first', () => {
    const cache = new StreamCache(10);
    cache.set('a-1', events(4));
    cache.set('b-1', events(4));
    cache.get('a-1');
    cache.set('c-1', events(4));
    expect(cache.get('a-1')).toHaveLength(4);
    expect(cache.get('b-1')).toBeUndefined();
    expect(cache.get('c-1')).toHaveLength(4);
  });

  it('counts a grown stream once', () => {
    const cache = new StreamCache(10);
    cache.set('a-1', events(4));
    cache.set('a-1', events(8));
    cache.set('b-1', events(2));
    expect(cache.get('a-1')).toHaveLength(8);
    expect(cache.get('b-1')).toHaveLength(2);
  });

  it('keeps nothing when disabled or when one stream is larger than the whole cache', () => {
    const disabled = new StreamCache(0);
    disabled.set('a-1', events(1));
    expect(disabled.get('a-1')).toBeUndefined();
    const small = new StreamCache(3);
    small.set('a-1', events(4));
    expect(small.get('a-1')).toBeUndefined();
  });
});
