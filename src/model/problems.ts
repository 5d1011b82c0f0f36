/**
 * A content problem names the file, the field and the fix, so an editor can
 * act on it without reading a stack trace.
 */
export interface ContentProblem {
  /** Path relative to the project root, e.g. `content/articles/x.md`. */
  file: string;
  /** Dotted path of the field, e.g. `events[2].date`, or `(frontmatter)`. */
  field: string;
  message: string;
  fix: string;
}

export function formatProblem(problem: ContentProblem): string {
  const sentence = (text: string) => text.replace(/\.+$/, '');
  return `${problem.file} › ${problem.field}: ${sentence(problem.message)}.\n    Fix: ${sentence(problem.fix)}.`;
}

/** Thrown to stop the build; its message lists every problem found. */
export class ContentError extends Error {
  readonly problems: ContentProblem[];
  constructor(problems: ContentProblem[]) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(`Backstory content check failed with ${count}:\n\n${problems.map(formatProblem).join('\n\n')}\n`);
    this.name = 'ContentError';
    this.problems = problems;
    // The problems are the editor's to fix, not a fault in the code: no stack
    // trace (Astro prints one, with a "Location" in our loader, for any error that has it).
    this.stack = '';
  }
}
