// Turns a checked dataset into the rows of each table, with stable ids derived from the data ids.
import type * as s from '../db/schema/index.js';
import { boundsOf, precisionOf, startOf } from '../rules/dates.js';
import { gapTitle, practiceTitle } from '../domain/search.js';
import type { RecordType } from '../domain/vocabulary.js';
import type { Dataset } from './load.js';
import { foldText } from '../text/fold.js';

type Row<T extends { $inferInsert: unknown }> = T['$inferInsert'];

/** The rows of every dataset table (db/schema's DATASET_TABLES), by table. */
export type Rows = { -readonly [K in keyof typeof s.DATASET_TABLES]: Row<(typeof s.DATASET_TABLES)[K]>[] };

export function toRows(ds: Dataset): Rows {
  const r: Rows = {
    sources: [],
    recordSources: [],
    countries: [],
    countryGaps: [],
    conducts: [],
    conflicts: [],
    forces: [],
    forceDesignations: [],
    instruments: [],
    provisions: [],
    provisionVersions: [],
    provisionParts: [],
    penalties: [],
    exemptions: [],
    cases: [],
    // Built by the import from the cases written (src/db/case-doc.ts, src/db/case-rollup.ts), not from data/.
    caseDocs: [],
    caseRollup: [],
    caseRollupKinds: [],
    caseCharges: [],
    caseSentences: [],
    caseEvents: [],
    practiceNotes: [],
    practiceStatistics: [],
    practicePenalties: [],
    searchDocuments: [],
    searchTerms: [],
  };
  const link = (recordType: RecordType, recordId: string, ids: readonly string[] | undefined) =>
    [...new Set(ids ?? [])].forEach((sourceId, ord) => r.recordSources.push({ recordType, recordId, sourceId, ord }));

  for (const { data } of ds.sources) {
    for (const x of data.sources) {
      r.sources.push({
        id: x.id,
        url: x.url,
        title: x.title,
        publisher: x.publisher,
        published: x.published,
        publishedDate: x.published ? startOf(x.published) : null,
        retrieved: x.retrieved ?? null,
        kind: x.kind,
        language: x.language,
        translation: x.translation ?? null,
        translator: x.translator ?? null,
        note: x.note ?? null,
      });
    }
  }
  ds.conducts.conducts.forEach((c, ord) => r.conducts.push({ ...c, ord }));
  for (const c of ds.forces.conflicts) {
    r.conflicts.push({ id: c.id, name: c.name, fromText: c.from, toText: c.to });
    link('conflict', c.id, c.sources);
  }
  for (const f of ds.forces.forces) {
    r.forces.push({ id: f.id, name: f.name, kind: f.kind, state: f.state, side: f.side, conflicts: f.conflicts });
    link('force', f.id, f.sources);
    f.designations.forEach((d, ord) => {
      const id = `${f.id}#${d.country.toLowerCase()}-${ord + 1}`;
      r.forceDesignations.push({
        id,
        forceId: f.id,
        countryCode: d.country,
        status: d.status,
        validFrom: d.from ? startOf(d.from) : null,
        validTo: d.to ? startOf(d.to) : null,
        fromText: d.from,
        toText: d.to,
        act: d.act,
        basis: d.basis,
        ord,
      });
      link('designation', id, d.sources);
    });
  }

  for (const c of ds.countries) {
    const code = c.country.country.code;
    r.countries.push({
      code,
      name: c.country.country.name,
      nameOriginal: c.country.country.nameOriginal,
      summary: c.country.country.summary,
    });
    link('country', code, c.country.country.sources);
    c.country.gaps.forEach((g, ord) =>
      r.countryGaps.push({
        id: `${code.toLowerCase()}-gap-${ord + 1}`,
        countryCode: code,
        topic: g.topic,
        note: g.note,
        ord,
      }),
    );
    for (const ins of c.law.instruments) {
      r.instruments.push({
        id: ins.id,
        countryCode: code,
        kind: ins.kind,
        title: ins.title,
        titleOriginal: ins.titleOriginal,
        number: ins.number,
        adopted: ins.adopted,
        signed: ins.signed ?? null,
        published: ins.published ?? null,
        inForceFrom: ins.inForceFrom,
        inForceTo: ins.inForceTo,
        datesNote: ins.datesNote ?? null,
        officialUrl: ins.officialUrl,
        replaces: ins.replaces,
        summary: ins.summary ?? null,
        basis: ins.basis,
      });
      link('instrument', ins.id, ins.sources);
    }
    for (const p of c.law.provisions) {
      r.provisions.push({
        id: p.id,
        instrumentId: p.instrument,
        countryCode: code,
        article: p.article,
        heading: p.heading,
        headingOriginal: p.headingOriginal,
        successorOf: p.successorOf,
        scope: p.scope,
        conducts: p.conducts,
        addedBy: p.addedBy ?? null,
        repealedBy: p.repealedBy ?? null,
      });
      p.versions.forEach((v, vOrd) => {
        const versionId = `${p.id}@${v.id}`;
        const from = boundsOf(v.validFrom);
        const to = v.validTo ? boundsOf(v.validTo) : null;
        r.provisionVersions.push({
          id: versionId,
          provisionId: p.id,
          validFrom: from.earliest,
          validFromLatest: from.latest,
          validTo: to?.earliest ?? null,
          validToLatest: to?.latest ?? null,
          validFromText: v.validFrom,
          validToText: v.validTo,
          amendedBy: v.amendedBy,
          basis: v.basis,
          textUnknown: v.textUnknown ?? null,
          note: v.note ?? null,
          ord: vOrd,
        });
        link('version', versionId, v.sources);
        v.parts.forEach((pt, ptOrd) => {
          const partId = `${versionId}#${pt.part}`;
          r.provisionParts.push({
            id: partId,
            versionId,
            provisionId: p.id,
            part: pt.part,
            elements: pt.elements,
            excerpt: pt.excerpt ?? null,
            category: pt.category,
            conducts: pt.conducts,
            ord: ptOrd,
          });
          pt.penalties.forEach((pen, penOrd) => {
            const id = `${partId}#${pen.id}`;
            r.penalties.push({
              id,
              partId,
              kind: pen.kind,
              min: pen.min,
              max: pen.max,
              unit: pen.unit,
              role: pen.role,
              mandatory: pen.mandatory ?? null,
              disputeNote: pen.dispute ?? null,
              context: pen.context ?? null,
              basis: pen.basis ?? null,
              ord: penOrd,
            });
            // A penalty without its own sources is stated by its version's sources.
            link('penalty', id, pen.sources ?? v.sources);
          });
        });
        v.exemptions.forEach((e, ord) =>
          r.exemptions.push({
            id: e.id,
            versionId,
            provisionId: p.id,
            conditions: e.conditions,
            effect: e.effect,
            text: e.text,
            excerpt: e.excerpt ?? null,
            ord,
          }),
        );
      });
    }
    for (const k of c.cases.cases) {
      r.cases.push({
        id: k.id,
        countryCode: code,
        courtName: k.court.name,
        courtLevel: k.court.level,
        courtPlace: k.court.place,
        decided: k.decided,
        decidedDate: startOf(k.decided),
        decidedPrecision: precisionOf(k.decided),
        dateKind: k.dateKind,
        dateNote: k.dateNote ?? null,
        reportedOn: k.reportedOn ?? null,
        sentenceStart: k.sentenceStart ?? null,
        judge: k.judge ?? null,
        defendantName: k.defendant.name,
        defendantAge: k.defendant.age ?? null,
        defendantSex: k.defendant.sex ?? null,
        citizenships: k.defendant.citizenships,
        conducts: k.conducts,
        side: k.side,
        forceId: k.force,
        conflictId: k.conflict,
        outcome: k.outcome,
        appealStatus: k.appeal?.status ?? null,
        appealNote: k.appeal?.note ?? null,
        disputes: k.disputes,
        summary: k.summary,
        basis: k.basis,
        defendantFolded: foldText(k.defendant.name ?? ''),
        courtFolded: foldText(k.court.name ?? ''),
        placeFolded: foldText(k.court.place ?? ''),
        judgeFolded: foldText(k.judge ?? ''),
      });
      link('case', k.id, k.sources);
      k.charges.forEach((ch, ord) =>
        r.caseCharges.push({
          id: `${k.id}#${ch.provision}#${ch.part ?? '*'}`,
          caseId: k.id,
          provisionId: ch.provision,
          part: ch.part,
          note: ch.note ?? null,
          ord,
        }),
      );
      k.sentences.forEach((x, ord) => {
        const hasLength = x.years != null || x.months != null || x.days != null;
        r.caseSentences.push({
          id: `${k.id}#s${ord + 1}`,
          caseId: k.id,
          kind: x.kind,
          years: x.years ?? null,
          months: x.months ?? null,
          days: x.days ?? null,
          totalMonths: hasLength ? round2((x.years ?? 0) * 12 + (x.months ?? 0) + (x.days ?? 0) / 30) : null,
          amount: x.amount ?? null,
          unit: x.unit ?? null,
          regime: x.regime ?? null,
          suspended: x.suspended,
          probationMonths: x.probationMonths ?? null,
          ord,
        });
      });
      k.events.forEach((e, ord) => {
        const id = `${k.id}#e${ord + 1}`;
        r.caseEvents.push({ id, caseId: k.id, date: e.date, kind: e.kind, note: e.note, ord });
        link('event', id, e.sources);
      });
    }
    for (const n of c.practice.practice) {
      r.practiceNotes.push({
        id: n.id,
        countryCode: code,
        kind: n.kind,
        stance: n.stance,
        fromText: n.from,
        toText: n.to,
        statement: n.statement,
        basis: n.basis,
      });
      link('practice', n.id, n.sources);
      n.statistics.forEach((st, ord) => {
        const id = `${n.id}#${st.id}`;
        r.practiceStatistics.push({
          id,
          noteId: n.id,
          measure: st.measure,
          value: st.value,
          valueMax: st.valueMax ?? null,
          qualifier: st.qualifier,
          fromText: st.from,
          toText: st.to,
          provisions: st.scope.provisions,
          conflictId: st.scope.conflict ?? null,
          forceId: st.scope.force ?? null,
          region: st.scope.region ?? null,
          sentenceKind: st.sentence?.kind ?? null,
          sentenceMin: st.sentence?.min ?? null,
          sentenceMax: st.sentence?.max ?? null,
          sentenceUnit: st.sentence?.unit ?? null,
          dispute: st.dispute ?? null,
          note: st.note ?? null,
          basis: st.basis ?? n.basis,
          ord,
        });
        // A statistic without its own sources is stated by its note's sources.
        link('statistic', id, st.sources ?? n.sources);
      });
      n.penaltiesStated.forEach((ps, ord) =>
        r.practicePenalties.push({
          id: `${n.id}#${ps.id}`,
          noteId: n.id,
          provisionId: ps.provision,
          part: ps.part ?? null,
          kind: ps.kind,
          min: ps.min,
          max: ps.max,
          unit: ps.unit,
          role: ps.role,
          context: ps.context ?? null,
          ord,
        }),
      );
    }
  }
  addSearchDocuments(ds, r);
  return r;
}

