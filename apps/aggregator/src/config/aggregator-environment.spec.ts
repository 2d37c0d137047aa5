import { AggregatorConfigurationError, validateAggregatorEnvironment } from './aggregator-environment';

describe('the aggregator configuration', () => {
  it('parses sources, with defaults for the rest', () => {
    const environment = validateAggregatorEnvironment({ AGGREGATOR_SOURCES: 'langkat=http://10.0.0.5:3000/, deli-serdang=https://kinerja.example.go.id' });
    expect(environment.sources).toEqual([
      { name: 'langkat', baseUrl: 'http://10.0.0.5:3000' },
      { name: 'deli-serdang', baseUrl: 'https://kinerja.example.go.id' },
    ]);
    expect(environment).toMatchObject({ PORT: 3100, DATA_DIR: './data-aggregator', AGGREGATOR_PAGE_SIZE: 500 });
  });

  it.each([
    [undefined, 'AGGREGATOR_SOURCES'],
    ['', 'names no source'],
    ['langkat', 'is not name=url'],
    ['Langkat=http://a', 'is not a source name'],
    ['langkat=ftp://a', 'must be http or https'],
    ['langkat=not a url', 'is not a URL'],
    ['langkat=http://user:secret@a', 'without query, fragment or credentials'],
    ['a=http://x,a=http://y', 'a is named twice'],
  ])('refuses AGGREGATOR_SOURCES=%p, saying why', (value, why) => {
    expect(() => validateAggregatorEnvironment({ AGGREGATOR_SOURCES: value })).toThrow(AggregatorConfigurationError);
    expect(() => validateAggregatorEnvironment({ AGGREGATOR_SOURCES: value })).toThrow(why);
  });

  it('never repeats a source URL into the message', () => {
    expect(() => validateAggregatorEnvironment({ AGGREGATOR_SOURCES: 'x=http://user:hunter2@a' })).not.toThrow(/hunter2/);
  });

  it('takes AGGREGATOR_LIVE as true or false only', () => {
    expect(validateAggregatorEnvironment({ AGGREGATOR_SOURCES: 'a=http://x', AGGREGATOR_LIVE: 'false' }).AGGREGATOR_LIVE).toBe(false);
    expect(() => validateAggregatorEnvironment({ AGGREGATOR_SOURCES: 'a=http://x', AGGREGATOR_LIVE: 'yes' })).toThrow('AGGREGATOR_LIVE must be true or false');
  });

  it('names a bad number', () => {
    expect(() => validateAggregatorEnvironment({ AGGREGATOR_SOURCES: 'a=http://x', AGGREGATOR_REQUEST_TIMEOUT_MS: 'soon' })).toThrow(
      'AGGREGATOR_REQUEST_TIMEOUT_MS must be a whole number from 100 to 600000',
    );
  });
});
