// A country's page: the law in force and its history on a timeline (texts not read shown as such), exemptions,
// amnesties, practice and statistics with a chart and its table, the latest rulings, and what is unknown.
import type { Db } from '../db/client.js';
import type { COUNTRY_CODES } from '../domain/vocabulary.js';
import type { CaseQuery } from '../domain/cases.js';
import type { Version } from '../domain/provisions.js';
import { notFound } from '../domain/errors.js';
import { listCases } from '../queries/cases.js';
import { getCountry } from '../queries/countries.js';
import { listInstruments } from '../queries/instruments.js';
import { listPractice } from '../queries/practice.js';
import { listProvisions, versionsOf } from '../queries/provisions.js';
import { caseStats } from '../queries/stats.js';
import { barChart, timeline } from './chart.js';
import type { Ctx } from './context.js';
import { boundary, countryName, date, label, penaltyText, period, sourcesDetails } from './format.js';
import { today } from './home.js';
import { html, type SafeHtml } from './html.js';
import type { PageContent } from './layout.js';
import { practiceList } from './practice.js';
import { rulingsTable } from './rulings-table.js';

type CountryCode = (typeof COUNTRY_CODES)[number];

export const caseQuery = (q: Partial<CaseQuery>): CaseQuery =>
  ({ sort: '-decided', limit: 20, count: false, ...q }) as CaseQuery;

function versionBody(ctx: Ctx, v: Version): SafeHtml {
  const { s } = ctx;
  if (!v.textKnown) return html`<p><span class="tag unknown">${s.textNotRead}</span> ${ctx.rec(v.textUnknown)}</p>`;
  return html`${v.parts.map(
    (p) =>
      html`<div class="part">
        <p>
          <strong>${s.part(p.part)}</strong
          >${p.category ? html` <span class="meta">(${label(s.categories, p.category)})</span>` : ''}:
          ${ctx.rec(p.elements)}
        </p>
        ${
          p.penalties.length
            ? html`<ul class="alts">
                ${p.penalties.map(
                  (x) =>
                    html`<li>
                      ${penaltyText(ctx, x)}
                      <span class="meta">(${label(s.roles, x.role)})</span>
                      ${x.disputed ? html`<span class="tag">${s.disputed}</span>` : ''}
                      ${x.context ? html`<br /><span class="context">${ctx.rec(x.context)}</span>` : ''}
                    </li>`,
                )}
              </ul>`
            : ''
        }
      </div>`,
  )}`;
}

export function exemptionsOf(ctx: Ctx, v: Version | undefined): SafeHtml {
  if (!v || v.exemptions.length === 0) return html``;
  return html`<ul>
    ${v.exemptions.map(
      (e) =>
        html`<li>
          ${ctx.s.exemptionIf(e.conditions.map((c) => label(ctx.s.conditions, c)).join(', '), label(ctx.s.effects, e.effect))}
          <br /><span class="context">${ctx.rec(e.text)}</span>
        </li>`,
    )}
  </ul>`;
}

