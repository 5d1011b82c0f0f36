/**
 * zod's issues as content problems: the field as editors see it
 * (`events[2].date ("istanbul-summit")`), what is wrong and how to fix it.
 */
import type { z } from 'astro/zod';
import type { RawEntry } from './contentFiles.ts';
import type { ContentProblem } from './problems.ts';

export function zodProblems(entry: RawEntry, error: z.ZodError): ContentProblem[] {
  return error.issues.map((issue) => {
    const field = describePath(entry.data, issue.path);
    if (issue.code === 'unrecognized_keys') {
      return {
        file: entry.file,
        field: field || '(frontmatter)',
        message: `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}`,
        fix: 'remove it or fix its spelling (see src/model/schema.ts for the allowed fields)',
      };
    }
    const received = valueAt(entry.data, issue.path);
    const message = received === undefined && issue.code === 'invalid_type' ? 'is required but missing' : issue.message;
    return { file: entry.file, field: field || '(frontmatter)', message, fix: fixFor(issue, received) };
  });
}

function fixFor(issue: z.core.$ZodIssue, received: unknown): string {
  if (issue.code === 'invalid_type') {
    return received === undefined
      ? `add the field (expected ${issue.expected})`
      : `write a ${issue.expected} here, not ${JSON.stringify(received)}`;
  }
  if (issue.code === 'invalid_value') return `use one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  return `replace ${JSON.stringify(received)} with a value as described`;
}

/** `events.2.date` → `events[2].date ("istanbul-summit")` so editors find the entry. */
function describePath(data: unknown, path: readonly PropertyKey[]): string {
  let out = '';
  let node: unknown = data;
  for (const key of path) {
    if (typeof key === 'number') {
      out += `[${key}]`;
      node = Array.isArray(node) ? node[key] : undefined;
      const label = labelOf(node);
      if (label) out += `{${label}}`;
    } else {
      out += out ? `.${String(key)}` : String(key);
      node = node && typeof node === 'object' ? (node as Record<string, unknown>)[String(key)] : undefined;
    }
  }
  return out.replace(/\{([^}]*)\}/g, ' ("$1")');
}

function labelOf(node: unknown): string | undefined {
  if (node && typeof node === 'object' && 'id' in node && typeof node.id === 'string') return node.id;
  return undefined;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let node = data;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}
