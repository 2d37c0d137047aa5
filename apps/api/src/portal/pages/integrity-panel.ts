import { IntegrityCheckpoint } from '@app/event-store';
import { markup, SafeHtml } from '../markup';
import { instant, number } from '../portal-format';
import { INTEGRITY_HEAD_HREF } from '../portal-links';
import { Lang, textFor } from '../portal-text';

/** The current public head (/public/v1/integrity/head) and how anyone checks it. */
export function integrityPanel(lang: Lang, head: IntegrityCheckpoint | null, timeZone: string): SafeHtml {
  const text = textFor(lang);
  const how = text.integrityHow.split('`');
  return markup`<section class="panel integrity" aria-labelledby="integrity-title">
    <h2 id="integrity-title">${text.integrityTitle}</h2>
    <p>${text.integrityLead}</p>
    ${
      head
        ? markup`<dl class="head">
            <dt>${text.sequence}</dt>
            <dd>${number(lang, head.sequence)}</dd>
            <dt>${text.position}</dt>
            <dd><code>${head.position}</code></dd>
            <dt>${text.events}</dt>
            <dd>${number(lang, head.events)}</dd>
            <dt>${text.hash}</dt>
            <dd><code class="hash" id="head-hash">${head.hash}</code></dd>
            <dt>${text.previousHash}</dt>
            <dd><code class="hash">${head.previousHash}</code></dd>
            <dt>${text.recordedAt}</dt>
            <dd><time datetime="${head.recordedAt}">${instant(lang, head.recordedAt, timeZone)}</time></dd>
          </dl>`
        : markup`<p>${text.integrityNone}</p>`
    }
    <p>${how[0]}<code>${how[1]}</code>${how[2]} <a href="${INTEGRITY_HEAD_HREF}">${INTEGRITY_HEAD_HREF}</a></p>
  </section>`;
}
