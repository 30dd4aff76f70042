// Bulk data: every dataset of the current revision as NDJSON and CSV, with sizes and checksums.
import { z } from 'zod';
import { COLLECTIONS } from './resources.js';

/** One bulk file per resource of the registry. */
export const EXPORT_DATASETS = COLLECTIONS;
export const EXPORT_FORMATS = ['ndjson', 'csv'] as const;

export const ExportFileSchema = z
  .object({
    dataset: z.enum(EXPORT_DATASETS).describe('The dataset of the file'),
    format: z
      .enum(EXPORT_FORMATS)
      .describe('ndjson: one JSON record per line, as the API serves it; csv: flattened as the list endpoints'),
    href: z.string().describe('Where to download it'),
    records: z.number().int().describe('Records in the file'),
    bytes: z.number().int().describe('Size of the file in bytes'),
    sha256: z.string().describe('Hex SHA-256 of the file'),
  })
  .meta({ id: 'ExportFile' });

export const ExportListSchema = z
  .object({
    revision: z.string().describe('The dataset revision the files hold'),
    importedAt: z.string().describe('When the revision was imported (ISO 8601)'),
    licence: z.string().describe('Licence of the data (SPDX id)'),
    files: z.array(ExportFileSchema).describe('Every file, in NDJSON and CSV'),
  })
  .meta({ id: 'ExportList' });

export const ExportParamsSchema = z.strictObject({
  file: z
    .string()
    .regex(
      new RegExp(`^(${EXPORT_DATASETS.join('|')})\\.(${EXPORT_FORMATS.join('|')})$`),
      `must be <dataset>.<format>, e.g. cases.ndjson`,
    )
    .describe(`<dataset>.<format>: dataset one of ${EXPORT_DATASETS.join(', ')}; format ndjson or csv`),
});
