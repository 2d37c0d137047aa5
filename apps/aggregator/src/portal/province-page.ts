import { RankingRow } from '../public/ranking';
import { SourceView } from '../public/source-views';
import { markup, SafeHtml } from './markup';
import { Lang, PORTAL_TEXT } from './portal-text';

export interface ProvincePageData {
  lang: Lang;
  year: number;
  ranking: RankingRow[];
  sources: SourceView[];
}

/** The regency portal's classes (its stylesheet is served as is): a broken source wears the lowest band's colour. */
const STATE_CLASS = { UNVERIFIED: 'band-none', CONSISTENT: 'band-0', INTEGRITY_BROKEN: 'band-4' } as const;

const percent = (lang: Lang, value: number | null) =>
  value === null ? PORTAL_TEXT[lang].none : `${new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 2 }).format(value)}%`;

const stateBadge = (lang: Lang, state: SourceView['integrity']['state']) =>
  markup`<span class="badge ${STATE_CLASS[state]}">${PORTAL_TEXT[lang].states[state]}</span>`;

const href = (lang: Lang, year: number) => (lang === 'en' ? `/?year=${year}&lang=en` : `/?year=${year}`);

function rankingTable(data: ProvincePageData): SafeHtml {
  const text = PORTAL_TEXT[data.lang];
  const rows = data.ranking.map(
    (row) => markup`<tr data-source="${row.source}">
      <td class="num">${row.rank}</td>
      <th scope="row">${row.source}</th>
      <td>${stateBadge(data.lang, row.integrity)}</td>
      <td class="num">${row.units}</td>
      <td class="num">${percent(data.lang, row.planAchievement)}</td>
      <td class="num">${row.lkjip.published}/${row.lkjip.of}</td>
      <td class="num">${percent(data.lang, row.auditFollowUp.rate)}</td>
      <td class="num">${row.zi.wbk} · ${row.zi.wbbm} / ${row.zi.declared}</td>
    </tr>`,
  );
  return markup`<div class="table-wrap" tabindex="0" role="region" aria-labelledby="ranking-caption"><table id="ranking">
    <caption id="ranking-caption">${text.rankingCaption}</caption>
    <thead><tr>
      <th scope="col">${text.rank}</th><th scope="col">${text.source}</th><th scope="col">${text.integrity}</th>
      <th scope="col">${text.units}</th><th scope="col">${text.achievement}</th><th scope="col">${text.lkjip}</th><th scope="col">${text.followUp}</th>
      <th scope="col">${text.zi}</th>
    </tr></thead>
    <tbody>${rows}</tbody>
  </table></div>`;
}

function sourcesTable(data: ProvincePageData): SafeHtml {
  const text = PORTAL_TEXT[data.lang];
  const rows = data.sources.map((source) => {
    const evidence = source.integrity.evidence as { reason?: string } | null;
    return markup`<tr data-source="${source.name}">
      <th scope="row">${source.name}</th>
      <td>${stateBadge(data.lang, source.integrity.state)}${
        evidence?.reason
          ? markup`<br /><span class="late">${text.evidence}: ${evidence.reason}${source.integrity.brokenAt ? ` (${source.integrity.brokenAt})` : ''}</span>`
          : ''
      }</td>
      <td class="num">${source.items}</td>
      <td>${source.freshness.lagSeconds === null ? text.never : text.secondsAgo(source.freshness.lagSeconds)}</td>
      <td>${source.freshness.lastError ?? text.none}</td>
    </tr>`;
  });
  return markup`<div class="table-wrap" tabindex="0" role="region" aria-labelledby="sources-caption"><table id="sources">
    <caption id="sources-caption">${text.sourcesCaption}</caption>
    <thead><tr>
      <th scope="col">${text.source}</th><th scope="col">${text.integrity}</th><th scope="col">${text.items}</th>
      <th scope="col">${text.freshness}</th><th scope="col">${text.lastError}</th>
    </tr></thead>
    <tbody>${rows}</tbody>
  </table></div>`;
}

/** The aggregator's one page (a narrow screen scrolls each table in a region a keyboard can reach, as the regency portal's): the year's ranking, the sources, and what the integrity marks mean. */
export function provincePage(data: ProvincePageData): string {
  const { lang, year } = data;
  const text = PORTAL_TEXT[lang];
  const other: Lang = lang === 'id' ? 'en' : 'id';
  const document = markup`<html lang="${lang}">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>${text.rankingTitle(year)} · ${text.title}</title>
      <link rel="stylesheet" href="/assets/portal.css" />
    </head>
    <body>
      <a class="skip" href="#main">${text.skipToContent}</a>
      <header class="site">
        <p class="site-title"><a href="${href(lang, year)}">${text.title}</a></p>
        <p class="lang"><a href="${href(other, year)}" hreflang="${other}" lang="${other}">${text.otherLanguage}</a></p>
      </header>
      <main id="main">
        <h1>${text.rankingTitle(year)}</h1>
        <p class="lead">${text.lead}</p>
        <form class="year" method="get" action="/">
          <label for="year">${text.year}</label>
          <input id="year" name="year" type="number" min="1900" max="2200" value="${year}" />
          ${lang === 'en' ? markup`<input type="hidden" name="lang" value="en" />` : ''}
          <button type="submit">${text.show}</button>
        </form>
        ${rankingTable(data)}
        <p>${text.notInFeed}</p>
        <h2>${text.sourcesTitle}</h2>
        ${sourcesTable(data)}
        <section class="panel integrity" aria-labelledby="heads-title">
          <h2 id="heads-title">${text.headsTitle}</h2>
          <p>${text.headsProve}</p>
          <p>${text.headsDoNotProve}</p>
        </section>
      </main>
      <footer class="site"><p><a href="/public/v1/sources">/public/v1/sources</a> · <a href="/public/v1/ranking?year=${year}">/public/v1/ranking</a></p></footer>
    </body>
  </html>`;
  return `<!doctype html>\n${document.markup}\n`;
}
