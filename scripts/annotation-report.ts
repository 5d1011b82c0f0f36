/**
 * `node scripts/annotation-report.ts`: what the annotation plugins found in
 * each article of content/articles — mentions per entity, declared aliases
 * and event phrases never annotated, and suggestions for names and dates that
 * nothing annotates. Exits 1 when a declared alias or event phrase is never
 * annotated (or an article cannot be rendered), 0 otherwise.
 */
import { entityIndex } from '../src/annotate/entities.ts';
import { createAnnotationReporter, formatReport, reportFails } from '../src/annotate/report.ts';
import { readContentDir } from '../src/model/contentFiles.ts';

const { entries } = await readContentDir(process.cwd());
const articles = entries.filter((entry) => entry.collection === 'articles');
const report = await createAnnotationReporter({ base: '/', entities: entityIndex(entries) });

let failed = 0;
for (const article of articles) {
  const result = await report(article);
  if (reportFails(result)) failed++;
  console.log(`${formatReport(result)}\n`);
}
console.log(
  failed > 0
    ? `${failed} of ${articles.length} articles have annotations to fix`
    : `annotation report: ${articles.length} articles, nothing to fix`,
);
process.exitCode = failed > 0 ? 1 : 0;
