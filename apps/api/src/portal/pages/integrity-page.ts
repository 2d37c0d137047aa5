import { IntegrityCheckpoint } from '@app/event-store';
import { markup } from '../markup';
import { instant, number } from '../portal-format';
import { INTEGRITY_HEAD_HREF, integrityPageHref } from '../portal-links';
import { Lang, otherLang, textFor } from '../portal-text';
import { page } from './layout';

export interface IntegrityPageData {
  lang: Lang;
  region: string;
  head: IntegrityCheckpoint | null;
  timeZone: string;
}

/** The command a copy of the log is checked with (scripts/verify, docs/domain.md). */
const verifyCommand = (hash: string) => `npm run verify -- --head ${hash}`;

/** For whoever checks the ledger themselves: the whole head, the command, and what the LKjIP's code is. */
export function integrityPage({ lang, region, head, timeZone }: IntegrityPageData): string {
  const text = textFor(lang);
  const main = markup`<h1>${text.integrityPageTitle}</h1>
    <p class="lead">${text.integrityLead}</p>
    <section aria-labelledby="head-title">
      <h2 id="head-title">${text.integrityHeadTitle}</h2>
      ${
        head
          ? markup`<dl class="head">
              <dt>${text.hash}</dt>
              <dd><code class="hash" id="head-hash">${head.hash}</code></dd>
              <dt>${text.recordedAt}</dt>
              <dd><time datetime="${head.recordedAt}">${instant(lang, head.recordedAt, timeZone)}</time></dd>
              <dt>${text.sequence}</dt>
              <dd>${number(lang, head.sequence)}</dd>
              <dt>${text.events}</dt>
              <dd>${number(lang, head.events)}</dd>
              <dt>${text.position}</dt>
              <dd><code class="hash">${head.position}</code></dd>
              <dt>${text.previousHash}</dt>
              <dd><code class="hash">${head.previousHash}</code></dd>
            </dl>`
          : markup`<p>${text.integrityNone}</p>`
      }
    </section>
    <section aria-labelledby="check-title">
      <h2 id="check-title">${text.integrityCheckTitle}</h2>
      <ol class="steps">
        <li>${text.integrityStepKeep} <a href="${INTEGRITY_HEAD_HREF}"><code>${INTEGRITY_HEAD_HREF}</code></a></li>
        <li>
          ${text.integrityStepRun}
          <pre tabindex="0"><code>${verifyCommand(head?.hash ?? '<hash>')}</code></pre>
        </li>
        <li>${text.integrityStepRead}</li>
      </ol>
    </section>
    <section aria-labelledby="report-code-title">
      <h2 id="report-code-title">${text.integrityReportTitle}</h2>
      <p>${text.integrityReport}</p>
    </section>`;
  return page({ lang, region, title: text.integrityPageTitle, otherLanguageHref: integrityPageHref(otherLang(lang)), main });
}
