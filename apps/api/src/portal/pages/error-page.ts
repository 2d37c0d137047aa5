import { markup } from '../markup';
import { homeHref } from '../portal-links';
import { Lang, otherLang, textFor } from '../portal-text';
import { page } from './layout';

export interface ErrorPageData {
  lang: Lang;
  region: string;
  status: number;
  /** The address asked for, with no language: retried as it is, offered in the other language. */
  path: string;
}

const withLang = (lang: Lang, path: string): string => {
  const url = new URL(path, 'http://portal');
  if (lang === 'en') url.searchParams.set('lang', 'en');
  else url.searchParams.delete('lang');
  return `${url.pathname}${url.search}`;
};

/**
 * What a person sees instead of a problem document: a 4xx is "not here" (a unit, a year or a
 * page the portal does not have), a 5xx is ours; both say so in words and lead back to the ranking.
 */
export function errorPage({ lang, region, status, path }: ErrorPageData): string {
  const text = textFor(lang);
  const ours = status >= 500;
  const title = ours ? text.serverErrorTitle : text.notFoundTitle;
  const main = markup`<section class="error" aria-labelledby="error-title">
    <h1 id="error-title">${title}</h1>
    <p class="lead">${ours ? text.serverErrorLead : text.notFoundLead}</p>
    <ul class="ways-back">
      <li><a href="${homeHref(lang)}">${text.toRanking}</a></li>
      ${ours ? markup`<li><a href="${withLang(lang, path)}">${text.tryAgain}</a></li>` : ''}
    </ul>
    <p class="note">${text.errorCode(status)}</p>
  </section>`;
  return page({ lang, region, title, otherLanguageHref: withLang(otherLang(lang), path), main });
}
