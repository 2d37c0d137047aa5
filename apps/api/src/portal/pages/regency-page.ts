import { Scorecard } from '@app/domain/dashboard';
import { AchievementScale } from '@app/domain/plan';
import { markup, SafeHtml } from '../markup';
import { percent, rupiah } from '../portal-format';
import { REGENCY_FORM_ACTION, regencyHref, unitHref } from '../portal-links';
import { Lang, otherLang, textFor } from '../portal-text';
import { categoryBadge, lkjipCell } from './components';
import { page } from './layout';

export interface RegencyPageData {
  lang: Lang;
  region: string;
  year: number;
  /** The years the selector offers. */
  years: number[];
  items: Scorecard[];
  /** Units' names by code, from the public registry. */
  names: ReadonlyMap<string, string>;
  scale: AchievementScale;
  feed: SafeHtml;
  integrity: SafeHtml;
}

/** The regency page: every unit ranked as /public/v1/regency/{year} ranks them. */
export function regencyPage(data: RegencyPageData): string {
  const { lang, year, items, scale } = data;
  const text = textFor(lang);
  const sortValue = (value: number | null) => (value === null ? '' : String(value));
  const rows = items.map(
    (item, index) =>
      markup`<tr data-opd="${item.opdCode}">
        <td data-sort="${index + 1}">${index + 1}</td>
        <th scope="row" data-sort="${item.opdCode}"><a href="${unitHref(lang, item.opdCode, year)}">${item.opdCode}</a>${
          data.names.has(item.opdCode) ? markup`<br /><span class="unit-name">${data.names.get(item.opdCode)}</span>` : ''
        }</th>
        <td class="num" data-sort="${sortValue(item.plan.achievement)}" data-field="achievement">
          ${item.plan.status === null ? text.noPlan : percent(lang, item.plan.achievement)}
        </td>
        <td data-sort="${scale.bands.findIndex((band) => band.category === item.plan.category)}">${categoryBadge(lang, scale, item.plan.category)}</td>
        <td class="num" data-sort="${sortValue(item.skp.coverage)}">${percent(lang, item.skp.coverage)}</td>
        <td data-sort="${item.lkjip.status ?? ''}">${lkjipCell(lang, item)}</td>
        <td class="num" data-sort="${item.findings.followUpRate}">
          ${item.findings.recommendations === 0 ? text.none : percent(lang, item.findings.followUpRate)}
        </td>
        <td class="num" data-sort="${item.findings.amountIdr.outstanding}" data-field="outstanding">${rupiah(item.findings.amountIdr.outstanding)}</td>
      </tr>`,
  );
  const columns = [text.rank, text.unit, text.achievement, text.category, text.skpCoverage, text.lkjip, text.followUpRate, text.outstanding];
  const main = markup`<h1>${text.regencyTitle(year)}</h1>
    <p class="lead">${text.siteLead}</p>
    <form class="year" method="get" action="${REGENCY_FORM_ACTION}">
      <label for="year">${text.year}</label>
      <select id="year" name="year">
        ${data.years.map((option) => markup`<option value="${option}" ${option === year ? markup` selected` : ''}>${option}</option>`)}
      </select>
      ${lang === 'en' ? markup`<input type="hidden" name="lang" value="en" />` : ''}
      <button type="submit">${text.show}</button>
    </form>
    <div class="table-wrap" tabindex="0" role="region" aria-labelledby="ranking-caption">
      <table id="ranking" class="ranking" data-sortable data-sort-label="${text.sortBy('{column}')}">
        <caption id="ranking-caption">
          ${text.regencyCaption(year)}
        </caption>
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
    <div class="panels">${data.feed} ${data.integrity}</div>`;
  return page({ lang, region: data.region, title: text.regencyTitle(year), otherLanguageHref: regencyHref(otherLang(lang), year), main });
}
