import { Scorecard } from '@app/domain/dashboard';
import { AchievementScale } from '@app/domain/plan';
import { markup, SafeHtml } from '../markup';
import { percent } from '../portal-format';
import { REGENCY_FORM_ACTION, regencyCsvHref, regencyHref, unitHref, ziPageHref } from '../portal-links';
import { Lang, otherLang, textFor } from '../portal-text';
import { ziTextFor } from '../zi-text';
import { categoryBadge, findingFigures, lkjipCell, readersCaption, visibleCaption, yearForm } from './components';
import { page } from './layout';

export interface RegencyPageData {
  lang: Lang;
  region: string;
  year: number;
  /** The years the selector offers. */
  years: number[];
  /** In the regency answer's order: ranked units first, then those without an achievement. */
  items: Scorecard[];
  /** Units' names by code, from the public registry. */
  names: ReadonlyMap<string, string>;
  scale: AchievementScale;
  feed: SafeHtml;
  integrity: SafeHtml;
}

const sortValue = (value: number | null) => (value === null ? '' : String(value));

/** The cells a unit has whether ranked or not: its name, SKP, report and findings. */
function unitCell(data: RegencyPageData, item: Scorecard): SafeHtml {
  const name = data.names.get(item.opdCode);
  return markup`<th scope="row" data-sort="${item.opdCode}"><a href="${unitHref(data.lang, item.opdCode, data.year)}">${item.opdCode}</a>${
    name === undefined ? '' : markup`<br /><span class="unit-name">${name}</span>`
  }</th>`;
}

function commonCells(lang: Lang, item: Scorecard): SafeHtml {
  const figures = findingFigures(lang, item.findings);
  const counted = item.findings.recommendations > 0;
  return markup`<td class="num" data-sort="${sortValue(item.skp.coverage)}">${percent(lang, item.skp.coverage)}</td>
    <td data-sort="${item.lkjip.status ?? ''}">${lkjipCell(lang, item)}</td>
    <td class="num" data-sort="${counted ? item.findings.followUpRate : ''}">${figures.followUpRate}</td>
    <td class="num" data-sort="${counted ? item.findings.amountIdr.outstanding : ''}" data-field="outstanding">${figures.outstanding}</td>`;
}

/**
 * The regency page: the units with an achievement ranked as /public/v1/regency/{year} ranks
 * them, and apart from them, unranked, the units that have none yet (no approved plan, or
 * nothing reported): a unit without figures is not "last", it is not comparable.
 */
export function regencyPage(data: RegencyPageData): string {
  const { lang, year, items, scale } = data;
  const text = textFor(lang);
  const ranked = items.filter((item) => item.plan.achievement !== null);
  const unranked = items.filter((item) => item.plan.achievement === null);
  const rows = ranked.map(
    (item, index) =>
      markup`<tr data-opd="${item.opdCode}">
        <td data-sort="${index + 1}">${index + 1}</td>
        ${unitCell(data, item)}
        <td class="num" data-sort="${sortValue(item.plan.achievement)}" data-field="achievement">${percent(lang, item.plan.achievement)}</td>
        <td data-sort="${scale.bands.findIndex((band) => band.category === item.plan.category)}">${categoryBadge(lang, scale, item.plan.category)}</td>
        ${commonCells(lang, item)}
      </tr>`,
  );
  const columns = [text.rank, text.unit, text.achievement, text.category, text.skpCoverage, text.lkjip, text.followUpRate, text.outstanding];
  const unrankedColumns = [text.unit, text.why, text.skpCoverage, text.lkjip, text.followUpRate, text.outstanding];
  const main = markup`<h1>${text.regencyTitle(year)}</h1>
    <p class="lead">${text.siteLead}</p>
    <p><a href="${ziPageHref(lang, year)}">${ziTextFor(lang).title(year)}</a></p>
    ${yearForm(lang, REGENCY_FORM_ACTION, data.years, year)}
    ${visibleCaption(text.regencyCaption(year))}
    <div class="table-wrap" tabindex="0" role="region" aria-labelledby="ranking-caption">
      <table id="ranking" class="ranking" data-sortable data-sort-label="${text.sortBy('{column}')}">
        ${readersCaption(text.regencyCaption(year), 'ranking-caption')}
        <thead>
          <tr>
            ${columns.map((column) => markup`<th scope="col">${column}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${rows}
        </tbody>
      </table>
    </div>
    <p class="scale">${text.scale}: ${scale.bands.map((band) => markup`${categoryBadge(lang, scale, band.category)} `)}</p>
    <p class="download"><a href="${regencyCsvHref(year)}" download>${text.downloadCsv}</a></p>
    ${
      unranked.length === 0
        ? ''
        : markup`<section aria-labelledby="unranked-title">
            <h2 id="unranked-title">${text.unrankedTitle}</h2>
            <p>${text.unrankedLead}</p>
            ${visibleCaption(text.unrankedCaption(year))}
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="unranked-caption">
              <table id="unranked" class="unranked">
                ${readersCaption(text.unrankedCaption(year), 'unranked-caption')}
                <thead>
                  <tr>
                    ${unrankedColumns.map((column) => markup`<th scope="col">${column}</th>`)}
                  </tr>
                </thead>
                <tbody>
                  ${unranked.map(
                    (item) =>
                      markup`<tr data-opd="${item.opdCode}">
                        ${unitCell(data, item)}
                        <td data-field="status">${item.plan.effectiveVersion === null ? text.noPlan : text.noRealisation}</td>
                        ${commonCells(lang, item)}
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>
          </section>`
    }
    <p class="note">${text.noneMeans}</p>
    <div class="panels">${data.feed} ${data.integrity}</div>`;
  return page({ lang, region: data.region, title: text.regencyTitle(year), otherLanguageHref: regencyHref(otherLang(lang), year), main });
}
