import { Scorecard } from '@app/domain/dashboard';
import { AchievementScale, PublicIndicator, PublicPlan } from '@app/domain/plan';
import { markup, SafeHtml } from '../markup';
import { day, number, percent } from '../portal-format';
import { regencyHref, scorecardCsvHref, unitHref, unitSourceHrefs } from '../portal-links';
import { Lang, nameOf, otherLang, textFor } from '../portal-text';
import { categoryBadge, findingFigures, lkjipCell, readersCaption, visibleCaption } from './components';
import { page } from './layout';
import { surveyResults } from './survey-results';
import { surveyTextFor } from '../survey-text';
import { SurveyAnswer } from '../../surveys';
import { ScorecardParticipation } from '../../dashboards';
import { laporTextFor } from '../lapor-text';
import { laporHref } from '../portal-links';

export interface UnitPageData {
  lang: Lang;
  region: string;
  scorecard: Scorecard;
  /** The unit's name from the public registry. */
  name: string;
  plan: PublicPlan | null;
  scale: AchievementScale;
  /** The unit's closed surveys of the year, newest first. */
  surveys: SurveyAnswer[];
  /** The complaints concerning the unit, filed in the year: counts and days only. */
  complaints: ScorecardParticipation['complaints'];
}

const QUARTERS = [1, 2, 3, 4] as const;

/**
 * What the chart draws, in a data attribute the script reads: the quarterly targets against
 * the realisation of each reported quarter (null where a quarter is not reported). An indicator
 * with an annual target only has no target line: one dot at Q4 read as a figure for that quarter.
 */
function chartData(lang: Lang, indicator: PublicIndicator) {
  const text = textFor(lang);
  const reported = new Map(indicator.quarters.map((quarter) => [quarter.quarter, quarter.value]));
  return JSON.stringify({
    labels: QUARTERS.map(text.quarterLabel),
    unit: indicator.unit,
    datasets: [
      { label: text.target, data: QUARTERS.map((quarter) => indicator.quarterlyTargets?.[quarter - 1] ?? null) },
      { label: text.realisation, data: QUARTERS.map((quarter) => reported.get(quarter) ?? null) },
    ],
    reported: indicator.quarters.length,
  });
}

