// A client as an app developer writes it: openapi-fetch typed by the generated test/client/api.d.ts, no casts and no
// narrowing of unions. Type-checked by client.test.ts, then run against the app; the lines marked @ts-expect-error
// prove that the document's types are narrow enough to refuse wrong calls.
import createClient from 'openapi-fetch';
import type { paths } from './api.js';

export async function useTheApi(baseUrl: string) {
  const api = createClient<paths>({ baseUrl });

  const meta = await api.GET('/v1/meta');
  const countries = await api.GET('/v1/countries');
  const kg = await api.GET('/v1/countries/{code}', { params: { path: { code: 'kg' } } });
  const cases = await api.GET('/v1/cases', { params: { query: { country: 'KG', limit: 2, count: true } } });
  const firstCase = cases.data?.data[0];
  const oneCase = await api.GET('/v1/cases/{id}', { params: { path: { id: firstCase?.id ?? 'none' } } });
  const consequences = await api.GET('/v1/countries/{code}/consequences', {
    params: { path: { code: 'KG' }, query: { conduct: ['armed-conflict-participation'], date: '2023-01-01' } },
  });
  const noQuestion = await api.GET('/v1/countries/{code}/consequences', { params: { path: { code: 'KG' } } });
  const stats = await api.GET('/v1/stats/cases', { params: { query: { groupBy: 'country' } } });
  const csv = await api.GET('/v1/cases.csv', {
    params: { query: { country: 'KG', limit: 2, table: 'sentences' } },
    parseAs: 'text',
  });

  // @ts-expect-error: not a country code
  await api.GET('/v1/countries/{code}', { params: { path: { code: 'XX' } } });
  // @ts-expect-error: count is a boolean, not the string "true"
  await api.GET('/v1/cases', { params: { query: { count: 'true' } } });
  // @ts-expect-error: no such outcome
  await api.GET('/v1/cases', { params: { query: { outcome: 'guilty' } } });

  return {
    revision: meta.data?.revision,
    countryCodes: countries.data?.data.map((c) => c.code),
    kgName: kg.data?.name,
    caseIds: cases.data?.data.map((c) => c.id),
    total: cases.data?.page.total,
    totalHeader: cases.response.headers.get('x-total-count'),
    firstDecided: firstCase?.decided.date,
    oneCaseCountry: oneCase.data?.country,
    found: consequences.data?.found,
    provisions: consequences.data?.provisions.map((p) => p.provision.id),
    noQuestionStatus: noQuestion.response.status,
    noQuestionParameter: noQuestion.error?.errors?.[0]?.name,
    statsGroups: stats.data?.data.map((r) => [r.group.country, r.cases]),
    csvType: csv.response.headers.get('content-type'),
    csv: csv.data,
  };
}
