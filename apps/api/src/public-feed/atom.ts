import { PUBLIC_ITEM_TYPE_NAMES, publicUnitPageLink } from '@app/domain/public';
import { PublicItemRow } from '@app/read-models';

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[character]!);

/** XML 1.0 cannot carry most control characters at all, escaped or not: they are dropped. */
// eslint-disable-next-line no-control-regex
const xmlText = (text: string) => escape(text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, ''));

/** Entry ids stay the same for ever, whatever the host or path the feed is read from (RFC 4287 §4.2.6). */
export const entryId = (eventId: string) => `urn:kinerja-ledger:event:${eventId}`;

/**
 * The public feed as Atom 1.0 (RFC 4287): one entry per item, its id from the event, links
 * relative to the feed's own address. `updated` of the feed is its newest entry's instant (or
 * the epoch for an empty feed), so an unchanged feed is the same bytes and keeps its ETag.
 * A feed reader shows it to people: it is in Indonesian like the items' sentences, titled with
 * the region, each entry links the unit's portal page (the JSON or PDF it is about as `related`),
 * and its category carries a label beside the code.
 */
export function renderAtom(items: PublicItemRow[], selfLink: string, region: string): string {
  const updated = items.reduce((newest, item) => (item.occurredAt > newest ? item.occurredAt : newest), '1970-01-01T00:00:00.000Z');
  const entries = items.map(
    (item) => `  <entry>
    <id>${entryId(item.eventId)}</id>
    <title>${xmlText(item.title)}</title>
    <updated>${item.occurredAt}</updated>
    <published>${item.occurredAt}</published>
    <summary>${xmlText(item.summary)}</summary>
    <link rel="alternate" type="text/html" href="${xmlText(publicUnitPageLink(item.opdCode, item.year))}"/>
    <link rel="related" href="${xmlText(item.link)}"/>
    <category term="${item.type}" label="${xmlText(PUBLIC_ITEM_TYPE_NAMES.id[item.type as keyof typeof PUBLIC_ITEM_TYPE_NAMES.id] ?? item.type)}"/>
  </entry>
`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="id">
  <id>urn:kinerja-ledger:feed</id>
  <title>${xmlText(`Kabar kinerja ${region}`)}</title>
  <subtitle>Janji kinerja, capaian, temuan audit dan laporan perangkat daerah, langsung dari buku besar</subtitle>
  <updated>${updated}</updated>
  <author><name>kinerja-ledger</name></author>
  <link rel="self" type="application/atom+xml" href="${xmlText(selfLink)}"/>
  <link rel="alternate" type="text/html" href="/"/>
${entries.join('')}</feed>
`;
}
