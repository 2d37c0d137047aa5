import { PUBLIC_ITEM_TYPES } from '@app/domain/public';
import { FeedItem } from '../../public-feed';
import { markup, SafeHtml } from '../markup';
import { feedItemDocumentHref, feedItemHref, LIVE_FEED_HREF, pageLanguageQuery } from '../portal-links';
import { instant } from '../portal-format';
import { Lang, nameOf, textFor } from '../portal-text';

/**
 * One feed item. The script renders live items with the same markup from the same fields
 * (assets/portal.js, `feedItem`), so what arrives live looks like what the server rendered.
 * Titles are the projection's Indonesian sentences, marked as such on the English page.
 */
export function feedItemHtml(lang: Lang, item: FeedItem, timeZone: string): SafeHtml {
  const document = feedItemDocumentHref(item);
  return markup`<li data-position="${item.position}">
    <p class="feed-type">
      ${nameOf(lang, item.type)} · <a href="${feedItemHref(lang, item)}">${item.opdCode} ${item.year}</a>${
        document ? markup` · <a href="${document}">${textFor(lang).document}</a>` : ''
      }
    </p>
    <p class="feed-title" lang="id">${item.title}</p>
    <p class="feed-time"><time datetime="${item.occurredAt}">${instant(lang, item.occurredAt, timeZone)}</time></p>
  </li>`;
}

/**
 * The latest items, newest first; the script continues after the newest one through
 * the live feed (`LIVE_FEED_HREF?after=`), and the browser resumes with Last-Event-ID after a drop.
 */
export function feedPanel(lang: Lang, items: FeedItem[], timeZone: string): SafeHtml {
  const text = textFor(lang);
  return markup`<section class="panel feed" aria-labelledby="feed-title">
    <h2 id="feed-title">${text.feedTitle}</h2>
    <p>${text.feedLead}</p>
    <p class="feed-empty" ${items.length ? markup` hidden` : ''}>${text.feedEmpty}</p>
    <ol
      id="feed"
      class="feed-list"
      aria-live="polite"
      data-lang="${lang}"
      data-time-zone="${timeZone}"
      data-names="${JSON.stringify(Object.fromEntries(PUBLIC_ITEM_TYPES.map((type) => [type, nameOf(lang, type)])))}"
      data-after="${items[0]?.position ?? ''}"
      data-live-href="${LIVE_FEED_HREF}"
      data-page-query="${pageLanguageQuery(lang)}"
      data-document-label="${textFor(lang).document}"
    >
      ${items.map((item) => feedItemHtml(lang, item, timeZone))}
    </ol>
  </section>`;
}
