/**
 * Mention cards: who or what a mention in the article is, without leaving
 * the text. Progressive enhancement over plain links to entity pages:
 *
 *  - mouse: hovering a mention previews its card; clicking follows the link;
 *  - keyboard: focusing a mention previews its card; Enter opens the card and
 *    moves focus into it (a non-modal dialog); Tab walks through it and on;
 *  - touch and pen: the first tap opens the card, the card's link navigates
 *    (tapping the same mention again follows its link too);
 *  - Escape, the close button or a click elsewhere close it; closing an open
 *    card returns focus to its mention.
 *
 * Data comes from `<script type="application/json" id="entity-data">`, the
 * markup from `<template id="mention-card-template">` (MentionCard.astro).
 * The card is inserted right after its mention, so reading and Tab order
 * continue naturally.
 */

interface CardData {
  name: string;
  kindLabel: string;
  mark: string;
  description?: string;
  role?: string;
  href: string;
}

/**
 * `hover`: shown under the mouse, clickable, closes when the pointer leaves;
 * `focus`: a picture beside the focused mention, inert (out of the Tab order);
 * `open`: a non-modal dialog holding focus, closed by Escape, × or leaving it.
 */
type Mode = 'hover' | 'focus' | 'open';

const SHOW_DELAY = 180;
const HIDE_DELAY = 260;

/** Everything the cards need from the page, or undefined when it is not an article page. */
function readPage(): { body: HTMLElement; card: HTMLElement; entities: Record<string, CardData> } | undefined {
  const dataElement = document.getElementById('entity-data');
  const template = document.getElementById('mention-card-template');
  const body = document.querySelector<HTMLElement>('[data-article-body]');
  if (!dataElement || !(template instanceof HTMLTemplateElement) || !body) return undefined;
  const card = template.content.firstElementChild?.cloneNode(true);
  if (!(card instanceof HTMLElement)) return undefined;
  try {
    return { body, card, entities: JSON.parse(dataElement.textContent ?? '{}') as Record<string, CardData> };
  } catch {
    return undefined; // no data, no cards: the links still work
  }
}

