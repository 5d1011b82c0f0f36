/**
 * Plain-text formatting of the benchmark figures: Markdown tables (which also
 * read well in a terminal), byte and time units.
 */

export type Align = 'left' | 'right';

/** A GitHub-flavoured Markdown table with padded columns. Cells are escaped (`|`). */
export function markdownTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  align?: readonly Align[],
): string {
  const escapeCell = (cell: string) => cell.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const head = headers.map(escapeCell);
  const body = rows.map((row) => headers.map((_, i) => escapeCell(row[i] ?? '')));
  const widths = head.map((h, i) => Math.max(3, h.length, ...body.map((row) => (row[i] as string).length)));
  const alignOf = (i: number): Align => align?.[i] ?? (i === 0 ? 'left' : 'right');
  const pad = (cell: string, i: number) =>
    alignOf(i) === 'right' ? cell.padStart(widths[i] as number) : cell.padEnd(widths[i] as number);
  const line = (cells: readonly string[]) => `| ${cells.map(pad).join(' | ')} |`;
  const rule = `| ${widths.map((w, i) => (alignOf(i) === 'right' ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`;
  return [line(head), rule, ...body.map(line)].join('\n');
}

/** Bytes as KB with one decimal (1 KB = 1000 bytes, as the budgets are written). */
export function kb(bytes: number): string {
  return (bytes / 1000).toFixed(1);
}

export function seconds(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(1);
}

export function ratio(a: number | undefined, b: number | undefined): string {
  return a === undefined || b === undefined || !(b > 0) ? '–' : `${(a / b).toFixed(2)}×`;
}

export function mb(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? '–' : String(Math.round(value));
}

/** Lighthouse category score (0–1 or null) as 0–100. */
export function score(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : String(Math.round(value * 100));
}

/** The median of a list (mean of the middle two for even lengths); undefined for an empty list. */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
