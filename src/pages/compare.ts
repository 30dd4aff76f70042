// The five countries for one conduct (or force) and date: the applicable articles, every stated penalty, exemption,
// prosecution stance and known rulings, side by side.
import { z } from 'zod';
import type { Db } from '../db/client.js';
import { COUNTRY_CODES } from '../data/files.js';
import { listConducts } from '../queries/conducts.js';
import { listForces } from '../queries/forces.js';
import { listCountries } from '../queries/countries.js';
import { requireKnownFilters } from '../queries/known.js';
import type { Ctx } from './context.js';
import { countryName, date, forceOptions, label } from './format.js';
import { GLANCE, answersFor, today } from './home.js';
import { attr, html } from './html.js';
import type { PageContent } from './layout.js';
import { articleLines, originalsFor, penaltyGroups } from './penalties.js';
import { dateField, field, parsePageQuery } from './query.js';

const Query = z.object({ conduct: field(100), force: field(100), date: dateField });

export async function comparePage(ctx: Ctx, db: Db, query: unknown): Promise<PageContent> {
  const { s } = ctx;
  const q = parsePageQuery(Query, query);
  const conduct = q.conduct ?? (q.force ? undefined : GLANCE[0]);
  await requireKnownFilters(db, { conduct, force: q.force });
  const on = q.date ?? today();
  const [conducts, forces, countries] = [
    await listConducts(db),
    await listForces(db),
    (await listCountries(db)).sort((a, b) => COUNTRY_CODES.indexOf(a.code) - COUNTRY_CODES.indexOf(b.code)),
  ];
  const answers = await answersFor(
    db,
    ctx.revision,
    countries.map((c) => c.code),
    conduct ? [conduct] : [],
    q.force,
    on,
  );
  const originals = await originalsFor(ctx, db, answers.values());
  const params = new URLSearchParams();
  if (conduct) params.set('conduct', conduct);
  if (q.force) params.set('force', q.force);
  params.set('date', on);
  const body = html`<h1>${s.compareTitle}</h1>
    <p class="lede">${s.compareIntro}</p>
    <form class="filters" action="${ctx.href('/compare')}" method="get" aria-label="${s.filters}">
      <div>
        <label for="c-conduct">${s.fieldConduct}</label
        ><select id="c-conduct" name="conduct">
          <option value="" ${attr(!conduct, 'selected')}>—</option>
          ${conducts.map((c) => html`<option value="${c.code}" ${attr(conduct === c.code, 'selected')}>${s.conducts[c.code] ?? c.label}</option>`)}
        </select>
      </div>
      <div>
        <label for="c-force">${s.fieldForce}</label
        ><select id="c-force" name="force">
          <option value="">—</option>
          ${forceOptions(ctx, forces, q.force)}
        </select>
      </div>
      <div><label for="c-date">${s.fieldDate}</label><input id="c-date" name="date" type="date" value="${on}" /></div>
      <div><button type="submit">${s.submit}</button></div>
    </form>
    <h2>${s.answerFor(countries.map((c) => countryName(ctx, c.code)).join(', '), date(ctx, on))}</h2>
    <div class="table-wrap">
      <table class="compare">
        <thead>
          <tr>
            <th scope="col">${s.fieldCountryOnly}</th>
            <th scope="col">${s.whichArticles}</th>
            <th scope="col">${s.penalties}</th>
            <th scope="col">${s.exemptions}</th>
            <th scope="col">${s.stance}</th>
            <th scope="col">${s.count}</th>
          </tr>
        </thead>
        <tbody>
          ${countries.map((c) => {
            const a = answers.get(c.code)!;
            return html`<tr data-country="${c.code}">
              <th scope="row"><a href="${ctx.href(`/countries/${c.code}`)}">${countryName(ctx, c.code)}</a></th>
              <td>${articleLines(ctx, a, originals, true)}</td>
              <td>
                ${a.found && a.penalties.length === 0 ? s.penaltyUnknown : penaltyGroups(ctx, a.penalties, { details: false })}
              </td>
              <td>${a.exemptionAvailable ? s.yes : s.no}</td>
              <td>${label(s.stances, a.practice.stance)}</td>
              <td>${a.precedents.count}</td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>`;
  return { title: s.compareTitle, json: [`/v1/compare?${params}`], body };
}
