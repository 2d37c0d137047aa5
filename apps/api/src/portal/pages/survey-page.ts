import { AGE_BANDS, EDUCATIONS, GENDERS } from '@app/domain/survey';
import { SurveyAnswer, surveyPageHref } from '../../surveys';
import { markup, SafeHtml } from '../markup';
import { Lang, otherLang } from '../portal-text';
import { surveyTextFor } from '../survey-text';
import { page } from './layout';
import { surveyResults } from './survey-results';

export interface SurveyPageData {
  lang: Lang;
  region: string;
  survey: SurveyAnswer;
  /** The unit's name from the public registry. */
  unitName: string;
  /** What the form's last post came to (the form controller's redirect says it). */
  outcome: 'sent' | 'error' | null;
  /** A fresh one-time key for this form: sent twice, it records one answer. */
  formKey: string;
}

function choiceList(lang: Lang, name: string, legend: string, options: readonly string[], label: (option: string) => string): SafeHtml {
  const text = surveyTextFor(lang);
  return markup`<p class="field">
    <label for="${name}">${legend}</label>
    <select id="${name}" name="${name}">
      <option value="">${text.notSaid}</option>
      ${options.map((option) => markup`<option value="${option}">${label(option)}</option>`)}
    </select>
  </p>`;
}

/** One question, four labelled choices; the browser asks for a choice before it sends (required). */
function question(lang: Lang, code: string, questionText: string, index: number): SafeHtml {
  const text = surveyTextFor(lang);
  return markup`<fieldset class="question">
    <legend>${index + 1}. ${questionText}</legend>
    <div class="choices">
      ${text.choices.map(
        (choice, value) =>
          markup`<label class="choice"><input type="radio" name="${code}" value="${value + 1}" ${value === 0 ? markup`required` : ''} /> <span>${value + 1}. ${choice}</span></label>`,
      )}
    </div>
  </fieldset>`;
}

function form(lang: Lang, survey: SurveyAnswer, formKey: string): SafeHtml {
  const text = surveyTextFor(lang);
  return markup`<form class="survey-form" method="post" action="${surveyPageHref(survey.surveyCode)}">
    <input type="hidden" name="kunci" value="${formKey}" />
    <input type="hidden" name="lang" value="${lang}" />
    ${survey.questions.map((one, index) => question(lang, one.code, one.text, index))}
    <fieldset class="profile">
      <legend>${text.profileTitle}</legend>
      ${choiceList(lang, 'gender', text.gender, GENDERS, (gender) => text.genders[gender] ?? gender)}
      ${choiceList(lang, 'ageBand', text.ageBand, AGE_BANDS, (band) => band)}
      ${choiceList(lang, 'education', text.education, EDUCATIONS, (education) => education)}
    </fieldset>
    <p><button type="submit">${text.send}</button></p>
  </form>`;
}

/**
 * `/survei/{surveyCode}`: an open survey's form, one question per unsur with four labelled
 * choices, posted as a plain form (no JavaScript needed); after the post, the thanks or what to
 * correct; a closed survey's results. Nothing on it names anyone.
 */
export function surveyPage({ lang, region, survey, unitName, outcome, formKey }: SurveyPageData): string {
  const text = surveyTextFor(lang);
  const title = `${text.kindTitle[survey.kind]}: ${survey.service}`;
  let body: SafeHtml;
  if (survey.status === 'CLOSED') body = markup`<p>${text.closed}</p>${surveyResults(lang, survey, 'h2')}`;
  else if (outcome === 'sent')
    body = markup`<div class="notice" role="status">
      <h2>${text.thanksTitle}</h2>
      <p>${text.thanks}</p>
    </div>`;
  else
    body = markup`${
      outcome === 'error'
        ? markup`<div class="notice error" role="alert">
            <h2>${text.errorTitle}</h2>
            <p>${text.error}</p>
          </div>`
        : ''
    }
      <p>${text.lead}</p>
      ${form(lang, survey, formKey)}`;
  const main = markup`<h1>${title}</h1>
    <p class="lead">${unitName} · ${text.period(survey.quarter, survey.year)}</p>
    ${body}`;
  return page({ lang, region, title, otherLanguageHref: surveyPageHref(survey.surveyCode, undefined, otherLang(lang)), main });
}
