import { GiftOccasion } from './gratification.events';

/**
 * The most a gift on an occasion may be worth, per giver, to be a candidate for exemption from
 * reporting (Peraturan KPK 2/2019 as amended by 1/2026): GRATIFICATION_EXEMPTIONS. A candidate
 * is still recorded and still goes to the UPG, which decides whether to close it as exempt.
 */
export type GratificationExemptions = Partial<Record<GiftOccasion, number>>;

export const DEFAULT_GRATIFICATION_EXEMPTIONS: GratificationExemptions = { WEDDING: 1_500_000, CEREMONY: 1_500_000, COLLEAGUE: 500_000 };

export function isExemptCandidate(occasion: GiftOccasion, valueIdr: number, exemptions: GratificationExemptions): boolean {
  const limit = exemptions[occasion];
  return limit !== undefined && valueIdr <= limit;
}

/** `WEDDING:1500000,CEREMONY:1500000,COLLEAGUE:500000` to its limits; undefined for anything else. */
export function parseExemptions(setting: string, occasions: readonly string[]): GratificationExemptions | undefined {
  const limits: GratificationExemptions = {};
  for (const entry of setting.split(',')) {
    const match = /^([A-Z_]+):(\d{1,15})$/.exec(entry.trim());
    if (!match || !occasions.includes(match[1]) || match[1] in limits) return undefined;
    limits[match[1] as GiftOccasion] = Number(match[2]);
  }
  return limits;
}
