/**
 * "Link to selected text": while the reader has text selected inside an
 * article, a button offers a link that opens the page scrolled to that
 * passage and highlighted (a URL text fragment, see `src/share/textFragment.ts`).
 */
import { textFragmentUrl } from '../share/textFragment.ts';
import { announce, canonicalUrl, copyText } from './shareStatus.ts';

/** Elements whose id a link may land on when the text fragment cannot be found. */
const BLOCK_WITH_ID = ':is(p, h1, h2, h3, h4, h5, h6, li, blockquote, figcaption, dd, dt)[id]';
const WORD_EDGE = /[\p{L}\p{N}\p{M}'’]+/u;

function elementOf(node: Node): Element | null {
  return node instanceof Element ? node : node.parentElement;
}

/**
 * The selected text, widened to whole words: text fragments match whole words
 * only, and a drag selection often starts or ends inside one.
 */
function selectedWords(range: Range): string {
  let text = range.toString();
  const { startContainer, startOffset, endContainer, endOffset } = range;
  if (startContainer instanceof Text && /^[\p{L}\p{N}\p{M}]/u.test(text)) {
    const before = startContainer.data.slice(0, startOffset).match(new RegExp(`${WORD_EDGE.source}$`, 'u'));
    if (before) text = before[0] + text;
  }
  if (endContainer instanceof Text && /[\p{L}\p{N}\p{M}]$/u.test(text)) {
    const after = endContainer.data.slice(endOffset).match(new RegExp(`^${WORD_EDGE.source}`, 'u'));
    if (after) text += after[0];
  }
  return text;
}

interface Pending {
  text: string;
  targetId: string | undefined;
}

export function enhanceSelection(): void {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'share-selection';
  button.textContent = 'Link to selected text';
  button.hidden = true;
  let pending: Pending | undefined;

  // Pressing the button must not clear the selection it is about.
  button.addEventListener('mousedown', (event) => event.preventDefault());
  button.addEventListener('click', async () => {
    if (!pending) return;
    const url = textFragmentUrl(canonicalUrl(), pending.text, { targetId: pending.targetId });
    if (!url) return;
    announce((await copyText(url)) ? 'Link to selected text copied' : 'Could not copy the link');
  });

  const update = () => {
    const selection = document.getSelection();
    const range = selection && !selection.isCollapsed && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
    const article = range ? elementOf(range.commonAncestorContainer)?.closest('article') : null;
    const text = range && article ? selectedWords(range) : '';
    if (!range || !article || !/[\p{L}\p{N}]/u.test(text)) {
      // Keep the button while it has focus (keyboard users tabbing to it).
      if (document.activeElement !== button) {
        button.hidden = true;
        pending = undefined;
      }
      return;
    }
    const block = elementOf(range.startContainer)?.closest(BLOCK_WITH_ID);
    pending = { text, targetId: block && article.contains(block) ? block.id : undefined };
    // Right after the selected passage in the document, so Tab reaches it next.
    let anchor = elementOf(range.endContainer)?.closest(BLOCK_WITH_ID) ?? null;
    if (anchor?.matches('li, dd, dt')) anchor = anchor.parentElement;
    if (!anchor || !article.contains(anchor) || anchor === article) anchor = article.lastElementChild;
    if (anchor && anchor !== button && anchor.nextElementSibling !== button) anchor.after(button);
    button.hidden = false;
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  document.addEventListener('selectionchange', () => {
    clearTimeout(timer);
    timer = setTimeout(update, 150);
  });
  button.addEventListener('blur', () => setTimeout(update, 0));
}