/** One search document per record of every kind (see db/schema/search.ts): cases, provisions with their parts,
 * instruments, practice notes with their statistics, forces, sources and each country's gaps. `countries` holds the
 * countries a record belongs to; for a source, the countries of the records that cite it. */
function addSearchDocuments(ds: Dataset, r: Rows): void {
  const sourceTitle = new Map(r.sources.map((x) => [x.id, `${x.title} (${x.publisher})`]));
  const titles = (ids: readonly string[]) => ids.map((id) => sourceTitle.get(id) ?? '').join('\n');
  const doc = (
    docType: string,
    docId: string,
    countryCode: string | null,
    title: string,
    body: string[],
    extra = '',
    countries: string[] = countryCode ? [countryCode] : [],
  ) => {
    const text = body.filter(Boolean).join('\n');
    r.searchDocuments.push({
      docType,
      docId,
      countryCode,
      countries,
      title,
      body: text,
      extra,
      folded: foldText(`${docId.replace(/-/g, ' ')}\n${title}\n${text}\n${extra}`),
    });
  };
  for (const c of ds.countries) {
    const code = c.country.country.code;
    for (const ins of c.law.instruments)
      doc(
        'instrument',
        ins.id,
        code,
        [ins.title, ins.titleOriginal, ins.number].filter(Boolean).join(' '),
        [ins.summary ?? '', ins.datesNote ?? ''],
        titles(ins.sources),
      );
    for (const p of c.law.provisions) {
      const parts = p.versions.flatMap((v) => v.parts);
      doc(
        'provision',
        p.id,
        code,
        [`Article ${p.article}`, p.heading, p.headingOriginal].filter(Boolean).join(' '),
        [
          ...parts.map((pt) => `Part ${pt.part}: ${pt.elements}`),
          ...parts.map((pt) => pt.excerpt ?? ''),
          ...p.versions.flatMap((v) => [v.note ?? '', v.textUnknown ?? '', ...v.exemptions.map((e) => e.text)]),
        ],
        `ст. ${p.article} статья ${p.article} ${p.article}-modda`,
      );
    }
    for (const k of c.cases.cases) {
      doc(
        'case',
        k.id,
        code,
        [k.defendant.name, k.court.name, k.court.place].filter(Boolean).join(', ') || k.id,
        [
          k.summary,
          k.judge ? `Judge ${k.judge}` : '',
          k.appeal?.note ?? '',
          ...k.events.map((e) => e.note),
          ...k.disputes.map((d) => d.note),
          ...k.charges.map((ch) => ch.note ?? ''),
        ],
        titles(k.sources),
      );
    }
    for (const n of c.practice.practice)
      doc(
        'practice',
        n.id,
        code,
        practiceTitle(n.kind, n.stance ?? null),
        [n.statement, ...n.statistics.map((st) => [st.measure, st.value, st.note ?? ''].join(' '))],
        titles(n.sources),
      );
    c.country.gaps.forEach((g, ord) =>
      doc('gap', `${code.toLowerCase()}-gap-${ord + 1}`, code, gapTitle(c.country.country.name, g.topic), [g.note]),
    );
  }
  for (const f of ds.forces.forces)
    doc(
      'force',
      f.id,
      null,
      f.name,
      f.designations.map((d) => `${d.country} ${d.status}: ${d.act ?? ''}`),
      titles(f.sources),
      [...new Set(f.designations.map((d) => d.country))],
    );
  // A source belongs to the countries of the records that cite it.
  const recordCountry = new Map(r.searchDocuments.map((d) => [d.docId, d.countryCode]));
  const parentOf = (id: string) => id.split(/[@#]/)[0]!;
  const citedIn = new Map<string, Set<string>>();
  for (const rs of r.recordSources) {
    const cc = recordCountry.get(parentOf(rs.recordId)) ?? countryOfId(rs.recordId);
    if (cc) citedIn.set(rs.sourceId, (citedIn.get(rs.sourceId) ?? new Set()).add(cc));
  }
  for (const x of r.sources)
    doc('source', x.id, null, x.title, [x.publisher, x.note ?? ''], '', [...(citedIn.get(x.id) ?? [])].sort());
  const terms = new Set<string>();
  for (const d of r.searchDocuments) for (const w of d.folded!.split(/[^a-z0-9]+/)) if (isTerm(w)) terms.add(w);
  r.searchTerms = [...terms].sort().map((term) => ({ term }));
}

/** A vocabulary term: 3 to 40 letters or digits, not all digits (numbers are found by the full-text index). */
export function isTerm(w: string): boolean {
  return w.length >= 3 && w.length <= 40 && !/^\d+$/.test(w);
}

/** The country of a record id that starts with a country prefix (kg-..., uz-...), if any. */
function countryOfId(id: string): string | null {
  if (/^(KZ|KG|TJ|TM|UZ)$/.test(id)) return id;
  const m = /^(kz|kg|tj|tm|uz)-/.exec(id) ?? /#(kz|kg|tj|tm|uz)-\d+$/.exec(id);
  return m ? m[1]!.toUpperCase() : null;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
