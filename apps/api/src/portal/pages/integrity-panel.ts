import { IntegrityCheckpoint } from '@app/event-store';
import { markup, SafeHtml } from '../markup';
import { instant } from '../portal-format';
import { integrityPageHref } from '../portal-links';
import { Lang, textFor } from '../portal-text';

/**
 * The current public head as a citizen needs it: what it proves, in words, and the one code to
 * keep. Everything an expert needs (the command, the chain's other fields) is a link away, on
 * the integrity page.
 */
export function integrityPanel(lang: Lang, head: IntegrityCheckpoint | null, timeZone: string): SafeHtml {
  const text = textFor(lang);
  return markup`<section class="panel integrity" aria-labelledby="integrity-title">
    <h2 id="integrity-title">${text.integrityTitle}</h2>
    <p>${text.integrityLead}</p>
    ${
      head
        ? markup`<p>${text.integrityProves(instant(lang, head.recordedAt, timeZone))}</p>
          <dl class="head">
            <dt>${text.fingerprint}</dt>
            <dd><code class="hash" id="head-hash">${head.hash}</code></dd>
            <dt>${text.recordedAt}</dt>
            <dd><time datetime="${head.recordedAt}">${instant(lang, head.recordedAt, timeZone)}</time></dd>
          </dl>`
        : markup`<p>${text.integrityNone}</p>`
    }
    <p><a href="${integrityPageHref(lang)}">${text.integrityLink}</a></p>
  </section>`;
}
