// The rulings list (filters by country, article, outcome, side or force, year and defendant; sort; cursor pages)
// and a ruling's own page.
import { paged } from '../http/pagination.js';
import { z } from 'zod';
import type { Db } from '../db/client.js';
import { COUNTRY_CODES, OUTCOMES, SIDES } from '../domain/vocabulary.js';
import { notFound } from '../domain/errors.js';
import { getCase, CASES_KEY, listCases } from '../queries/cases.js';
import { listForces } from '../queries/forces.js';
import { caseFilterOf } from '../queries/known.js';
import { originalsOf } from '../queries/originals.js';
import type { Ctx } from './context.js';
import { caseQuery } from './country.js';
import {
  conductLabel,
  countryName,
  date,
  dl,
  forceOptions,
  label,
  sentenceText,
  sourceList,
  sourcesDetails,
} from './format.js';
import { attr, html } from './html.js';
import type { PageContent } from './layout.js';
import { choice, countryField, field, parsePageQuery } from './query.js';
import { courtOf, defendantName, rulingsTable } from './rulings-table.js';

const PAGE_SIZE = 20;

const Query = z.object({
  country: countryField,
  provision: field(100),
  outcome: choice(OUTCOMES),
  side: choice(SIDES),
  force: field(100),
  year: field(4).refine((y) => y === undefined || /^(19|20)\d{2}$/.test(y), 'must be a year such as 2024'),
  defendant: field(100),
  sort: choice(['-decided', 'decided'] as const),
  cursor: field(512),
});

export async function rulingsPage(ctx: Ctx, db: Db, query: unknown): Promise<PageContent> {
  const { s } = ctx;
  const q = parsePageQuery(Query, query);
  const { year, cursor, ...filters } = q;
  const filter = await caseFilterOf(db, filters);
  const result = await paged(
    caseQuery({ ...filter, decidedFrom: year, decidedTo: year, sort: q.sort ?? '-decided', cursor, limit: PAGE_SIZE }),
    CASES_KEY,
    (page) => listCases(db, page),
  );
  const forces = await listForces(db);
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filters, year })) if (v !== undefined) params.set(k, v);
  const apiParams = new URLSearchParams({ limit: String(PAGE_SIZE) });
  for (const [k, v] of Object.entries(filters)) if (v !== undefined) apiParams.set(k, v);
  if (year) (apiParams.set('decidedFrom', year), apiParams.set('decidedTo', year));
  if (cursor) apiParams.set('cursor', cursor);
  const api = `/v1/cases?${apiParams}`;
  const next = result.next
    ? `${ctx.href('/rulings')}?${new URLSearchParams([...params, ['cursor', result.next]])}`
    : null;
  const first = cursor ? `${ctx.href('/rulings')}${params.size ? `?${params}` : ''}` : null;
  const opt = (value: string, text: string, current: string | undefined) =>
    html`<option value="${value}" ${attr(current === value, 'selected')}>${text}</option>`;
  const body = html`<h1>${s.rulingsTitle}</h1>
    <form class="filters" action="${ctx.href('/rulings')}" method="get" aria-label="${s.filters}">
      <div>
        <label for="r-country">${s.fieldCountryOnly}</label
        ><select id="r-country" name="country">
          ${opt('', s.any, q.country ?? '')}${COUNTRY_CODES.map((c) => opt(c, countryName(ctx, c), q.country))}
        </select>
      </div>
      <div>
        <label for="r-provision">${s.fieldArticle}</label
        ><input id="r-provision" name="provision" value="${q.provision ?? ''}" maxlength="100" />
      </div>
      <div>
        <label for="r-outcome">${s.fieldOutcome}</label
        ><select id="r-outcome" name="outcome">
          ${opt('', s.any, q.outcome ?? '')}${OUTCOMES.map((o) => opt(o, label(s.outcomes, o), q.outcome))}
        </select>
      </div>
      <div>
        <label for="r-side">${s.fieldSide}</label
        ><select id="r-side" name="side">
          ${opt('', s.any, q.side ?? '')}${SIDES.map((o) => opt(o, label(s.sides, o), q.side))}
        </select>
      </div>
      <div>
        <label for="r-force">${s.force}</label
        ><select id="r-force" name="force">
          ${opt('', s.any, q.force ?? '')}${forceOptions(ctx, forces, q.force)}
        </select>
      </div>
      <div>
        <label for="r-year">${s.fieldYear}</label
        ><input id="r-year" name="year" inputmode="numeric" pattern="[0-9]{4}" value="${year ?? ''}" maxlength="4" />
      </div>
      <div>
        <label for="r-defendant">${s.fieldDefendant}</label
        ><input id="r-defendant" name="defendant" value="${q.defendant ?? ''}" maxlength="100" />
      </div>
      <div>
        <label for="r-sort">${s.fieldSort}</label
        ><select id="r-sort" name="sort">
          ${opt('-decided', s.newest, q.sort ?? '-decided')}${opt('decided', s.oldest, q.sort)}
        </select>
      </div>
      <div><button type="submit">${s.submit}</button></div>
    </form>
    <p class="meta" role="status">${s.results(result.data.length)}</p>
    ${rulingsTable(ctx, result.data)}
    <nav class="pager" aria-label="${s.pagesNav}">
      ${first ? html`<a href="${first}">${s.firstPage}</a>` : ''}
      ${next ? html`<a href="${next}" rel="next">${s.nextPage}</a>` : ''}
    </nav>`;
  return { title: s.rulingsTitle, json: [api], body };
}

