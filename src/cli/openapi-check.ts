// npm run openapi:check: openapi.yaml validated against the OpenAPI 3.1 schema (@readme/openapi-parser), then linted
// with Redocly's recommended rules (redocly.yaml), failing on any error or warning.
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { compileErrors, validate } from '@readme/openapi-parser';
import { parse } from 'yaml';

const file = process.argv[2] ?? 'openapi.yaml';
const doc = parse(await readFile(file, 'utf8'));
const result = await validate(doc, { validate: { errors: { colorize: false } } });
if (!result.valid || result.warnings.length > 0) {
  console.error(compileErrors(result));
  process.exit(1);
}
console.log(`${file} is a valid OpenAPI ${doc.openapi} document`);

// --max-problems 0 is not a warning threshold: the summary is parsed instead, so a warning fails as an error does.
let out: string;
let failed = false;
try {
  out = execFileSync('npx', ['redocly', 'lint', file, '--format=summary'], {
    encoding: 'utf8',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
} catch (err) {
  const e = err as { stdout?: string; stderr?: string };
  out = `${e.stdout ?? ''}\n${e.stderr ?? ''}`;
  failed = true;
}
const problems = out.split('\n').filter((l) => /^(error|warning)\s/.test(l));
if (failed || problems.length > 0) {
  console.error(`Redocly found problems:\n${problems.join('\n')}`);
  process.exit(1);
}
console.log('Redocly recommended rules: 0 errors, 0 warnings');
