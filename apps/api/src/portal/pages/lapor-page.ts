import { randomUUID } from 'node:crypto';
import { COMPLAINT_KINDS } from '@app/domain/complaint';
import { laporTextFor } from '../lapor-text';
import { LAPOR_ACTIONS, laporHref } from '../portal-links';
import { markup, SafeHtml } from '../markup';
import { Lang, otherLang } from '../portal-text';
import { page } from './layout';

/** What a form was sent with, to show again beside what was wrong: a citizen never types a complaint twice. */
export type FormValues = Record<string, string>;

export interface LaporPageData {
  lang: Lang;
  region: string;
  /** The public registry, whose units still in being a complaint may concern. */
  units: Array<{ code: string; name: string; status: string }>;
  /** The form sent last, its values and what was wrong with them. */
  failed?: { form: 'complaint' | 'wbs' | 'follow'; values: FormValues; problems: string[] };
}

const value = (values: FormValues | undefined, name: string) => values?.[name] ?? '';

function input(
  name: string,
  label: string,
  values: FormValues | undefined,
  options: { required?: boolean; type?: string; autocomplete?: string } = {},
): SafeHtml {
  return markup`<p class="field">
    <label for="${name}">${label}</label>
    <input id="${name}" name="${name}" type="${options.type ?? 'text'}" value="${value(values, name)}" autocomplete="${options.autocomplete ?? 'off'}" ${options.required ? markup`required` : ''} />
  </p>`;
}

function textarea(name: string, label: string, values: FormValues | undefined, required = false): SafeHtml {
  return markup`<p class="field">
    <label for="${name}">${label}</label>
    <textarea id="${name}" name="${name}" rows="6" ${required ? markup`required` : ''}>${value(values, name)}</textarea>
  </p>`;
}

/** The problems of the form sent last, read out first (role="alert"). */
function problems(lang: Lang, failed: LaporPageData['failed'], form: 'complaint' | 'wbs' | 'follow'): SafeHtml | '' {
  if (failed?.form !== form) return '';
  const text = laporTextFor(lang);
  return markup`<div class="notice error" role="alert">
    <h3>${form === 'follow' ? text.notFoundTitle : text.errorTitle}</h3>
    <ul>
      ${failed.problems.map((problem) => markup`<li>${problem}</li>`)}
    </ul>
  </div>`;
}

function complaintForm({ lang, units, failed }: LaporPageData, formKey: string): SafeHtml {
  const text = laporTextFor(lang);
  const values = failed?.form === 'complaint' ? failed.values : undefined;
  const chosenKind = value(values, 'kind') || 'PENGADUAN';
  return markup`<section aria-labelledby="complaint-title">
    <h2 id="complaint-title">${text.complaintTitle}</h2>
    <p>${text.complaintLead}</p>
    ${problems(lang, failed, 'complaint')}
    <form class="lapor-form" method="post" action="${LAPOR_ACTIONS.complaint}">
      <input type="hidden" name="kunci" value="${formKey}" />
      <input type="hidden" name="lang" value="${lang}" />
      <fieldset>
        <legend>${text.kind}</legend>
        <div class="choices">
          ${COMPLAINT_KINDS.map(
            (kind) =>
              markup`<label class="choice"><input type="radio" name="kind" value="${kind}" ${kind === chosenKind ? markup`checked` : ''} /> <span>${text.kinds[kind]}</span></label>`,
          )}
        </div>
      </fieldset>
      <p class="field">
        <label for="opdCode">${text.opd}</label>
        <select id="opdCode" name="opdCode">
          <option value="">${text.opdUnknown}</option>
          ${units
            .filter((unit) => unit.status !== 'DISSOLVED')
            .map((unit) => markup`<option value="${unit.code}" ${unit.code === value(values, 'opdCode') ? markup`selected` : ''}>${unit.name}</option>`)}
        </select>
      </p>
      ${input('subject', text.subject, values, { required: true })} ${textarea('text', text.text, values, true)} ${input('location', text.location, values)}
      <fieldset>
        <legend>${text.contactTitle}</legend>
        ${input('contactName', text.name, values, { autocomplete: 'name' })} ${input('contactEmail', text.email, values, { type: 'email', autocomplete: 'email' })}
        ${input('contactPhone', text.phone, values, { type: 'tel', autocomplete: 'tel' })}
      </fieldset>
      <p class="field-check">
        <input id="publicText" name="publicText" type="checkbox" value="ya" ${value(values, 'publicText') === 'ya' ? markup`checked` : ''} />
        <label for="publicText">${text.publicText}</label>
      </p>
      <p><button type="submit">${text.sendComplaint}</button></p>
    </form>
  </section>`;
}

