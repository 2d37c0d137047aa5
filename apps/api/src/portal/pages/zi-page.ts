import { AreaWeights, PublicZiRecord, ZI_TARGETS, ZiTarget } from '@app/domain/zi';
import { markup, SafeHtml } from '../markup';
import { day, number, percent } from '../portal-format';
import { regencyHref, unitHref, ZI_PAGE_PATH, ziPageHref } from '../portal-links';
import { Lang, otherLang, textFor } from '../portal-text';
import { ziTextFor } from '../zi-text';
import { readersCaption, visibleCaption, yearForm } from './components';
import { page } from './layout';

export interface ZiPageData {
  lang: Lang;
  region: string;
  year: number;
  years: number[];
  records: PublicZiRecord[];
  /** The change areas' names and weights, from the LKE template in force. */
  areas: AreaWeights[];
  /** Each predikat's least share of an area's weight (the template's `areaShare`). */
  areaShares: Record<ZiTarget, number>;
  /** The units' names from the public registry, by OPD code. */
  names: Map<string, string>;
}

/** A unit code as a heading's anchor: letters, digits and dashes only. */
const anchorOf = (unit: string) => `zi-${unit.replace(/[^A-Za-z0-9]/g, '-')}`;

function predikatCell(lang: Lang, record: PublicZiRecord): SafeHtml {
  const text = ziTextFor(lang);
  if (!record.award) return markup`${textFor(lang).none}`;
  return markup`<strong>${record.award.predikat}</strong>${
    record.revokedOn ? markup`<br /><span class="late">${text.revoked} <time datetime="${record.revokedOn}">${day(lang, record.revokedOn)}</time></span>` : ''
  }`;
}

/** An evaluated unit's six areas: the TPI's score against each area's weight, as a table and a chart with the thresholds. */
function areasSection(lang: Lang, record: PublicZiRecord, data: ZiPageData): SafeHtml {
  const text = ziTextFor(lang);
  const scores = record.scores!;
  const title = text.areasTitle(record.unit);
  const chart = JSON.stringify({
    kind: 'shares',
    labels: data.areas.map((area) => area.name),
    label: text.share,
    data: data.areas.map((area) => scores.areas[area.code].share),
    thresholds: ZI_TARGETS.map((target) => ({ label: text.threshold(target, data.areaShares[target]), value: data.areaShares[target] })),
  });
  return markup`<section class="zi-areas" aria-labelledby="${anchorOf(record.unit)}">
    <h3 id="${anchorOf(record.unit)}">${title}</h3>
    <p>
      ${text.total}: <strong>${number(lang, scores.total)}</strong> ·
      ${ZI_TARGETS.map((target) => text.meets(target, scores.meets[target])).join(' · ')}
    </p>
    <div class="indicator-body">
      <div>
        ${visibleCaption(title)}
        <div class="table-wrap" tabindex="0" role="region" aria-label="${title}">
          <table class="zi-area-scores">
            ${readersCaption(title)}
            <thead>
              <tr>
                <th scope="col">${text.area}</th>
                <th scope="col">${text.score}</th>
                <th scope="col">${text.weight}</th>
                <th scope="col">${text.share}</th>
              </tr>
            </thead>
            <tbody>
              ${data.areas.map((area) => {
                const score = scores.areas[area.code];
                return markup`<tr>
                  <th scope="row">${area.name}</th>
                  <td class="num">${number(lang, score.score)}</td>
                  <td class="num">${number(lang, score.weight)}</td>
                  <td class="num">${percent(lang, score.share)}</td>
                </tr>`;
              })}
            </tbody>
          </table>
        </div>
        <p class="note">${ZI_TARGETS.map((target) => text.threshold(target, data.areaShares[target])).join(' · ')}</p>
      </div>
      <figure class="chart">
        <canvas data-chart="${chart}" role="img" aria-label="${text.chartLabel(record.unit)}"></canvas>
        <figcaption>${text.chartLabel(record.unit)}</figcaption>
      </figure>
    </div>
  </section>`;
}

/**
 * `/zi?year=`: each Zona Integritas unit's public record (DOMAIN.md, ZI 10, through the public
 * endpoint's allow-list): its stage, target and predikat, and once the TPI has evaluated it, the
 * six areas' scores against the thresholds. Never the team, the notes, the evidence or an answer.
 */
export function ziPage(data: ZiPageData): string {
  const { lang, region, year, records } = data;
  const text = ziTextFor(lang);
  const portal = textFor(lang);
  const nameOf = (code: string) => data.names.get(code) ?? code;
  const main = markup`<p><a href="${regencyHref(lang, year)}">← ${portal.back}</a></p>
    <h1>${text.title(year)}</h1>
    <p class="lead">${text.lead}</p>
    ${yearForm(lang, `/${ZI_PAGE_PATH}`, data.years, year)}
    ${
      records.length === 0
        ? markup`<p>${text.none}</p>`
        : markup`${visibleCaption(text.caption(year))}
          <div class="table-wrap" tabindex="0" role="region" aria-labelledby="zi-caption">
            <table id="zi" class="zi" data-sortable data-sort-label="${portal.sortBy('{column}')}">
              ${readersCaption(text.caption(year), 'zi-caption')}
              <thead>
                <tr>
                  <th scope="col">${text.unit}</th>
                  <th scope="col">${text.opd}</th>
                  <th scope="col">${text.target}</th>
                  <th scope="col">${text.stage}</th>
                  <th scope="col">${text.total}</th>
                  <th scope="col">${text.predikat}</th>
                </tr>
              </thead>
              <tbody>
                ${records.map(
                  (record) =>
                    markup`<tr>
                      <th scope="row">${record.scores ? markup`<a href="#${anchorOf(record.unit)}">${record.unit}</a>` : record.unit}</th>
                      <td><a href="${unitHref(lang, record.opdCode, year)}">${nameOf(record.opdCode)}</a></td>
                      <td><abbr title="${text.targets[record.target]}">${record.target}</abbr></td>
                      <td>${text.stages[record.stage]}</td>
                      <td class="num" data-sort="${record.scores?.total ?? ''}">${record.scores ? number(lang, record.scores.total) : portal.none}</td>
                      <td>${predikatCell(lang, record)}</td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>
          ${records.filter((record) => record.scores !== null).map((record) => areasSection(lang, record, data))}`
    }
    <p class="note">${portal.noneMeans}</p>`;
  return page({ lang, region, title: text.title(year), otherLanguageHref: ziPageHref(otherLang(lang), year), main });
}
