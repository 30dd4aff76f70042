// Reads data/ into memory: parses each YAML file and validates its shape; errors read "file: path: message".
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import {
  CaseFileSchema,
  ConductFileSchema,
  CountryFileSchema,
  ForceFileSchema,
  LawFileSchema,
  PracticeFileSchema,
  SourceFileSchema,
  type CaseFile,
  type ConductFile,
  type CountryFile,
  type ForceFile,
  type LawFile,
  type PracticeFile,
  type SourceFile,
} from './files.js';

/** One problem in the data: the file (relative, as `data/kg/cases.yaml`), the path inside it, and what is wrong. */
export interface DataIssue {
  file: string;
  path: string;
  message: string;
}

export class DataError extends Error {
  constructor(readonly issues: DataIssue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.name = 'DataError';
  }
}

export function formatIssue(i: DataIssue): string {
  return i.path ? `${i.file}: ${i.path}: ${i.message}` : `${i.file}: ${i.message}`;
}

/** `cases[3].charges[0].provision` from zod's ['cases', 3, 'charges', 0, 'provision']. */
export function formatPath(p: readonly PropertyKey[]): string {
  let out = '';
  for (const k of p) out += typeof k === 'number' ? `[${k}]` : out ? `.${String(k)}` : String(k);
  return out;
}

export interface CountryData {
  dir: string;
  country: CountryFile;
  law: LawFile;
  cases: CaseFile;
  practice: PracticeFile;
}

export interface Dataset {
  /** The folder name as given (e.g. `data`), used as the prefix of file names in messages. */
  root: string;
  /** Each sources.yaml with its file name. */
  sources: { file: string; data: SourceFile }[];
  conducts: ConductFile;
  forces: ForceFile;
  countries: CountryData[];
  /** The files read, relative to the root's parent, with their raw bytes, for the revision hash. */
  files: { file: string; bytes: Buffer }[];
}

const COUNTRY_FILES = ['country', 'law', 'cases', 'practice'] as const;

async function exists(p: string): Promise<boolean> {
  return readFile(p).then(
    () => true,
    () => false,
  );
}

/** Reads and validates every file; throws DataError listing all problems found, not only the first. */
export async function loadDataset(dataDir: string): Promise<Dataset> {
  const root = dataDir.replace(/\/+$/, '');
  const issues: DataIssue[] = [];
  const files: Dataset['files'] = [];

  async function read<S extends z.ZodType>(rel: string, schema: S, optional = false): Promise<z.output<S> | undefined> {
    const file = `${path.basename(root)}/${rel}`;
    const full = path.join(root, rel);
    let bytes: Buffer;
    try {
      bytes = await readFile(full);
    } catch {
      if (!optional) issues.push({ file, path: '', message: 'file is missing' });
      return undefined;
    }
    files.push({ file, bytes });
    const doc = parseDocument(bytes.toString('utf8'), { prettyErrors: true, uniqueKeys: true });
    if (doc.errors.length > 0) {
      for (const e of doc.errors) {
        const at = e.linePos?.[0] ? `line ${e.linePos[0].line}, column ${e.linePos[0].col}` : '';
        issues.push({
          file,
          path: at,
          message: `invalid YAML: ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`,
        });
      }
      return undefined;
    }
    const parsed = schema.safeParse(doc.toJS() ?? {});
    if (!parsed.success) {
      for (const i of parsed.error.issues) {
        issues.push({ file, path: formatPath(i.path), message: i.message });
      }
      return undefined;
    }
    return parsed.data;
  }

  const entries = await readdir(root, { withFileTypes: true }).catch(() => {
    throw new DataError([{ file: root, path: '', message: 'data folder not found' }]);
  });
  const countryDirs = entries
    .filter((e) => e.isDirectory() && /^[a-z]{2}$/.test(e.name))
    .map((e) => e.name)
    .sort();

  const sources: Dataset['sources'] = [];
  const shared = await read('sources.yaml', SourceFileSchema);
  if (shared) sources.push({ file: `${path.basename(root)}/sources.yaml`, data: shared });
  const conducts = await read('conducts.yaml', ConductFileSchema);
  const forces = await read('forces.yaml', ForceFileSchema);

  const countries: CountryData[] = [];
  for (const dir of countryDirs) {
    if (await exists(path.join(root, dir, 'sources.yaml'))) {
      const s = await read(`${dir}/sources.yaml`, SourceFileSchema);
      if (s) sources.push({ file: `${path.basename(root)}/${dir}/sources.yaml`, data: s });
    }
    // Every file of a country is required: a deleted cases.yaml must fail the check, not silently drop the rulings
    // (a country without any writes `cases: []`).
    const [country, law, cases, practice] = await Promise.all(
      COUNTRY_FILES.map((name) => read(`${dir}/${name}.yaml`, schemaOf(name)) as Promise<unknown>),
    );
    if (country === undefined) continue;
    countries.push({
      dir,
      country: country as CountryFile,
      law: (law as LawFile | undefined) ?? { instruments: [], provisions: [] },
      cases: (cases as CaseFile | undefined) ?? { cases: [] },
      practice: (practice as PracticeFile | undefined) ?? { practice: [] },
    });
  }

  if (issues.length > 0 || !conducts || !forces) throw new DataError(issues);
  files.sort((a, b) => a.file.localeCompare(b.file));
  return { root: path.basename(root), sources, conducts, forces, countries, files };
}

function schemaOf(name: (typeof COUNTRY_FILES)[number]): z.ZodType {
  switch (name) {
    case 'country':
      return CountryFileSchema;
    case 'law':
      return LawFileSchema;
    case 'cases':
      return CaseFileSchema;
    case 'practice':
      return PracticeFileSchema;
  }
}
