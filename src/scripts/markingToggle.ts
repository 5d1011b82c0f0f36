/**
 * The "Highlight mentions" toggle. Without this script the marks are shown and
 * the button stays hidden. With it, the reader's last choice (localStorage)
 * is applied at once, the button appears, and pressing it switches
 * `<html data-marking="off">` on or off and remembers the choice.
 */

const STORAGE_KEY = 'backstory:marking';
const root = document.documentElement;

function remembered(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) !== 'off';
  } catch {
    return true; // storage blocked: marks stay on
  }
}

function remember(on: boolean): void {
  try {
    localStorage.setItem(STORAGE_KEY, on ? 'on' : 'off');
  } catch {
    // Storage blocked: the choice lasts for this page only.
  }
}

function toggles(): HTMLButtonElement[] {
  return [...document.querySelectorAll<HTMLButtonElement>('button[data-marking-toggle]')];
}

function apply(on: boolean): void {
  if (on) delete root.dataset.marking;
  else root.dataset.marking = 'off';
  for (const button of toggles()) button.setAttribute('aria-pressed', String(on));
}

apply(remembered());

for (const button of toggles()) {
  button.hidden = false;
  button.addEventListener('click', () => {
    const on = button.getAttribute('aria-pressed') !== 'true';
    apply(on);
    remember(on);
  });
}

// Another tab changed the choice: follow it.
window.addEventListener('storage', (event) => {
  if (event.key === STORAGE_KEY) apply(event.newValue !== 'off');
});
