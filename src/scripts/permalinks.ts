/**
 * Sharing, as progressive enhancement. Without JavaScript every heading and
 * paragraph has a plain fragment link (`<a class="permalink" href="#id"
 * data-permalink>`) and the page highlights `:target` (src/share/share.css).
 * With it:
 *
 * - activating a permalink copies the canonical URL + `#id` and says so; if
 *   copying fails the link is followed as before;
 * - `[data-share]` buttons (hidden until now) open the system share sheet
 *   where there is one, else copy the page's link;
 * - selecting text inside an article offers "Link to selected text".
 */
import { enhanceSelection } from './shareSelection.ts';
import { announce, canCopy, canonicalUrl, copyText, createStatus } from './shareStatus.ts';

const COPIED_MS = 2000;

function permalinkTarget(link: HTMLAnchorElement): string | null {
  const hash = link.getAttribute('href') ?? '';
  return hash.startsWith('#') && hash.length > 1 ? hash : null;
}

function markCopied(control: Element): void {
  control.setAttribute('data-copied', '');
  setTimeout(() => control.removeAttribute('data-copied'), COPIED_MS);
}

function enhancePermalinks(): void {
  if (!canCopy()) return; // nothing to add: the links work as links
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-permalink]')) {
    const label = link.getAttribute('aria-label') ?? 'Link to this paragraph';
    const copyLabel = /^link\b/i.test(label) ? `Copy ${label.charAt(0).toLowerCase()}${label.slice(1)}` : label;
    link.setAttribute('aria-label', copyLabel);
    link.title = copyLabel;
  }

  document.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest?.<HTMLAnchorElement>('a[data-permalink]');
    if (!link || event.defaultPrevented) return;
    // Middle click, Ctrl/Cmd/Shift/Alt-click keep their usual meaning (new tab, download…).
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const hash = permalinkTarget(link);
    if (!hash) return;
    // The clipboard answers asynchronously, so navigation is held back now and
    // done by hand below if the copy fails: the reader still gets the link.
    event.preventDefault();
    void copyText(canonicalUrl() + hash).then((copied) => {
      if (copied) {
        markCopied(link);
        announce('Link copied');
      } else {
        location.hash = hash;
      }
    });
  });
}

function enhanceShareButtons(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-share]')) {
    const data: ShareData = { title: document.title, url: canonicalUrl() };
    const canShare = typeof navigator.share === 'function' && (navigator.canShare?.(data) ?? true);
    if (!canShare && !canCopy()) continue; // it could do nothing: stay hidden
    if (!canShare) button.textContent = button.dataset.copyLabel ?? 'Copy link';
    button.hidden = false;
    button.addEventListener('click', async () => {
      if (canShare) {
        try {
          await navigator.share(data);
          return;
        } catch (error) {
          if (error instanceof DOMException && error.name === 'AbortError') return; // the reader closed the sheet
        }
      }
      if (await copyText(data.url ?? canonicalUrl())) {
        markCopied(button);
        announce('Link copied');
      } else {
        announce('Could not copy the link');
      }
    });
  }
}

createStatus();
enhancePermalinks();
enhanceShareButtons();
enhanceSelection();
