/**
 * What the sharing controls have in common: the page's canonical address,
 * copying to the clipboard, and telling the reader it worked — aloud, through
 * one polite live region, and on screen, as a small toast (the same element).
 */

/** The canonical URL of this page (no fragment), from `<link rel="canonical">`. */
export function canonicalUrl(): string {
  const link = document.querySelector<HTMLLinkElement>('link[rel="canonical"]');
  return (link?.href || location.href).split('#')[0] ?? location.href;
}

/** Whether copying can be tried at all (the Clipboard API needs a secure context). */
export function canCopy(): boolean {
  return typeof navigator.clipboard?.writeText === 'function';
}

/** Copies `text`; `false` when the browser refuses (no permission, insecure context, no focus). */
export async function copyText(text: string): Promise<boolean> {
  if (!canCopy()) return false;
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

const SHOWN_MS = 2500;
let status: HTMLElement | undefined;
let hideTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * The live region must be in the document before its text changes, or screen
 * readers miss the first message: call this once when the page starts.
 */
export function createStatus(): HTMLElement {
  if (!status) {
    status = document.createElement('div');
    status.className = 'share-toast';
    status.setAttribute('role', 'status');
    document.body.append(status);
  }
  return status;
}

/** Shows and announces `message`, then clears it. */
export function announce(message: string): void {
  const region = createStatus();
  clearTimeout(hideTimer);
  // Emptying first makes a repeated message ("Link copied" twice) be announced again.
  region.textContent = '';
  requestAnimationFrame(() => {
    region.textContent = message;
    hideTimer = setTimeout(() => {
      region.textContent = '';
    }, SHOWN_MS);
  });
}
