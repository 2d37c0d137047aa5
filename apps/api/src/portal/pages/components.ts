import { Scorecard } from '@app/domain/dashboard';
import { AchievementScale } from '@app/domain/plan';
import { markup, SafeHtml } from '../markup';
import { bandClass, percent, rupiah } from '../portal-format';
import { Lang, nameOf, textFor } from '../portal-text';
import { lkjipPdfHref } from '../portal-links';

/** A category in colour and in words: the colour alone would tell a colour-blind reader nothing. */
export const categoryBadge = (lang: Lang, scale: AchievementScale, category: string | null): SafeHtml =>
  category === null
    ? markup`<span class="badge band-none">${textFor(lang).none}</span>`
    : markup`<span class="badge ${bandClass(scale, category)}">${nameOf(lang, category)}</span>`;

/** The LKjIP's state, with the published document linked. */
export function lkjipCell(lang: Lang, item: Scorecard): SafeHtml {
  const text = textFor(lang);
  const status = item.lkjip.status;
  return markup`${status === null ? text.notCompiled : nameOf(lang, status)}${item.lkjip.late ? markup` <span class="late">(${text.late})</span>` : ''}${
    status === 'PUBLISHED' ? markup`<br /><a href="${lkjipPdfHref(item.opdCode, item.year)}">${text.document}</a>` : ''
  }`;
}

/**
 * The findings' figures as a reader meets them: with no recommendation there is no rate and no
 * amount, so both read as the one empty sign, never as "0 %" beside "Rp 0".
 */
export function findingFigures(lang: Lang, findings: Scorecard['findings']) {
  const none = textFor(lang).none;
  const any = findings.recommendations > 0;
  return {
    followUpRate: any ? percent(lang, findings.followUpRate) : none,
    total: any ? rupiah(findings.amountIdr.total) : none,
    settled: any ? rupiah(findings.amountIdr.settled) : none,
    outstanding: any ? rupiah(findings.amountIdr.outstanding) : none,
  };
}

/**
 * A table's caption shown above its scroll box, where a phone wraps it to the screen; the
 * `<caption>` itself stays for screen readers and names the table, only hidden from sight (a
 * caption is as wide as its table, so inside the box it ran off a 390 px screen).
 */
export const visibleCaption = (text: string): SafeHtml => markup`<p class="table-caption" aria-hidden="true">${text}</p>`;
export const readersCaption = (text: string, id?: string): SafeHtml =>
  markup`<caption class="for-readers" ${id ? markup`id="${id}"` : ''}><span class="visually-hidden">${text}</span></caption>`;

/** The year choice a yearly page opens with: a plain GET form, so it needs no script. */
export const yearForm = (lang: Lang, action: string, years: number[], year: number): SafeHtml => {
  const text = textFor(lang);
  return markup`<form class="year" method="get" action="${action}">
    <label for="year">${text.year}</label>
    <select id="year" name="year">
      ${years.map((option) => markup`<option value="${option}" ${option === year ? markup` selected` : ''}>${option}</option>`)}
    </select>
    ${lang === 'en' ? markup`<input type="hidden" name="lang" value="en" />` : ''}
    <button type="submit">${text.show}</button>
  </form>`;
};