function enhance(body: HTMLElement, card: HTMLElement, entities: Record<string, CardData>): void {
  const part = <T extends HTMLElement = HTMLElement>(name: string) => card.querySelector<T>(`[data-card-${name}]`) as T;
  const kind = part('kind');
  const name = part('name');
  const description = part('description');
  const role = part('role');
  const roleText = part('role-text');
  const mentionsLabel = part('mentions-label');
  const jumps = part('jumps');
  const link = part<HTMLAnchorElement>('link');
  const linkName = part('link-name');
  const close = part<HTMLButtonElement>('close');

  let current: HTMLElement | undefined;
  let mode: Mode | undefined;
  let showTimer: number | undefined;
  let hideTimer: number | undefined;
  let lastPointer = '';
  let lastPointerAt = 0;
  /** The mention focus is being handed back to: its focus must not reopen a preview. */
  let returningTo: HTMLElement | undefined;

  const mentionOf = (target: EventTarget | null): HTMLElement | undefined => {
    const element = target instanceof Element ? target.closest<HTMLElement>('[data-entity]') : null;
    return element && body.contains(element) && !card.contains(element) ? element : undefined;
  };
  /** The link of a mention: the mention itself, or the link inside it. */
  const linkOf = (mention: HTMLElement): HTMLAnchorElement | null =>
    mention instanceof HTMLAnchorElement ? mention : mention.querySelector('a[href]');

  for (const mention of body.querySelectorAll<HTMLElement>('[data-entity]')) {
    const anchor = linkOf(mention);
    if (!anchor || !entities[mention.dataset.entity ?? '']) continue;
    anchor.setAttribute('aria-haspopup', 'dialog');
    anchor.setAttribute('aria-expanded', 'false');
  }

  function fill(mention: HTMLElement): void {
    const key = mention.dataset.entity ?? '';
    const entity = entities[key];
    if (!entity) return;
    card.dataset.cardMark = entity.mark;
    kind.textContent = entity.kindLabel;
    name.textContent = entity.name;
    description.textContent = entity.description ?? '';
    description.hidden = !entity.description;
    roleText.textContent = entity.role ?? '';
    role.hidden = !entity.role;
    link.href = entity.href;
    linkName.textContent = ` of ${entity.name}`;

    const all = [...body.querySelectorAll<HTMLElement>(`[data-entity="${CSS.escape(key)}"]`)].filter(
      (element) => element.id,
    );
    mentionsLabel.textContent =
      all.length === 1 ? 'Mentioned once in this article' : `Mentioned ${all.length} times in this article`;
    jumps.replaceChildren(
      ...all.map((element, i) => {
        const jump = document.createElement('a');
        jump.href = `#${element.id}`;
        jump.textContent = String(i + 1);
        jump.setAttribute('aria-label', `Mention ${i + 1} of ${all.length}`);
        if (element === mention) jump.setAttribute('aria-current', 'true');
        return jump;
      }),
    );
    jumps.hidden = all.length < 2;
  }

  function place(mention: HTMLElement): void {
    // Position against the mention's first line box (it may wrap), inside the
    // article body (the card's containing block), kept within the viewport.
    const line = mention.getClientRects()[0] ?? mention.getBoundingClientRect();
    const frame = body.getBoundingClientRect();
    const margin = 12;
    const width = card.offsetWidth;
    const height = card.offsetHeight;
    const viewport = document.documentElement.clientWidth;
    const left = Math.max(margin, Math.min(line.left, viewport - width - margin));
    const below = line.bottom + 8;
    const fitsBelow = below + height <= window.innerHeight - margin;
    const top = fitsBelow || line.top - height - 8 < margin ? below : line.top - height - 8;
    card.style.left = `${Math.round(left - frame.left)}px`;
    card.style.top = `${Math.round(top - frame.top)}px`;
  }

  function show(mention: HTMLElement, how: Mode): void {
    window.clearTimeout(showTimer);
    window.clearTimeout(hideTimer);
    if (current !== mention) {
      if (current) setExpanded(current, false);
      current = mention;
      fill(mention);
      mention.after(card);
      setExpanded(mention, true);
    }
    if (mode !== 'open') mode = how;
    // A focus preview is only a picture: out of the Tab order and the
    // accessibility tree, so tabbing through the text never walks through
    // cards. Enter opens it as a real dialog.
    card.inert = mode === 'focus';
    place(mention);
    if (how === 'open') card.focus({ preventScroll: true });
  }

  function hide(restoreFocus = false): void {
    window.clearTimeout(showTimer);
    window.clearTimeout(hideTimer);
    if (!current) return;
    const mention = current;
    const hadFocus = card.contains(document.activeElement);
    setExpanded(mention, false);
    card.remove();
    current = undefined;
    mode = undefined;
    if (restoreFocus && hadFocus) {
      returningTo = mention;
      linkOf(mention)?.focus();
      returningTo = undefined;
    }
  }

  function setExpanded(mention: HTMLElement, expanded: boolean): void {
    linkOf(mention)?.setAttribute('aria-expanded', String(expanded));
  }

  const scheduleHide = () => {
    window.clearTimeout(showTimer);
    window.clearTimeout(hideTimer);
    hideTimer = window.setTimeout(() => {
      if (mode === 'hover') hide();
    }, HIDE_DELAY);
  };

  // Mouse: preview on hover, keep it while the pointer is on the card.
  body.addEventListener('pointerover', (event) => {
    if (event.pointerType !== 'mouse') return;
    if (card.contains(event.target as Node)) {
      window.clearTimeout(hideTimer);
      return;
    }
    const mention = mentionOf(event.target);
    if (!mention) return;
    window.clearTimeout(hideTimer);
    window.clearTimeout(showTimer);
    if (mode === 'open' && current !== mention) return; // an open card stays until closed
    showTimer = window.setTimeout(() => show(mention, 'hover'), current ? 0 : SHOW_DELAY);
  });
  body.addEventListener('pointerout', (event) => {
    if (event.pointerType !== 'mouse') return;
    const from = mentionOf(event.target) ?? (card.contains(event.target as Node) ? card : undefined);
    if (!from) return;
    const to = event.relatedTarget as Node | null;
    if (to && (card.contains(to) || (current?.contains(to) ?? false))) return;
    scheduleHide();
  });

  // Keyboard focus: preview; focus leaving both mention and card: close.
  body.addEventListener('focusin', (event) => {
    const mention = mentionOf(event.target);
    if (mention && mention !== returningTo && (event.target as Element).matches(':focus-visible')) {
      if (mode === 'open' && current !== mention) hide();
      show(mention, 'focus');
    }
  });
  body.addEventListener('focusout', (event) => {
    const to = event.relatedTarget as Node | null;
    if (!current || (to && (card.contains(to) || current.contains(to)))) return;
    // Focus left for somewhere else (or for nothing, e.g. a click on text).
    window.setTimeout(() => {
      const active = document.activeElement;
      if (current && mode !== 'hover' && !(active && (card.contains(active) || current.contains(active)))) hide();
    }, 0);
  });

  // Activation: touch, pen and keyboard open the card; a mouse click navigates.
  document.addEventListener(
    'pointerdown',
    (event) => {
      lastPointer = event.pointerType;
      lastPointerAt = event.timeStamp;
      const target = event.target as Node;
      if (current && !card.contains(target) && !current.contains(target)) hide();
    },
    true,
  );
  body.addEventListener('click', (event) => {
    const mention = mentionOf(event.target);
    if (!mention || event.defaultPrevented) return;
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const pointer =
      'pointerType' in event && typeof event.pointerType === 'string' && event.pointerType !== ''
        ? event.pointerType
        : event.timeStamp - lastPointerAt < 1000 && event.detail > 0
          ? lastPointer
          : 'keyboard';
    if (pointer === 'mouse') return;
    if (current === mention && mode === 'open') return; // second tap or Enter: follow the link
    event.preventDefault();
    show(mention, 'open');
  });

  close.addEventListener('click', () => hide(true));
  card.addEventListener('click', (event) => {
    // A jump to another mention: let the browser scroll, then close.
    if ((event.target as Element).closest('[data-card-jumps] a')) window.setTimeout(() => hide(), 0);
  });
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !current) return;
    event.preventDefault();
    hide(true);
  });
  window.addEventListener('resize', () => {
    if (current) place(current);
  });
}

const page = readPage();
if (page) enhance(page.body, page.card, page.entities);
