/**
 * `npm run check:content`: the same content check the build runs, without
 * building. Exits 1 and lists every problem (file › field: message. Fix: …).
 */
import { checkContent } from '../src/model/checkContent.ts';
import { readContentDir } from '../src/model/contentFiles.ts';
import { ContentError } from '../src/model/problems.ts';

const { entries, problems } = await readContentDir(process.cwd(), process.env.CONTENT_DIR ?? 'content');
problems.push(...(await checkContent(entries)));
if (problems.length > 0) {
  console.error(new ContentError(problems).message);
  process.exit(1);
}
console.log(`content check passed: ${entries.length} files`);
