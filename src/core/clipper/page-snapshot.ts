/**
 * The page as the browser shows it, for the job-page reader: the rendered document (so pages
 * built by scripts, like Workday's and Ashby's, are read as seen), with JSON-LD kept and
 * everything else that is not text dropped: scripts, styles, images' data, frames, and every
 * form field, so nothing the user typed on the page leaves it. The browser clipper runs this in
 * the tab; the bookmarklet carries its source. It must stay self-contained (no reference to
 * anything outside its body) because both send it as source text.
 */
export interface PageSnapshot {
  url: string;
  title: string;
  html: string;
}

/** `doc` defaults to the global document: the clipper passes only JSON arguments into the tab. */
export function snapshotPage(maxChars: number, doc: Document = document): PageSnapshot {
  const clone = doc.documentElement.cloneNode(true) as Element;
  const drop =
    'script:not([type="application/ld+json"]),style,link,svg,noscript,iframe,frame,object,embed,template,' +
    'canvas,video,audio,source,input,textarea,select,option';
  for (const el of Array.from(clone.querySelectorAll(drop))) el.remove();
  for (const el of Array.from(clone.querySelectorAll('*'))) {
    for (const name of el.getAttributeNames()) {
      if (
        name === 'style' ||
        name === 'srcset' ||
        name.startsWith('on') ||
        (name === 'src' && el.tagName === 'IMG')
      )
        el.removeAttribute(name);
    }
  }
  let html = clone.outerHTML;
  if (html.length > maxChars) {
    // Too big to send whole: the JSON-LD and the page's text, which the reader can still use.
    const data = Array.from(clone.querySelectorAll('script[type="application/ld+json"]'))
      .map((s) => s.outerHTML)
      .join('');
    const text = (doc.body?.innerText ?? '').slice(0, Math.max(0, maxChars - data.length - 500));
    const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    const title = doc.title.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    html = `<html><head><title>${title}</title>${data}</head><body><main><pre>${escaped}</pre></main></body></html>`;
  }
  return { url: doc.location.href, title: doc.title, html };
}
