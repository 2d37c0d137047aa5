import { laporTextFor } from '../lapor-text';
import { markup, SafeHtml } from '../markup';
import { day } from '../portal-format';
import { LAPOR_ACTIONS, laporHref } from '../portal-links';
import { Lang, otherLang } from '../portal-text';
import { page } from './layout';

interface Message {
  from: string;
  text: string | null;
  on: string;
  late?: boolean;
}

/** A complaint as its reporter reads it: GET /public/v1/complaints/{trackingCode}'s answer. */
export interface FollowedComplaint {
  trackingCode: string;
  status: string;
  subject: string | null;
  filedOn: string;
  deadlines: { verificationDue: string | null; answerDue: string | null; responseDue: string | null; confirmDue: string | null };
  messages: Message[];
}

/** A WBS report as its reporter reads it: GET /public/v1/wbs/{trackingCode}'s answer. */
export interface FollowedWbsReport {
  trackingCode: string;
  status: string;
  filedOn: string;
  identityGiven: boolean;
  messages: Message[];
  identityReadings: Array<{ on: string }>;
}

export type FollowedReport = { kind: 'complaint'; view: FollowedComplaint } | { kind: 'wbs'; view: FollowedWbsReport };

export interface FollowPageData {
  lang: Lang;
  region: string;
  report: FollowedReport;
  /** The pair the reporter proved: the reply forms carry it on, in their POST bodies. */
  followSecret: string;
  /** What the last reply came to. */
  notice?: { ok: boolean; text: string };
}

function conversation(lang: Lang, messages: Message[]): SafeHtml {
  const text = laporTextFor(lang);
  return markup`<section aria-labelledby="messages-title">
    <h2 id="messages-title">${text.messagesTitle}</h2>
    ${
      messages.length === 0
        ? markup`<p>${text.noMessages}</p>`
        : markup`<ol class="messages">
          ${messages.map(
            (message) =>
              markup`<li>
                <p class="meta"><strong>${text.from[message.from] ?? message.from}</strong> · <time datetime="${message.on}">${day(lang, message.on)}</time>${message.late ? markup` · ${text.late}` : ''}</p>
                ${message.text === null ? '' : markup`<p>${message.text}</p>`}
              </li>`,
          )}
        </ol>`
    }
  </section>`;
}

/** One reply form: the action, its own field (if any) and the pair that proves the reporter. */
function replyForm(
  lang: Lang,
  report: FollowedReport,
  followSecret: string,
  action: string,
  title: string,
  button: string,
  field?: { name: string; label: string },
): SafeHtml {
  return markup`<form class="lapor-form" method="post" action="${LAPOR_ACTIONS.message}" aria-label="${title}">
    <input type="hidden" name="lang" value="${lang}" />
    <input type="hidden" name="jenis" value="${report.kind}" />
    <input type="hidden" name="kode" value="${report.view.trackingCode}" />
    <input type="hidden" name="rahasia" value="${followSecret}" />
    <input type="hidden" name="aksi" value="${action}" />
    <h3>${title}</h3>
    ${
      field
        ? markup`<p class="field">
          <label for="${`${action}-text`}">${field.label}</label>
          <textarea id="${`${action}-text`}" name="teks" rows="4" required></textarea>
        </p>`
        : ''
    }
    <p><button type="submit">${button}</button></p>
  </form>`;
}

function complaintDetails(lang: Lang, view: FollowedComplaint, followSecret: string): SafeHtml {
  const text = laporTextFor(lang);
  const report: FollowedReport = { kind: 'complaint', view };
  const deadlines = (Object.keys(text.deadlines) as Array<keyof typeof text.deadlines>).filter((name) => view.deadlines[name] !== null);
  const forms: SafeHtml[] = [];
  if (view.status === 'NEEDS_INFO')
    forms.push(replyForm(lang, report, followSecret, 'jawab', text.answerTitle, text.sendAnswer, { name: 'teks', label: text.answer }));
  if (view.status === 'RESPONDED') {
    forms.push(replyForm(lang, report, followSecret, 'terima', text.confirmTitle, text.confirm));
    forms.push(replyForm(lang, report, followSecret, 'keberatan', text.objectTitle, text.sendObjection, { name: 'teks', label: text.objection }));
  }
  return markup`<section aria-labelledby="status-title">
      <h2 id="status-title">${text.statusTitle}: ${text.complaintStatuses[view.status as keyof typeof text.complaintStatuses]}</h2>
      <dl class="codes">
        <dt>${text.subject}</dt>
        <dd>${view.subject ?? '–'}</dd>
        <dt>${text.filedOn}</dt>
        <dd><time datetime="${view.filedOn}">${day(lang, view.filedOn)}</time></dd>
        ${deadlines.map(
          (name) => markup`<dt>${text.deadlines[name]}</dt>
            <dd><time datetime="${view.deadlines[name]!}">${day(lang, view.deadlines[name]!)}</time></dd>`,
        )}
      </dl>
    </section>
    ${conversation(lang, view.messages)} ${forms}`;
}

function wbsDetails(lang: Lang, view: FollowedWbsReport, followSecret: string): SafeHtml {
  const text = laporTextFor(lang);
  const readings = !view.identityGiven
    ? markup`<p>${text.identityNotGiven}</p>`
    : view.identityReadings.length === 0
      ? markup`<p>${text.identityNeverRead}</p>`
      : markup`<p>${text.identityReadings}:</p>
          <ul>
            ${view.identityReadings.map((reading) => markup`<li><time datetime="${reading.on}">${day(lang, reading.on)}</time></li>`)}
          </ul>`;
  return markup`<section aria-labelledby="status-title">
      <h2 id="status-title">${text.statusTitle}: ${text.wbsStatuses[view.status as keyof typeof text.wbsStatuses]}</h2>
      <dl class="codes">
        <dt>${text.filedOn}</dt>
        <dd><time datetime="${view.filedOn}">${day(lang, view.filedOn)}</time></dd>
      </dl>
      ${readings}
    </section>
    ${conversation(lang, view.messages)}
    ${
      view.status === 'CLOSED'
        ? ''
        : replyForm(lang, { kind: 'wbs', view }, followSecret, 'pesan', text.messageTitle, text.sendMessage, { name: 'teks', label: text.message })
    }`;
}

/** A report as its reporter follows it: the state, the deadlines, the conversation, and what they may answer now. */
export function laporFollowPage({ lang, region, report, followSecret, notice }: FollowPageData): string {
  const text = laporTextFor(lang);
  const title = `${text.followTitle} ${report.view.trackingCode}`;
  const main = markup`<h1>${title}</h1>
    ${
      notice
        ? markup`<div class="notice ${notice.ok ? '' : 'error'}" role="${notice.ok ? 'status' : 'alert'}">
          <p>${notice.text}</p>
        </div>`
        : ''
    }
    ${report.kind === 'complaint' ? complaintDetails(lang, report.view, followSecret) : wbsDetails(lang, report.view, followSecret)}`;
  return page({ lang, region, title, otherLanguageHref: laporHref(otherLang(lang)), main });
}
