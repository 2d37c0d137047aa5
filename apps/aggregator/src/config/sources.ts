/** One regency ledger the aggregator follows: a short name of its own and the ledger's base URL. */
export interface Source {
  name: string;
  baseUrl: string;
}

/** Names become part of URLs and log lines: kept to letters, digits and dashes. */
const NAME = /^[a-z0-9][a-z0-9-]{0,39}$/;

/**
 * `AGGREGATOR_SOURCES`: `name=url` pairs separated by commas
 * (`langkat=http://10.0.0.5:3000,deli-serdang=https://kinerja.deliserdangkab.go.id`).
 * Answers the sources, or the first thing wrong with the setting.
 */
export function parseSources(setting: string): Source[] | string {
  const sources: Source[] = [];
  for (const pair of setting
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const equals = pair.indexOf('=');
    if (equals < 1) return `"${pair.slice(0, 60)}" is not name=url`;
    const name = pair.slice(0, equals).trim();
    const url = pair.slice(equals + 1).trim();
    if (!NAME.test(name)) return `"${name.slice(0, 60)}" is not a source name (lower-case letters, digits and dashes, at most 40)`;
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return `the URL of ${name} is not a URL`;
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return `the URL of ${name} must be http or https`;
    if (parsed.search || parsed.hash || parsed.username || parsed.password)
      return `the URL of ${name} must be a base URL without query, fragment or credentials`;
    if (sources.some((source) => source.name === name)) return `${name} is named twice`;
    sources.push({ name, baseUrl: parsed.toString().replace(/\/+$/, '') });
  }
  if (sources.length === 0) return 'names no source';
  return sources;
}
