import { publicLkjipPdfLink, publicScorecardLink, publicUnitPageLink } from '@app/domain/public';
import { Lang } from './portal-text';

/**
 * Every address the portal's pages link to or load, in one place. A page's own address keeps its
 * language (`?lang=en`; Indonesian needs none); the public API's addresses have no language.
 */

/** Only English is named in an address: a plain link, no cookie. */
const inLanguage = (lang: Lang, path: string, query?: string): string => {
  const parameters = [query, lang === 'en' ? 'lang=en' : undefined].filter((parameter) => parameter !== undefined);
  return parameters.length === 0 ? path : `${path}?${parameters.join('&')}`;
};

export const homeHref = (lang: Lang): string => inLanguage(lang, '/');
export const regencyHref = (lang: Lang, year: number): string => inLanguage(lang, '/', `year=${year}`);
export const unitHref = (lang: Lang, code: string, year: number): string => inLanguage(lang, publicUnitPageLink(code, year));

/** What the integrity head proves and how an expert checks it; the integrity box links here. */
export const ZI_PAGE_PATH = 'zi';
export const ziPageHref = (lang: Lang, year: number): string => inLanguage(lang, `/${ZI_PAGE_PATH}`, `year=${year}`);
export const INTEGRITY_PAGE_PATH = 'integritas';
export const integrityPageHref = (lang: Lang): string => inLanguage(lang, `/${INTEGRITY_PAGE_PATH}`);

/** Where a citizen files a complaint or a WBS report, or follows one (pages/lapor-page.ts). */
export const LAPOR_PAGE_PATH = 'lapor';
export const laporHref = (lang: Lang): string => inLanguage(lang, `/${LAPOR_PAGE_PATH}`);
/** The Lapor forms post here, plain HTML forms; their `lang` travels as a hidden field. */
export const LAPOR_ACTIONS = { complaint: '/lapor/pengaduan', wbs: '/lapor/wbs', follow: '/lapor/lacak', message: '/lapor/pesan' } as const;

/** The year form submits here; its `lang` travels as a hidden field. */
export const REGENCY_FORM_ACTION = '/';

export const lkjipPdfHref = publicLkjipPdfLink;

/**
 * A feed item's link on the portal: its `pageUrl` in the page's language. The script
 * (assets/portal.js) links items that arrive live the same way, appending `PAGE_LANGUAGE_QUERY`.
 */
export const feedItemHref = (lang: Lang, item: { pageUrl: string }): string => inLanguage(lang, item.pageUrl);
export const pageLanguageQuery = (lang: Lang): string => inLanguage(lang, '');

/** The document an item is about when it is one a person reads as it is: a published report's PDF. */
export const feedItemDocumentHref = (item: { link: string }): string | null => (item.link.endsWith('.pdf') ? item.link : null);

/** Where the script follows the feed live (Server-Sent Events). */
export const LIVE_FEED_HREF = '/public/v1/feed/live';

export const INTEGRITY_HEAD_HREF = '/public/v1/integrity/head';

/** The open-data files of what a page shows (docs/api.md, Public). */
export const regencyCsvHref = (year: number): string => `/public/v1/regency/${year}.csv`;
export const scorecardCsvHref = (code: string, year: number): string => `/public/v1/opds/${code}/${year}.csv`;

/** The public answers a unit's page is made of: each figure can be checked against them, and the feed and head against the log. */
export const unitSourceHrefs = (code: string, year: number): string[] => [
  publicScorecardLink(code, year),
  `/public/v1/opds/${code}/plans/${year}`,
  '/public/v1/feed',
  INTEGRITY_HEAD_HREF,
];

/** The OpenAPI document of the answers the pages are made of. */
export const API_DOCS_HREF = '/docs';

/** Where portal-assets.controller.ts serves the portal's own scripts and styles. */
export const ASSETS_PATH = 'portal/assets';
export const ASSET_HREFS = {
  styles: `/${ASSETS_PATH}/portal.css`,
  charts: `/${ASSETS_PATH}/chart.umd.min.js`,
  script: `/${ASSETS_PATH}/portal.js`,
  icon: `/${ASSETS_PATH}/favicon.svg`,
} as const;

/** The icon again where browsers ask for it unprompted. */
export const FAVICON_PATH = 'favicon.ico';
