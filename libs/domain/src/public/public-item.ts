/**
 * An item of the public feed (docs/api.md, Public: `{ position, occurredAt, type, opdCode, title, summary,
 * link }`), plus its `year` and `details`. Everything in it is built from the fields docs/domain.md's
 * public-feed table names for its type, one by one: a field an event carries that the table does
 * not name never reaches an item, whatever later events add.
 */
export const PUBLIC_ITEM_TYPES = [
  'PLAN_APPROVED',
  'PLAN_REVISION_APPROVED',
  'REALISATION_REPORTED',
  'REALISATION_CORRECTED',
  'LKJIP_PUBLISHED',
  'FINDING_RECORDED',
  'RECOMMENDATION_ASSESSED',
  'ZI_DECLARED',
  'ZI_PROPOSED',
  'ZI_AWARDED',
  'ZI_REVOKED',
  'COMPLAINT_VERIFIED',
  'COMPLAINT_RESPONDED',
] as const;
export type PublicItemType = (typeof PUBLIC_ITEM_TYPES)[number];

export interface PublicItem {
  type: PublicItemType;
  opdCode: string;
  year: number;
  title: string;
  summary: string;
  /** A public address: the unit's public scorecard, or the published report's PDF. */
  link: string;
  details: Record<string, unknown>;
}

export const publicScorecardLink = (opdCode: string, year: number) => `/public/v1/opds/${opdCode}/${year}`;
/** A year's Zona Integritas units, as the public reads them. */
export const publicZiLink = (year: number) => `/public/v1/zi?year=${year}`;
export const publicLkjipPdfLink = (opdCode: string, year: number) => `/public/v1/opds/${opdCode}/lkjip/${year}.pdf`;

/**
 * A unit's page on the public portal, where a person reads what an item is about: the feed's
 * `pageUrl` and the Atom entry's link. The portal serves this path (apps/api/src/portal).
 */
export const publicUnitPageLink = (opdCode: string, year: number) => `/opd/${opdCode}/${year}`;
