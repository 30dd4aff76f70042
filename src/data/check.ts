// Cross-checks a loaded dataset: unique ids, every reference resolves, versions do not overlap, min <= max.
import type { Dataset, DataIssue } from './load.js';
import { DataError } from './load.js';

/** First day of a partial date ("2024" -> "2024-01-01"). */
export function startOf(d: string): string {
  return d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d;
}

/** Last day of a partial date ("2024-02" -> "2024-02-29"). */
export function endOf(d: string): string {
  if (d.length === 10) return d;
  const [y, m] = d.split('-').map(Number) as [number, number | undefined];
  const last = m === undefined ? new Date(Date.UTC(y, 12, 0)) : new Date(Date.UTC(y, m, 0));
  return last.toISOString().slice(0, 10);
}

export function precisionOf(d: string): 'year' | 'month' | 'day' {
  return d.length === 4 ? 'year' : d.length === 7 ? 'month' : 'day';
}

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
      if (ins.inForceFrom && ins.inForceTo && startOf(ins.inForceFrom) > startOf(ins.inForceTo)) {
        add(lawFile, `${at}.inForceTo`, 'is before inForceFrom');
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
      let previousTo: string | null | undefined;
      p.versions.forEach((v, j) => {
        const vat = `${at}.versions[${j}]`;
        refSources(lawFile, `${vat}.sources`, v.sources);
        if (v.amendedBy && !instruments.has(v.amendedBy))
          add(lawFile, `${vat}.amendedBy`, `unknown instrument ${v.amendedBy}`);
        if (v.validTo && startOf(v.validTo) <= startOf(v.validFrom))
          add(lawFile, `${vat}.validTo`, 'must be after validFrom');
        if (j > 0) {
          if (previousTo === null)
            add(lawFile, `${vat}.validFrom`, 'the previous version is open-ended (validTo: null)');
          else if (previousTo && startOf(v.validFrom) < startOf(previousTo)) {
            add(lawFile, `${vat}.validFrom`, `overlaps the previous version (in force until ${previousTo})`);
          }
        }
        previousTo = v.validTo;
        const partNames = new Set<string>();
        v.parts.forEach((pt, k) => {
          const pat = `${vat}.parts[${k}]`;
          if (partNames.has(pt.part)) add(lawFile, `${pat}.part`, `duplicate part ${pt.part}`);
          partNames.add(pt.part);
          refConducts(lawFile, `${pat}.conducts`, pt.conducts);
          pt.penalties.forEach((pen, m) => {
            const pp = `${pat}.penalties[${m}]`;
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
      k.charges.forEach((ch, j) => {
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
