/**
 * Backstory's colours outside the page's CSS: preview images, icons and the
 * web app manifest. The values are the light theme's tokens in
 * src/styles/global.css (--bg, --text, --accent, --text-muted, --rule); keep
 * them in step.
 */
export const brand = {
  /** Text, and the icon's ground. */
  ink: '#1c1b19',
  /** Page background. */
  paper: '#fcfbf8',
  /** The one accent: rules and the mark's underline. */
  accent: '#9e3520',
  /** Secondary text on paper. */
  muted: '#57534b',
  /** Hairlines and chip borders on paper. */
  rule: '#e2ddd2',
} as const;
