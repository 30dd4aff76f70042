// Cross-checks a loaded dataset: unique ids, every reference resolves, versions do not overlap, min <= max.
import type { Dataset, DataIssue } from './load.js';
import type { LawFile } from './files.js';
import { DataError } from './load.js';
import { boundsOf, startOf } from '../rules/dates.js';
import { SERVICE_CONDUCTS } from '../rules/law.js';
import { foldText } from '../text/fold.js';

/** The longest folded defendant name a case may have, in bytes: the folded name (as the import writes it,
 * src/data/rows.ts) is a key of the B-tree indexes of the cases in date order (src/db/schema/cases.ts), whose keys
 * hold at most about 2.7 KB. A limit on the name as written would not do: folding writes some characters as several
 * (up to 12 bytes for one). One person's name is far shorter. */
const MAX_FOLDED_NAME_BYTES = 2000;

/** Returns every problem found; an empty list means the dataset may be imported. */
export function checkDataset(ds: Dataset): DataIssue[] {
  const issues: DataIssue[] = [];
  const add = (file: string, path: string, message: string) => issues.push({ file, path, message });

  // Ids: each kind of record has its own namespace; a duplicate is reported where it occurs the second time.
  function registry(kind: string) {
    const seen = new Map<string, string>();
    return {
      has: (id: string) => seen.has(id),
      add(id: string, file: string, path: string) {
        const first = seen.get(id);
        if (first) add(file, path, `duplicate ${kind} id ${id} (first defined at ${first})`);
        else seen.set(id, `${file}: ${path}`);
      },
    };
  }

  const sources = registry('source');
  for (const { file, data } of ds.sources) data.sources.forEach((s, i) => sources.add(s.id, file, `sources[${i}].id`));
  const refSources = (file: string, path: string, ids: readonly string[] | undefined) =>
    ids?.forEach((id, i) => {
      if (!sources.has(id)) add(file, `${path}[${i}]`, `unknown source ${id}`);
    });

  const conductsFile = `${ds.root}/conducts.yaml`;
  const conducts = registry('conduct');
  ds.conducts.conducts.forEach((c, i) => conducts.add(c.code, conductsFile, `conducts[${i}].code`));
  // Serving a force means these conducts (rules/law.ts); an answer must never name a conduct the dataset lacks.
  for (const code of SERVICE_CONDUCTS)
    if (!conducts.has(code)) add(conductsFile, 'conducts', `must define ${code}: serving a force means it`);
  const refConducts = (file: string, path: string, codes: readonly string[]) =>
    codes.forEach((c, i) => {
      if (!conducts.has(c)) add(file, `${path}[${i}]`, `unknown conduct ${c}`);
    });

  const forcesFile = `${ds.root}/forces.yaml`;
  const conflicts = registry('conflict');
  ds.forces.conflicts.forEach((c, i) => {
    conflicts.add(c.id, forcesFile, `conflicts[${i}].id`);
    refSources(forcesFile, `conflicts[${i}].sources`, c.sources);
    if (c.from && c.to && startOf(c.from) > startOf(c.to)) add(forcesFile, `conflicts[${i}]`, 'from is after to');
  });
  const forces = registry('force');
  const countryCodes = new Set(ds.countries.map((c) => c.country.country.code));
  ds.forces.forces.forEach((f, i) => {
    const at = `forces[${i}]`;
    forces.add(f.id, forcesFile, `${at}.id`);
    refSources(forcesFile, `${at}.sources`, f.sources);
    if (f.sources.length === 0 && (f.state || f.conflicts.length > 0 || f.designations.length > 0)) {
      add(forcesFile, `${at}.sources`, 'must name at least one source (it states a state, conflicts or designations)');
    }
    f.conflicts.forEach((c, j) => {
      if (!conflicts.has(c)) add(forcesFile, `${at}.conflicts[${j}]`, `unknown conflict ${c}`);
    });
    f.designations.forEach((d, j) => {
      refSources(forcesFile, `${at}.designations[${j}].sources`, d.sources);
      if (d.from && d.to && startOf(d.from) > startOf(d.to))
        add(forcesFile, `${at}.designations[${j}]`, 'from is after to');
    });
  });

  const instruments = registry('instrument');
  const provisions = new Map<string, { parts: Set<string> }>();
  const provisionIds = registry('provision');
  const exemptionIds = registry('exemption');
  const caseIds = registry('case');
  const practiceIds = registry('practice note');
  const instrumentCountry = new Map<string, string>();
  const instrumentById = new Map<string, Instrument>();
  const seenCountries = new Set<string>();

  // First pass: register every instrument and provision, so references may point across countries and files.
  for (const c of ds.countries) {
    const code = c.country.country.code;
    const lawFile = `${ds.root}/${c.dir}/law.yaml`;
    if (c.dir !== code.toLowerCase()) {
      add(`${ds.root}/${c.dir}/country.yaml`, 'country.code', `${code} does not match the folder ${c.dir}`);
    }
    if (seenCountries.has(code)) add(`${ds.root}/${c.dir}/country.yaml`, 'country.code', `duplicate country ${code}`);
    seenCountries.add(code);
    c.law.instruments.forEach((ins, i) => {
      instruments.add(ins.id, lawFile, `instruments[${i}].id`);
      instrumentCountry.set(ins.id, code);
      instrumentById.set(ins.id, ins);
      if (!ins.id.startsWith(`${c.dir}-`)) add(lawFile, `instruments[${i}].id`, `must start with ${c.dir}-`);
    });
    c.law.provisions.forEach((p, i) => {
      provisionIds.add(p.id, lawFile, `provisions[${i}].id`);
      const parts = new Set(p.versions.flatMap((v) => v.parts.map((pt) => pt.part)));
      provisions.set(p.id, { parts });
    });
  }

  for (const c of ds.countries) {
    const code = c.country.country.code;
    const base = `${ds.root}/${c.dir}`;
    refSources(`${base}/country.yaml`, 'country.sources', c.country.country.sources);

    const lawFile = `${base}/law.yaml`;
    c.law.instruments.forEach((ins, i) => {
      const at = `instruments[${i}]`;
      refSources(lawFile, `${at}.sources`, ins.sources);
      if (ins.replaces && !instruments.has(ins.replaces))
        add(lawFile, `${at}.replaces`, `unknown instrument ${ins.replaces}`);
      if (ins.inForceFrom && ins.inForceTo && boundsOf(ins.inForceFrom).earliest > boundsOf(ins.inForceTo).latest) {
        add(lawFile, `${at}.inForceTo`, 'is before inForceFrom');
      }
      // A code that replaces another takes effect the day the other ceases: the two boundaries are one.
      const replaced = ins.replaces ? instrumentById.get(ins.replaces) : undefined;
      if (replaced && ins.kind === 'criminal-code' && replaced.inForceTo !== ins.inForceFrom) {
        add(
          lawFile,
          `${at}.inForceFrom`,
          `must equal inForceTo of ${ins.replaces} (${replaced.inForceTo ?? 'null'}), the code it replaces`,
        );
      }
    });
    c.law.provisions.forEach((p, i) => {
      const at = `provisions[${i}]`;
      if (!instruments.has(p.instrument)) add(lawFile, `${at}.instrument`, `unknown instrument ${p.instrument}`);
      else if (instrumentCountry.get(p.instrument) !== code) {
        add(lawFile, `${at}.instrument`, `instrument ${p.instrument} belongs to another country`);
      }
      if (p.id !== `${p.instrument}-art-${p.article}`)
        add(lawFile, `${at}.id`, `must be ${p.instrument}-art-${p.article}`);
      p.successorOf.forEach((s, j) => {
        if (!provisions.has(s)) add(lawFile, `${at}.successorOf[${j}]`, `unknown provision ${s}`);
      });
      refConducts(lawFile, `${at}.conducts`, p.conducts);
      for (const k of ['addedBy', 'repealedBy'] as const) {
        const ref = p[k];
        if (ref && !instruments.has(ref)) add(lawFile, `${at}.${k}`, `unknown instrument ${ref}`);
      }
      // The versions of a core article partition its span: from its entry into force (its own, the adding act's,
      // or its code's) until repeal or the end of its code, each version starting where the previous one ended.
      const span = provisionSpan(p, instrumentById);
      if (p.scope === 'core') {
        if (p.versions.length === 0) add(lawFile, `${at}.versions`, 'a core provision needs at least one version');
        else if (span.from === null) {
          add(
            lawFile,
            `${at}.inForceFrom`,
            `the entry into force of ${p.addedBy ?? p.instrument} is not recorded; give it (an interval A/B when the day is not known)`,
          );
        }
      }
      const ids = new Set<string>();
      const vs = p.versions;
      vs.forEach((v, j) => {
        const vat = `${at}.versions[${j}]`;
        if (ids.has(v.id)) add(lawFile, `${vat}.id`, `duplicate version id ${v.id}`);
        ids.add(v.id);
        refSources(lawFile, `${vat}.sources`, v.sources);
        if (v.amendedBy && !instruments.has(v.amendedBy))
          add(lawFile, `${vat}.amendedBy`, `unknown instrument ${v.amendedBy}`);
        if (v.validTo && boundsOf(v.validTo).latest <= boundsOf(v.validFrom).earliest)
          add(lawFile, `${vat}.validTo`, 'must be after validFrom');
        if (j === 0 && span.from !== null && v.validFrom !== span.from) {
          add(lawFile, `${vat}.validFrom`, `the first version must start when the article took effect (${span.from})`);
        }
        if (j > 0 && v.validFrom !== vs[j - 1]!.validTo) {
          add(
            lawFile,
            `${vat}.validFrom`,
            `must equal the previous version's validTo (${vs[j - 1]!.validTo ?? 'null'}): versions partition the span`,
          );
        }
        if (j === vs.length - 1 && v.validTo !== span.to) {
          add(
            lawFile,
            `${vat}.validTo`,
            span.to === null
              ? 'the article is in force (its code has no inForceTo): the last version must be open (null)'
              : `the last version must end when the article ceased (${span.to})`,
          );
        }
        if (v.parts.length === 0 && !v.textUnknown)
          add(
            lawFile,
            `${vat}.parts`,
            'a version needs at least one part, or textUnknown saying why its text is not known',
          );
        if (v.textUnknown && v.parts.length === 0 && p.conducts.length === 0)
          add(lawFile, `${at}.conducts`, 'a version with textUnknown and no parts needs the conducts of the article');
        const partNames = new Set<string>();
        v.parts.forEach((pt, k) => {
          const pat = `${vat}.parts[${k}]`;
          if (partNames.has(pt.part)) add(lawFile, `${pat}.part`, `duplicate part ${pt.part}`);
          partNames.add(pt.part);
          refConducts(lawFile, `${pat}.conducts`, pt.conducts);
          const penIds = new Set<string>();
          pt.penalties.forEach((pen, m) => {
            const pp = `${pat}.penalties[${m}]`;
            if (penIds.has(pen.id)) add(lawFile, `${pp}.id`, `duplicate penalty id ${pen.id}`);
            penIds.add(pen.id);
            if (pen.min !== null && pen.max !== null && pen.min > pen.max) {
              add(lawFile, pp, `min ${pen.min} is greater than max ${pen.max}`);
            }
            if ((pen.min !== null || pen.max !== null) && pen.unit === null)
              add(lawFile, `${pp}.unit`, 'is required with min or max');
            refSources(lawFile, `${pp}.sources`, pen.sources);
          });
        });
        v.exemptions.forEach((e, k) => exemptionIds.add(e.id, lawFile, `${vat}.exemptions[${k}].id`));
      });
    });

    const casesFile = `${base}/cases.yaml`;
    c.cases.cases.forEach((k, i) => {
      const at = `cases[${i}]`;
      caseIds.add(k.id, casesFile, `${at}.id`);
      if (!k.id.startsWith(`${c.dir}-`)) add(casesFile, `${at}.id`, `must start with ${c.dir}-`);
      refSources(casesFile, `${at}.sources`, k.sources);
      refConducts(casesFile, `${at}.conducts`, k.conducts);
      if (k.force && !forces.has(k.force)) add(casesFile, `${at}.force`, `unknown force ${k.force}`);
      if (k.conflict && !conflicts.has(k.conflict)) add(casesFile, `${at}.conflict`, `unknown conflict ${k.conflict}`);
      const foldedBytes = Buffer.byteLength(foldText(k.defendant.name ?? ''));
      if (foldedBytes > MAX_FOLDED_NAME_BYTES)
        add(
          casesFile,
          `${at}.defendant.name`,
          `too long: ${foldedBytes} bytes once folded, at most ${MAX_FOLDED_NAME_BYTES} (one person's name)`,
        );
      const chargeKeys = new Set<string>();
      k.charges.forEach((ch, j) => {
        const key = `${ch.provision}#${ch.part ?? '*'}`;
        if (chargeKeys.has(key)) add(casesFile, `${at}.charges[${j}]`, `duplicate charge ${key}`);
        chargeKeys.add(key);
        const p = provisions.get(ch.provision);
        if (!p) add(casesFile, `${at}.charges[${j}].provision`, `unknown provision ${ch.provision}`);
        else if (ch.part !== null && !p.parts.has(ch.part)) {
          add(casesFile, `${at}.charges[${j}].part`, `provision ${ch.provision} has no part ${ch.part}`);
        }
      });
      k.sentences.forEach((s, j) => {
        const hasLength = (s.years ?? 0) + (s.months ?? 0) + (s.days ?? 0) > 0;
        if (s.kind === 'fine' ? s.amount == null && !hasLength : !hasLength && s.amount == null) {
          add(casesFile, `${at}.sentences[${j}]`, 'needs a length (years, months, days) or an amount');
        }
      });
      const needsNote = k.dateKind === 'inferred' || k.dateKind === 'not-after';
      if (needsNote && !k.dateNote) {
        add(casesFile, `${at}.dateNote`, `dateKind ${k.dateKind} needs a dateNote saying how the date was worked out`);
      } else if (!needsNote && k.dateNote) {
        add(casesFile, `${at}.dateNote`, 'only an inferred or not-after date takes a dateNote');
      }
      k.events.forEach((e, j) => refSources(casesFile, `${at}.events[${j}].sources`, e.sources));
      k.disputes.forEach((d, j) => refSources(casesFile, `${at}.disputes[${j}].sources`, d.sources));
      if (k.outcome === 'convicted' && k.sentences.length === 0 && k.basis === 'official-text') {
        add(casesFile, `${at}.sentences`, 'a conviction read in the court record should state its sentence');
      }
    });

    const practiceFile = `${base}/practice.yaml`;
    c.practice.practice.forEach((n, i) => {
      const at = `practice[${i}]`;
      practiceIds.add(n.id, practiceFile, `${at}.id`);
      refSources(practiceFile, `${at}.sources`, n.sources);
      if (n.from && n.to && startOf(n.from) > startOf(n.to)) add(practiceFile, `${at}.to`, 'is before from');
      const statIds = new Set<string>();
      n.statistics.forEach((st, j) => {
        const sat = `${at}.statistics[${j}]`;
        if (statIds.has(st.id)) add(practiceFile, `${sat}.id`, `duplicate statistic id ${st.id}`);
        statIds.add(st.id);
        refSources(practiceFile, `${sat}.sources`, st.sources);
        if (st.valueMax != null && st.valueMax < st.value) add(practiceFile, `${sat}.valueMax`, 'is below value');
        if (st.from && st.to && startOf(st.from) > startOf(st.to)) add(practiceFile, `${sat}.to`, 'is before from');
        st.scope.provisions.forEach((pr, m) => {
          if (!provisions.has(pr)) add(practiceFile, `${sat}.scope.provisions[${m}]`, `unknown provision ${pr}`);
        });
        if (st.scope.force && !forces.has(st.scope.force))
          add(practiceFile, `${sat}.scope.force`, `unknown force ${st.scope.force}`);
        if (st.scope.conflict && !conflicts.has(st.scope.conflict))
          add(practiceFile, `${sat}.scope.conflict`, `unknown conflict ${st.scope.conflict}`);
      });
      const penIds = new Set<string>();
      n.penaltiesStated.forEach((ps, j) => {
        const sat = `${at}.penaltiesStated[${j}]`;
        if (penIds.has(ps.id)) add(practiceFile, `${sat}.id`, `duplicate penalty id ${ps.id}`);
        penIds.add(ps.id);
        if (ps.provision && !provisions.has(ps.provision))
          add(practiceFile, `${sat}.provision`, `unknown provision ${ps.provision}`);
        if (ps.min !== null && ps.max !== null && ps.min > ps.max) add(practiceFile, sat, 'min is greater than max');
      });
    });
  }

  for (const f of ds.forces.forces) {
    f.designations.forEach((d, j) => {
      if (!countryCodes.has(d.country)) {
        add(
          forcesFile,
          `forces[${ds.forces.forces.indexOf(f)}].designations[${j}].country`,
          `unknown country ${d.country}`,
        );
      }
    });
  }
  return issues;
}

/** Throws DataError when the dataset has problems. */
export function assertValid(ds: Dataset): void {
  const issues = checkDataset(ds);
  if (issues.length > 0) throw new DataError(issues);
}

type Instrument = LawFile['instruments'][number];
type Provision = LawFile['provisions'][number];

/** Where an article's span begins and ends, as boundaries: its own dates, else the adding act's start and its code's. */
export function provisionSpan(
  p: Provision,
  instruments: ReadonlyMap<string, Instrument>,
): { from: string | null; to: string | null } {
  const own = instruments.get(p.instrument);
  const adding = p.addedBy ? instruments.get(p.addedBy) : undefined;
  const repealing = p.repealedBy ? instruments.get(p.repealedBy) : undefined;
  return {
    from: p.inForceFrom ?? (adding ? adding.inForceFrom : (own?.inForceFrom ?? null)),
    to: p.inForceTo ?? (repealing ? repealing.inForceFrom : (own?.inForceTo ?? null)),
  };
}