export async function rulingPage(ctx: Ctx, db: Db, id: string): Promise<PageContent> {
  const { s } = ctx;
  const c = id.length <= 100 ? await getCase(db, id) : undefined;
  if (!c) throw notFound('case', id);
  const who = defendantName(ctx, c);
  const originals = await originalsOf(db, ctx.lang === 'en' ? [] : c.charges.map((ch) => ch.provision.id), []);
  const title = s.rulingTitle(who, date(ctx, c.decided.date));
  const body = html`<h1>${title}</h1>
    <p class="meta">
      <a href="${ctx.href(`/countries/${c.country}`)}">${countryName(ctx, c.country)}</a> ·
      ${label(s.dateKinds, c.decided.kind)}${c.decided.note ? html` — ${ctx.rec(c.decided.note)}` : ''}
    </p>
    ${dl([
      [s.court, courtOf(ctx, c)],
      [s.judge, c.judge],
      [s.defendant, who],
      [s.age, c.defendant.age === null ? null : String(c.defendant.age)],
      [s.citizenship, c.defendant.citizenships.map((x) => countryName(ctx, x)).join(', ') || null],
      [s.fieldConduct, html`${c.conducts.map((x, i) => html`${i ? ', ' : ''}${conductLabel(ctx, x)}`)}`],
      [s.side, c.side ? label(s.sides, c.side) : null],
      [s.force, c.force ? ctx.name(c.force.name) : null],
      [s.conflict, c.conflict ? ctx.name(c.conflict.name) : null],
      [s.outcome, label(s.outcomes, c.outcome, s.outcomes.unknown)],
      [s.sentence, c.sentences.map((x) => sentenceText(ctx, x)).join('; ') || null],
      [
        s.appeal,
        c.appeal
          ? html`${label(s.appeals, c.appeal.status, '')}${c.appeal.status && c.appeal.note ? ': ' : ''}${ctx.rec(c.appeal.note)}`
          : null,
      ],
      [s.basis, label(s.bases, c.basis)],
    ])}
    <h2>${s.charges}</h2>
    <ul>
      ${c.charges.map(
        (ch) =>
          html`<li>
            ${s.article(ch.provision.article)}${ch.part ? ` (${s.part(ch.part)})` : ''}:
            ${ctx.named(ch.provision.heading, originals.headings.get(ch.provision.id))}
            <span class="meta">(${ch.provision.instrument.id}${ch.scope === 'related' ? `, ${s.related}` : ''})</span
            >${ch.note ? html` — ${ctx.rec(ch.note)}` : ''}
          </li>`,
      )}
    </ul>
    <h2>${s.summaryTitle}</h2>
    <p>${ctx.rec(c.summary)}</p>
    ${
      c.events.length
        ? html`<h2>${s.eventsTitle}</h2>
            <ul>
              ${c.events.map((e) => html`<li><strong>${label(s.events, e.kind)}</strong>${e.date ? ` (${date(ctx, e.date)})` : ''}: ${ctx.rec(e.note)}${sourcesDetails(ctx, e.sources)}</li>`)}
            </ul>`
        : ''
    }
    ${
      c.disputes.length
        ? html`<h2>${s.disputes}</h2>
            <ul>
              ${c.disputes.map((d) => html`<li><strong>${d.field}</strong>: ${ctx.rec(d.note)}${sourcesDetails(ctx, d.sources)}</li>`)}
            </ul>`
        : ''
    }
    <h2>${s.sources}</h2>
    ${sourceList(ctx, c.sources)}
    <p><a href="${ctx.href(`/rulings?country=${c.country}`)}">${s.allRulings(countryName(ctx, c.country))}</a></p>`;
  return { title, json: [`/v1/cases/${encodeURIComponent(c.id)}`], body };
}
