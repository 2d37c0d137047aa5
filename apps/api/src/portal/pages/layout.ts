import { markup, SafeHtml } from '../markup';
import { API_DOCS_HREF, ASSET_HREFS, homeHref, laporHref } from '../portal-links';
import { Lang, otherLang, textFor } from '../portal-text';

export interface PageFrame {
  lang: Lang;
  /** REGION_NAME: whose portal this is, on every page. */
  region: string;
  title: string;
  /** The same page in the other language: a plain link, no cookie. */
  otherLanguageHref: string;
  main: SafeHtml;
}

/**
 * Every page's frame. Scripts come from this server only and are deferred: the page is whole
 * without them (tables, links, the year form), they add sorting, charts and live updates.
 */
export function page({ lang, region, title, otherLanguageHref, main }: PageFrame): string {
  const text = textFor(lang);
  const document = markup`<html lang="${lang}">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>${title} · ${text.siteTitle} ${region}</title>
      <link rel="icon" href="${ASSET_HREFS.icon}" type="image/svg+xml" />
      <link rel="stylesheet" href="${ASSET_HREFS.styles}" />
      <script src="${ASSET_HREFS.charts}" defer></script>
      <script src="${ASSET_HREFS.script}" defer></script>
    </head>
    <body>
      <a class="skip" href="#main">${text.skipToContent}</a>
      <header class="site">
        <p class="site-title">
          <a href="${homeHref(lang)}">${text.siteTitle} <span class="region">${region}</span></a>
        </p>
        <p class="lang">
          <a href="${laporHref(lang)}">${text.report}</a> ·
          <a href="${otherLanguageHref}" hreflang="${otherLang(lang)}" lang="${otherLang(lang)}">${text.otherLanguage}</a>
        </p>
      </header>
      <main id="main">${main}</main>
      <footer class="site">
        <p>${text.source} <a href="${API_DOCS_HREF}">${API_DOCS_HREF}</a></p>
      </footer>
    </body>
  </html>`;
  return `<!doctype html>\n${document.markup}\n`;
}
