import { Scorecard } from '@app/domain/dashboard';
import { AchievementScale } from '@app/domain/plan';
import { markup, SafeHtml } from '../markup';
import { bandClass } from '../portal-format';
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