export async function countryPage(ctx: Ctx, db: Db, code: string): Promise<PageContent> {
  const { s } = ctx;
  const cc = code.toUpperCase() as CountryCode;
  const country = /^[A-Z]{2}$/.test(cc) ? await getCountry(db, cc) : undefined;
  if (!country) throw notFound('country', code);
  const name = countryName(ctx, cc);
  const provs = (await listProvisions(db, { country: cc, limit: 200 })).data.filter((p) => p.scope === 'core');
  const versions = await versionsOf(
    db,
    provs.map((p) => p.id),
  );
  const amnesties = await listInstruments(db, { country: cc, kind: 'amnesty-act' });
  const titles = new Map((await listInstruments(db, { country: cc })).map((i) => [i.id, i.titleOriginal] as const));
  const practice = (await listPractice(db, { country: cc, limit: 200 })).data;
  const byYear = (await caseStats(db, ['year'], { country: cc })).rows;
  const latest = (await listCases(db, caseQuery({ country: cc, limit: 5 }))).data;
  const now = today();
  const inForce = provs.filter((p) => p.validTo === null);
  const spans = provs.flatMap((p) =>
    (versions.get(p.id) ?? []).map((v) => ({
      row: `${s.article(p.article)} (${p.instrument.id.replace(/^[a-z]+-cc-/, '')})`,
      from: v.from.earliest,
      to: v.to ? v.to.latest : null,
      unknown: !v.textKnown,
      title: `${p.id}: ${period(ctx, v.validFrom, v.validTo)}${v.textKnown ? '' : ` (${s.textNotRead})`}`,
    })),
  );
  const years = byYear
    .filter((r) => r.group.year !== null)
    .map((r) => ({ label: String(r.group.year), value: r.cases }))
    .sort((a, b) => a.label.localeCompare(b.label));

  const body = html`<h1>${s.countryPage(name)}</h1>
    ${country.nameOriginal ? html`<p class="meta">${country.nameOriginal}</p>` : ''}
    <h2>${s.summary}</h2>
    <p>${ctx.rec(country.summary)}</p>
    ${sourcesDetails(ctx, country.sources)}

    <h2 id="law">${s.lawInForce}</h2>
    ${inForce.map((p) => {
      const vs = versions.get(p.id) ?? [];
      const current = vs[vs.length - 1];
      return html`<section class="provision" id="${p.id}" aria-labelledby="${p.id}-h">
        <h3 id="${p.id}-h">${s.article(p.article)}. ${ctx.named(p.heading, p.headingOriginal)}</h3>
        <p class="meta">
          ${ctx.named(p.instrument.title, titles.get(p.instrument.id))}${ctx.lang === 'en' && p.headingOriginal ? html` · ${p.headingOriginal}` : ''}
          · ${current ? period(ctx, current.validFrom, current.validTo) : ''}
        </p>
        ${current ? versionBody(ctx, current) : ''}
        ${
          current?.exemptions.length
            ? html`<h4>${s.exemptions}</h4>
                ${exemptionsOf(ctx, current)}`
            : ''
        }
        ${current ? sourcesDetails(ctx, current.sources) : ''}
      </section>`;
    })}

    <h2 id="history">${s.history}</h2>
    <figure>
      ${timeline(s.history, spans, now)}
      <figcaption class="meta">${s.timelineDesc}</figcaption>
    </figure>
    ${provs.map(
      (p) =>
        html`<h3 id="${p.id}-history">
            ${s.article(p.article)}. ${ctx.named(p.heading, p.headingOriginal)}
            <span class="meta">(${p.instrument.id})</span>
          </h3>
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">${s.validFrom}</th>
                  <th scope="col">${s.validTo}</th>
                  <th scope="col">${s.version}</th>
                  <th scope="col">${s.basis}</th>
                </tr>
              </thead>
              <tbody>
                ${(versions.get(p.id) ?? []).map(
                  (v) =>
                    html`<tr>
                      <td>${boundary(ctx, v.validFrom)}</td>
                      <td>${v.validTo ? boundary(ctx, v.validTo) : s.inForceNow}</td>
                      <td>
                        ${v.textKnown ? v.parts.flatMap((pt) => pt.penalties.filter((x) => x.role !== 'additional').map((x) => `${s.part(pt.part)}: ${penaltyText(ctx, x)}${x.disputed ? ` (${s.disputed.toLowerCase()})` : ''}`)).join('; ') || '—' : html`<span class="tag unknown">${s.textNotRead}</span>`}
                        ${v.amendedBy ? html`<br /><span class="meta">${s.amendedBy} ${v.amendedBy}</span>` : ''}
                      </td>
                      <td>${label(s.bases, v.basis)}</td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>`,
    )}

    <h2 id="amnesties">${s.amnesties}</h2>
    ${
      amnesties.length
        ? html`<ul>
            ${amnesties.map(
              (a) =>
                html`<li>
                  <strong>${ctx.named(a.title, a.titleOriginal)}</strong>
                  <span class="meta">(${date(ctx, a.adopted ?? a.inForceFrom)})</span>
                  ${a.summary ? html`<br />${ctx.rec(a.summary)}` : ''}${sourcesDetails(ctx, a.sources)}
                </li>`,
            )}
          </ul>`
        : html`<p>${s.noAmnesty}</p>`
    }

    <h2 id="practice">${s.practice}</h2>
    ${practiceList(ctx, practice)}

    <h2 id="statistics">${s.statistics}</h2>
    <figure>
      ${barChart(s.rulingsByYear, years)}
      <figcaption>${s.rulingsByYear}</figcaption>
    </figure>
    <div class="table-wrap">
      <table>
        <caption class="meta">
          ${s.rulingsByYear}
        </caption>
        <thead>
          <tr>
            <th scope="col">${s.year}</th>
            <th scope="col">${s.count}</th>
          </tr>
        </thead>
        <tbody>
          ${years.map(
            (y) =>
              html`<tr>
                <td>${y.label}</td>
                <td>${y.value}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>

    <h2 id="rulings">${s.latestRulings}</h2>
    ${rulingsTable(ctx, latest)}
    <p><a href="${ctx.href(`/rulings?country=${cc}`)}">${s.allRulings(name)}</a></p>

    <h2 id="gaps">${s.gaps}</h2>
    ${
      country.gaps.length
        ? html`<ul>
            ${country.gaps.map((g) => html`<li><strong>${label(s.gapTopics, g.topic)}:</strong> ${ctx.rec(g.note)}</li>`)}
          </ul>`
        : html`<p>${s.noGaps}</p>`
    }`;
  return {
    title: s.countryPage(name),
    json: [
      `/v1/countries/${cc}`,
      `/v1/provisions?country=${cc}`,
      `/v1/practice?country=${cc}`,
      `/v1/cases?country=${cc}`,
    ],
    body,
  };
}
