import { SurveyAnswer } from '../../surveys';
import { markup, SafeHtml } from '../markup';
import { number } from '../portal-format';
import { Lang } from '../portal-text';
import { surveyTextFor } from '../survey-text';
import { readersCaption, visibleCaption } from './components';

/**
 * A closed survey's results as the public reads them: the mean of each question in a table
 * (the page's whole content without JavaScript) and the same figures as a bar chart the script
 * draws; SKM adds the IKM and the mutu, IPAK and IPKP their one value. Counts only: no answer of
 * anyone is shown.
 */
export function surveyResults(lang: Lang, survey: SurveyAnswer, headingLevel: 'h2' | 'h3' = 'h3'): SafeHtml {
  const text = surveyTextFor(lang);
  const title = text.resultsTitle(survey.service, survey.quarter, survey.year);
  const id = `survey-${survey.surveyCode}`;
  const results = survey.results;
  const heading = headingLevel === 'h2' ? markup`<h2 id="${id}">${title}</h2>` : markup`<h3 id="${id}">${title}</h3>`;
  const summary =
    'ikm' in results
      ? markup`<p>${text.ikm}: <strong>${number(lang, results.ikm)}</strong> · ${text.mutu}: <strong>${results.mutu ? text.mutuNames[results.mutu] : '–'}</strong></p>`
      : markup`<p>${text.value}: <strong>${number(lang, results.value)}</strong></p>`;
  const means = 'nrr' in results ? survey.questions.map((question) => ({ question, mean: results.nrr[question.code] ?? null })) : [];
  const chart = JSON.stringify({
    kind: 'means',
    labels: means.map(({ question }) => question.code),
    label: text.nrr,
    data: means.map(({ mean }) => mean),
    max: 4,
  });
  return markup`<section class="survey-results" aria-labelledby="${id}">
    ${heading}
    ${summary}
    <p>${text.responses}: ${number(lang, results.responses)}. ${text.sample(results.minimumSample, results.sampleSufficient)}</p>
    ${
      means.length === 0
        ? ''
        : markup`<div class="indicator-body">
            <div>
              ${visibleCaption(title)}
              <div class="table-wrap" tabindex="0" role="region" aria-label="${title}">
                <table class="survey-means">
                  ${readersCaption(title)}
                  <thead>
                    <tr>
                      <th scope="col">${text.unsur}</th>
                      <th scope="col">${text.nrr}</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${means.map(
                      ({ question, mean }) =>
                        markup`<tr>
                          <th scope="row">${question.code} ${question.text}</th>
                          <td class="num">${number(lang, mean)}</td>
                        </tr>`,
                    )}
                  </tbody>
                </table>
              </div>
            </div>
            <figure class="chart">
              <canvas data-chart="${chart}" role="img" aria-label="${text.chartLabel(survey.service)}"></canvas>
              <figcaption>${text.chartLabel(survey.service)}</figcaption>
            </figure>
          </div>`
    }
  </section>`;
}