function wbsForm({ lang, failed }: LaporPageData, formKey: string): SafeHtml {
  const text = laporTextFor(lang);
  const values = failed?.form === 'wbs' ? failed.values : undefined;
  return markup`<section aria-labelledby="wbs-title">
    <h2 id="wbs-title">${text.wbsTitle}</h2>
    <p>${text.wbsLead}</p>
    ${problems(lang, failed, 'wbs')}
    <form class="lapor-form" method="post" action="${LAPOR_ACTIONS.wbs}">
      <input type="hidden" name="kunci" value="${formKey}" />
      <input type="hidden" name="lang" value="${lang}" />
      ${textarea('allegation', text.allegation, values, true)} ${input('concerning', text.concerning, values, { required: true })}
      ${input('when', text.when, values)} ${input('where', text.where, values)} ${textarea('evidenceUrls', text.evidence, values)}
      <fieldset>
        <legend>${text.identityTitle}</legend>
        ${input('identityName', text.name, values)} ${input('identityContact', text.identityContact, values)}
      </fieldset>
      <p><button type="submit">${text.sendWbs}</button></p>
    </form>
  </section>`;
}

/** The follow form, on the Lapor page and under a receipt: the secret goes in a POST body, never in an address. */
export function followForm(lang: Lang, values?: FormValues, failed?: LaporPageData['failed'], button = laporTextFor(lang).follow): SafeHtml {
  const text = laporTextFor(lang);
  return markup`<form class="lapor-form" method="post" action="${LAPOR_ACTIONS.follow}">
    <input type="hidden" name="lang" value="${lang}" />
    ${problems(lang, failed, 'follow')} ${input('kode', text.trackingCode, values, { required: true })}
    ${input('rahasia', text.followSecret, values, { required: true, type: 'password' })}
    <p><button type="submit">${button}</button></p>
  </form>`;
}

/**
 * `/lapor`: a citizen files a complaint or a WBS report, or follows one, with plain forms that
 * need no JavaScript. Never cached: each form carries a one-time key of its own, made here, so
 * that a form sent twice files one report.
 */
export function laporPage(data: LaporPageData): string {
  const { lang, region, failed } = data;
  const text = laporTextFor(lang);
  const main = markup`<h1>${text.title}</h1>
    <p class="lead">${text.lead}</p>
    ${complaintForm(data, randomUUID())} ${wbsForm(data, randomUUID())}
    <section aria-labelledby="follow-title">
      <h2 id="follow-title">${text.followTitle}</h2>
      <p>${text.followLead}</p>
      ${followForm(lang, failed?.form === 'follow' ? failed.values : undefined, failed)}
    </section>`;
  return page({ lang, region, title: text.title, otherLanguageHref: laporHref(otherLang(lang)), main });
}

export interface ReceiptPageData {
  lang: Lang;
  region: string;
  trackingCode: string;
  /** Null when the same form came again: its secret was shown the first time. */
  followSecret: string | null;
}

/** What a filing answers: the two codes, once, and the way to follow at once. */
export function laporReceiptPage({ lang, region, trackingCode, followSecret }: ReceiptPageData): string {
  const text = laporTextFor(lang);
  const main = markup`<h1>${text.receiptTitle}</h1>
    <div class="notice" role="status">
      <dl class="codes">
        <dt>${text.trackingCode}</dt>
        <dd><code>${trackingCode}</code></dd>
        ${
          followSecret
            ? markup`<dt>${text.followSecret}</dt>
              <dd><code>${followSecret}</code></dd>`
            : ''
        }
      </dl>
      <p>${followSecret ? text.receiptLead : text.receiptRepeated}</p>
    </div>
    ${followSecret ? followForm(lang, { kode: trackingCode, rahasia: followSecret }, undefined, text.followNow) : ''}`;
  return page({ lang, region, title: text.receiptTitle, otherLanguageHref: laporHref(otherLang(lang)), main });
}
