// npm run data:check [dir]: validates data/ without a database; prints every problem as "file: path: message".
import { checkDataset } from '../data/check.js';
import { DataError, formatIssue, loadDataset } from '../data/load.js';
import { datasetRevision } from '../data/revision.js';
import { toRows } from '../data/rows.js';
import { countsOf } from '../data/import.js';

const dir = process.argv[2] ?? process.env.DATA_DIR ?? 'data';
try {
  const ds = await loadDataset(dir);
  const issues = checkDataset(ds);
  if (issues.length > 0) throw new DataError(issues);
  const counts = countsOf(toRows(ds));
  console.log(`${dir}: valid, revision ${datasetRevision(ds)}`);
  console.log(
    Object.entries(counts)
      .map(([k, v]) => `  ${k}: ${v}`)
      .join('\n'),
  );
} catch (err) {
  if (!(err instanceof DataError)) throw err;
  for (const i of err.issues) console.error(formatIssue(i));
  console.error(`${err.issues.length} problem(s) in ${dir}`);
  process.exitCode = 1;
}
