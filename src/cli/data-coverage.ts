// npm run data:coverage [dir]: what data/ covers per country and kind, and the gaps it lists (no database needed).
import { coverageOf } from '../data/coverage.js';
import { DataError, formatIssue, loadDataset } from '../data/load.js';

const dir = process.argv[2] ?? process.env.DATA_DIR ?? 'data';
try {
  const cov = coverageOf(await loadDataset(dir));
  console.log('country  provisions  (official text)  cases  (with sentence)  practice  amnesty acts  gaps');
  for (const c of cov.countries) {
    console.log(
      [
        c.country.padEnd(7),
        String(c.provisions).padStart(10),
        String(c.provisionsFromOfficialText).padStart(16),
        String(c.cases).padStart(6),
        String(c.casesWithSentence).padStart(16),
        String(c.practiceNotes).padStart(9),
        String(c.amnestyActs).padStart(13),
        String(c.gaps.length).padStart(5),
      ].join('  '),
    );
  }
  console.log(
    `\nsources by kind: ${Object.entries(cov.sourcesByKind)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}`,
  );
  for (const c of cov.countries) {
    console.log(`\n${c.country} gaps:`);
    for (const g of c.gaps) console.log(`  [${g.topic}] ${g.note}`);
  }
} catch (err) {
  if (!(err instanceof DataError)) throw err;
  for (const i of err.issues) console.error(formatIssue(i));
  process.exitCode = 1;
}