function indicatorDetails(lang: Lang, scale: AchievementScale, indicator: PublicIndicator): SafeHtml {
  const text = textFor(lang);
  const label = `${indicator.code} ${indicator.name}`;
  const reported = new Map(indicator.quarters.map((quarter) => [quarter.quarter, quarter]));
  return markup`<section class="indicator" aria-label="${label}">
    <h4>${label} <span class="unit">(${indicator.unit})</span></h4>
    <div class="indicator-body">
      <div>
        ${visibleCaption(text.quartersCaption(label))}
        <div class="table-wrap" tabindex="0" role="region" aria-label="${text.quartersCaption(label)}">
        <table class="quarters">
          ${readersCaption(text.quartersCaption(label))}
          <thead>
            <tr>
              <th scope="col">${text.quarter}</th>
              <th scope="col">${text.target}</th>
              <th scope="col">${text.realisation}</th>
              <th scope="col">${text.achievement}</th>
            </tr>
          </thead>
          <tbody>
            ${QUARTERS.map((quarter) => {
              const found = reported.get(quarter);
              return markup`<tr>
                <th scope="row">${text.quarterLabel(quarter)}</th>
                <td class="num">${number(lang, indicator.quarterlyTargets?.[quarter - 1] ?? null)}</td>
                <td class="num">${found ? number(lang, found.value) : text.none}${found?.corrected ? markup` <span class="note">(${text.corrected})</span>` : ''}</td>
                <td class="num">${percent(lang, found?.achievement ?? null)}</td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
      </div>
      <figure class="chart">
        <canvas data-chart="${chartData(lang, indicator)}" role="img" aria-label="${text.chartLabel(label)}"></canvas>
        <figcaption>${text.chartLabel(label)}</figcaption>
      </figure>
    </div>
    ${indicator.quarterlyTargets ? '' : markup`<p class="note">${text.annualTargetOnly(number(lang, indicator.annualTarget), indicator.unit)}</p>`}
    <p>${text.category}: ${categoryBadge(lang, scale, indicator.category)}</p>
  </section>`;
}

function planSection(lang: Lang, scale: AchievementScale, plan: PublicPlan | null): SafeHtml {
  const text = textFor(lang);
  if (!plan)
    return markup`<section aria-labelledby="plan-title">
      <h2 id="plan-title">${text.planTitle}</h2>
      <p>${text.planNone}</p>
    </section>`;
  return markup`<section aria-labelledby="plan-title">
    <h2 id="plan-title">${text.planTitle}</h2>
    <p>
      ${text.achievement}: <strong>${percent(lang, plan.achievement)}</strong> ${categoryBadge(lang, scale, plan.category)} · ${text.version}
      ${plan.effectiveVersion}
    </p>
    ${plan.goals.map(
      (goal) =>
        markup`<section class="goal" aria-labelledby="goal-${goal.code}">
          <h3 id="goal-${goal.code}">${text.goal} ${goal.code}: ${goal.statement}</h3>
          <p>${text.achievement}: ${percent(lang, goal.achievement)} ${categoryBadge(lang, scale, goal.category)}</p>
          ${visibleCaption(text.indicatorsCaption(goal.code))}
          <div class="table-wrap" tabindex="0" role="region" aria-label="${text.indicatorsCaption(goal.code)}">
            <table class="indicators" data-sortable data-sort-label="${text.sortBy('{column}')}">
              ${readersCaption(text.indicatorsCaption(goal.code))}
              <thead>
                <tr>
                  <th scope="col">${text.indicator}</th>
                  <th scope="col">${text.annualTarget}</th>
                  <th scope="col">${text.realisation}</th>
                  <th scope="col">${text.achievement}</th>
                  <th scope="col">${text.category}</th>
                </tr>
              </thead>
              <tbody>
                ${goal.indicators.map(
                  (indicator) =>
                    markup`<tr>
                      <th scope="row" data-sort="${indicator.code}">${indicator.code} ${indicator.name}</th>
                      <td class="num" data-sort="${indicator.annualTarget}">${number(lang, indicator.annualTarget)} ${indicator.unit}</td>
                      <td class="num" data-sort="${indicator.realisation ?? ''}">${number(lang, indicator.realisation)}</td>
                      <td class="num" data-sort="${indicator.achievement ?? ''}">${percent(lang, indicator.achievement)}</td>
                      <td data-sort="${scale.bands.findIndex((band) => band.category === indicator.category)}">
                        ${categoryBadge(lang, scale, indicator.category)}
                      </td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>
          ${goal.indicators.map((indicator) => indicatorDetails(lang, scale, indicator))}
        </section>`,
    )}
    <section aria-labelledby="revisions-title">
      <h3 id="revisions-title">${text.revisionsTitle}</h3>
      ${visibleCaption(text.revisionsCaption)}
      <div class="table-wrap" tabindex="0" role="region" aria-label="${text.revisionsCaption}">
        <table class="revisions">
          ${readersCaption(text.revisionsCaption)}
          <thead>
            <tr>
              <th scope="col">${text.version}</th>
              <th scope="col">${text.approvedOn}</th>
              <th scope="col">${text.reasonCategory}</th>
            </tr>
          </thead>
          <tbody>
            ${plan.versions.map(
              (version) =>
                markup`<tr>
                  <th scope="row">${version.version}</th>
                  <td><time datetime="${version.approvedOn}">${day(lang, version.approvedOn)}</time></td>
                  <td>${version.reasonCategory === null ? text.firstVersion : nameOf(lang, version.reasonCategory)}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </section>
  </section>`;
}

function findingsSection(lang: Lang, scorecard: Scorecard): SafeHtml {
  const text = textFor(lang);
  const { findings } = scorecard;
  if (findings.recommendations === 0)
    return markup`<section aria-labelledby="findings-title">
      <h2 id="findings-title">${text.findingsTitle}</h2>
      <p>${text.findingsNone}</p>
    </section>`;
  const figures = findingFigures(lang, findings);
  const row = (label: string, value: string) =>
    markup`<tr>
      <th scope="row">${label}</th>
      <td class="num">${value}</td>
    </tr>`;
  const caption = `${text.findingsTitle} ${scorecard.year}`;
  return markup`<section aria-labelledby="findings-title">
    <h2 id="findings-title">${text.findingsTitle}</h2>
    ${visibleCaption(caption)}
    <div class="table-wrap" tabindex="0" role="region" aria-labelledby="findings-caption">
      <table class="findings">
        ${readersCaption(caption, 'findings-caption')}
        <thead>
          <tr>
            <th scope="col">${text.figure}</th>
            <th scope="col">${text.value}</th>
          </tr>
        </thead>
        <tbody>
          ${row(text.recommendations, number(lang, findings.recommendations))}
          ${Object.entries(findings.byStatus).map(([status, count]) => row(nameOf(lang, status), number(lang, count)))}
          ${row(text.overdue, number(lang, findings.overdue))} ${row(text.followUpRate, figures.followUpRate)}
          ${row(text.amountTotal, figures.total)} ${row(text.amountSettled, figures.settled)} ${row(text.outstanding, figures.outstanding)}
        </tbody>
      </table>
    </div>
  </section>`;
}

/** A unit's page for a year: its plan's figures by quarter, its findings, its report, its versions. */
/** The year's closed service surveys: each one's results, as the survey's own page shows them. */
function surveysSection(lang: Lang, surveys: SurveyAnswer[]): SafeHtml {
  const text = surveyTextFor(lang);
  return markup`<section aria-labelledby="surveys-title">
    <h2 id="surveys-title">${text.surveysTitle}</h2>
    ${surveys.length === 0 ? markup`<p>${text.surveysNone}</p>` : surveys.map((survey) => surveyResults(lang, survey))}
  </section>`;
}

/** The year's complaints concerning the unit (docs/domain.md, Complaints, Figures), and where to send one. */
function complaintsSection(lang: Lang, complaints: UnitPageData['complaints']): SafeHtml {
  const text = laporTextFor(lang);
  const row = (label: string, value: string) =>
    markup`<tr>
      <th scope="row">${label}</th>
      <td class="num">${value}</td>
    </tr>`;
  return markup`<section aria-labelledby="complaints-title">
    <h2 id="complaints-title">${text.figuresTitle}</h2>
    ${
      complaints.received === 0
        ? markup`<p>${text.figuresNone}</p>`
        : markup`<div class="table-wrap" tabindex="0" role="region" aria-labelledby="complaints-title">
          <table class="complaints">
            <tbody>
              ${row(text.received, number(lang, complaints.received))} ${row(text.verified, number(lang, complaints.verified))}
              ${row(text.respondedOnTime, percent(lang, complaints.respondedOnTimePercent))}
              ${row(text.medianDays, number(lang, complaints.medianWorkingDaysToResponse))}
            </tbody>
          </table>
        </div>`
    }
    <p><a href="${laporHref(lang)}">${text.fileOne}</a></p>
  </section>`;
}

export function unitPage({ lang, region, scorecard, name, plan, scale, surveys, complaints }: UnitPageData): string {
  const text = textFor(lang);
  const { opdCode, year } = scorecard;
  const main = markup`<p><a href="${regencyHref(lang, year)}">← ${text.back}</a></p>
    <h1>${text.unitTitle(name, year)}</h1>
    <p class="lead">${text.unitCode(opdCode)}</p>
    ${planSection(lang, scale, plan)} ${findingsSection(lang, scorecard)} ${surveysSection(lang, surveys)} ${complaintsSection(lang, complaints)}
    <section aria-labelledby="lkjip-title">
      <h2 id="lkjip-title">${text.lkjipTitle}</h2>
      <p>${text.status}: ${lkjipCell(lang, scorecard)}</p>
      <p>${text.dueDate}: <time datetime="${scorecard.lkjip.dueDate}">${day(lang, scorecard.lkjip.dueDate)}</time></p>
    </section>
    <p class="note">${text.noneMeans}</p>
    <section class="sources" aria-labelledby="sources-title">
      <h2 id="sources-title">${text.sourcesTitle}</h2>
      <p>${text.sources}</p>
      <p class="download"><a href="${scorecardCsvHref(opdCode, year)}" download>${text.downloadCsv}</a></p>
      <ul>
        ${unitSourceHrefs(opdCode, year).map((path) => markup`<li><a href="${path}"><code>${path}</code></a></li>`)}
      </ul>
    </section>`;
  return page({ lang, region, title: text.unitTitle(name, year), otherLanguageHref: unitHref(otherLang(lang), opdCode, year), main });
}
