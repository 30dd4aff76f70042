// "What could happen to me / to my relative": a GET form (country, conduct or force served, date) and the answer in
// plain words from the consequences answer — articles, penalties with sources, exemptions, amnesties, how courts
// sentenced (chart and table), what is unknown, the caveats and the dataset revision to cite.
import { z } from 'zod';
import type { Db } from '../db/client.js';
import { COUNTRY_CODES } from '../domain/vocabulary.js';
import { consequences } from '../queries/consequences.js';
import { listConducts } from '../queries/conducts.js';
import { listForces } from '../queries/forces.js';
import { requireKnownFilters } from '../queries/known.js';
import { HttpProblem } from '../http/problem.js';
import { rangeChart } from './chart.js';
import type { Ctx } from './context.js';
import { exemptionsOf } from './country.js';
import { conductLabel, countryName, date, duration, forceOptions, label, period, sourcesDetails } from './format.js';
import { today } from './home.js';
import { attr, html } from './html.js';
import type { PageContent } from './layout.js';
import { plainAnswer } from './plain.js';
import { unknownsHtml } from './unknowns.js';
import { articleLines, originalsFor, penaltyGroups } from './penalties.js';
import { countryField, dateField, field, parsePageQuery } from './query.js';

const Query = z.object({
  country: countryField,
  conduct: field(100),
  force: field(100),
  date: dateField,
});

export async function whatPage(ctx: Ctx, db: Db, query: unknown): Promise<PageContent> {
  const { s } = ctx;
  const q = parsePageQuery(Query, query);
  const [conducts, forces] = [await listConducts(db), await listForces(db)];
  const asked = q.country !== undefined || q.conduct !== undefined || q.force !== undefined || q.date !== undefined;
  const form = html`<form class="ask" action="${ctx.href('/what-could-happen')}" method="get">
    <div>
      <label for="f-country">${s.fieldCountry}</label>
      <select id="f-country" name="country" required>
        ${COUNTRY_CODES.map((c) => html`<option value="${c}" ${attr(q.country === c, 'selected')}>${countryName(ctx, c)}</option>`)}
      </select>
    </div>
    <div>
      <label for="f-conduct">${s.fieldConduct}</label>
      <select id="f-conduct" name="conduct">
        <option value="">—</option>
        ${conducts.map((c) => html`<option value="${c.code}" ${attr(q.conduct === c.code, 'selected')}>${s.conducts[c.code] ?? c.label}</option>`)}
      </select>
    </div>
    <div>
      <label for="f-force">${s.fieldForce}</label>
      <select id="f-force" name="force">
        <option value="">—</option>
        ${forceOptions(ctx, forces, q.force)}
      </select>
    </div>
    <div>
      <label for="f-date">${s.fieldDate}</label>
      <input id="f-date" name="date" type="date" value="${q.date ?? ''}" aria-describedby="f-date-hint" />
      <p class="hint" id="f-date-hint">${s.dateHint}</p>
    </div>
    <div><button type="submit">${s.submit}</button></div>
  </form>`;
  const head = html`<h1>${s.whatTitle}</h1>
    <p class="lede">${s.whatIntro}</p>
    ${form}`;
  if (!asked) return { title: s.whatTitle, json: ['/v1/conducts', '/v1/forces'], body: head };
  if (!q.country || (!q.conduct && !q.force)) {
    throw new HttpProblem('invalid-parameter', s.chooseOne, [
      {
        in: 'query',
        name: q.country ? 'conduct' : 'country',
        detail: q.country ? s.chooseOne : 'must be one of KZ, KG, TJ, TM, UZ',
      },
    ]);
  }
  await requireKnownFilters(db, { conduct: q.conduct, force: q.force });
  const on = q.date ?? today();
  const a = await consequences(db, {
    country: q.country,
    conducts: q.conduct ? [q.conduct] : [],
    force: q.force,
    date: on,
  });
  const originals = await originalsFor(ctx, db, [a]);
  const params = new URLSearchParams();
  if (q.conduct) params.set('conduct', q.conduct);
  if (q.force) params.set('force', q.force);
  params.set('date', on);
  const api = `/v1/countries/${q.country}/consequences?${params}`;
  const ranges = a.precedents.sentences
    .filter((x) => x.minMonths !== null && x.maxMonths !== null)
    .map((x) => ({
      label: `${label(s.penaltyKinds, x.kind)}${x.suspended ? `, ${s.suspended}` : ''}`,
      min: x.minMonths!,
      median: x.medianMonths ?? x.minMonths!,
      max: x.maxMonths!,
      count: x.withLength,
    }));
  const answer = html`<section class="answer" aria-labelledby="answer-h">
    <h2 id="answer-h">${s.answerFor(countryName(ctx, a.country), date(ctx, a.date))}</h2>
    <p>
      ${a.conducts.map((c) => conductLabel(ctx, c))}${a.force ? html`${a.conducts.length ? ' · ' : ''}${s.forceServed(a.force.name)}` : ''}
    </p>
    ${a.force?.designations.length ? html`<p>${a.force.designations.map((d) => html`<span class="tag">${s.designated(label(s.designations, d.status))}</span> `)}</p>` : ''}

    <h3>${s.inShort}</h3>
    ${plainAnswer(ctx, a)}

    <h3>${s.whichArticles}</h3>
    ${a.found ? '' : html`<p class="caveat">${s.notFoundAnswer}</p>`} ${articleLines(ctx, a, originals)}
    ${a.provisions.map(
      (p) =>
        html`<div class="applies" data-provision="${p.provision.id}">
          <p class="meta">
            ${s.article(p.provision.article)}: ${p.inForce === 'certain' ? s.inForceCertain : s.inForcePossible};
            ${period(ctx, p.version.validFrom, p.version.validTo)}
          </p>
          ${p.wholeArticle ? html`<p>${s.wholeArticle}</p>` : ''}
          <ul>
            ${p.parts.map((pt) => html`<li><strong>${s.part(pt.part)}</strong>: ${ctx.rec(pt.elements)}</li>`)}
          </ul>
          ${p.version.textKnown ? '' : html`<p><span class="tag unknown">${s.textNotRead}</span> ${ctx.rec(p.version.textUnknown)}</p>`}
          ${
            p.moreLenientLater.length
              ? html`<p><strong>${s.moreLenient}:</strong></p>
                  <ul>
                    ${p.moreLenientLater.map((l) => html`<li>${l.provision.id} (${period(ctx, l.validFrom, null)}): ${ctx.rec(l.note)}</li>`)}
                  </ul>`
              : ''
          }
        </div>`,
    )}

    <h3>${s.penalties}</h3>
    ${a.found && a.penalties.length === 0 ? html`<p>${s.noPenaltyKnown}</p>` : ''}
    ${a.penalties.some((g) => g.disputed) ? html`<p class="caveat">${s.disputedNote}</p>` : ''}
    ${penaltyGroups(ctx, a.penalties, { details: true })}

    <h3>${a.exemptionAvailable ? s.exemptionMay : s.exemptions}</h3>
    ${
      a.exemptionAvailable
        ? a.provisions.map((p) => exemptionsOf(ctx, { exemptions: p.exemptions } as never))
        : html`<p>${s.exemptionNone}</p>`
    }

    <h3>${s.amnestiesAfter}</h3>
    ${
      a.amnesties.length
        ? html`<ul>
            ${a.amnesties.map((x) => html`<li><strong>${ctx.rec(x.title)}</strong> <span class="meta">(${date(ctx, x.adopted ?? x.inForceFrom)})</span>${x.summary ? html`<br />${ctx.rec(x.summary)}` : ''}</li>`)}
          </ul>`
        : html`<p>${s.noAmnesty}</p>`
    }

    <h3>${s.howCourts}</h3>
    <p>
      ${s.rulingsCount(a.precedents.count)}${
        a.precedents.byOutcome.length
          ? `: ${a.precedents.byOutcome
              .map((o) => `${label(s.outcomes, o.outcome, s.outcomes.unknown)} ${o.cases}`)
              .join(', ')}`
          : ''
      }.
      ${s.stance}: ${label(s.stances, a.practice.stance, s.stances.unknown)}.
    </p>
    ${
      ranges.length
        ? html`<figure>
              ${rangeChart(s.sentencesChart, ranges, s.monthsUnit)}
              <figcaption>${s.sentencesChart}</figcaption>
            </figure>
            <div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">${s.kind}</th>
                    <th scope="col">${s.withLength}</th>
                    <th scope="col">${s.lowest}</th>
                    <th scope="col">${s.median}</th>
                    <th scope="col">${s.highest}</th>
                  </tr>
                </thead>
                <tbody>
                  ${ranges.map(
                    (r) =>
                      html`<tr>
                        <td>${r.label}</td>
                        <td>${r.count}</td>
                        <td>${duration(ctx, r.min)}</td>
                        <td>${duration(ctx, r.median)}</td>
                        <td>${duration(ctx, r.max)}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
        : html`<p>${s.noSentences}</p>`
    }
    ${
      a.precedents.recent.length
        ? html`<ul>
            ${a.precedents.recent.map((c) => html`<li><a href="${ctx.href(`/rulings/${encodeURIComponent(c.id)}`)}">${date(ctx, c.decided.date)}${c.court.place ? `, ${c.court.place}` : ''}</a>: ${label(s.outcomes, c.outcome)}</li>`)}
          </ul>`
        : ''
    }

    <h3>${s.unknowns}</h3>
    ${
      a.unknownItems.length
        ? html`<ul>
            ${unknownsHtml(ctx, a).map((u) => html`<li>${u}</li>`)}
          </ul>`
        : html`<p>${s.none}</p>`
    }
    ${
      a.gaps.length
        ? html`<ul>
            ${a.gaps.map((g) => html`<li><strong>${label(s.gapTopics, g.topic)}:</strong> ${ctx.rec(g.note)}</li>`)}
          </ul>`
        : ''
    }

    <h3>${s.caveats}</h3>
    <ul class="caveat">
      ${s.caveatList.map((c) => html`<li>${c}</li>`)}
    </ul>

    <h3>${s.cite}</h3>
    <p><code>${s.citeText(a.datasetRevision, api)}</code></p>
    ${sourcesDetails(ctx, a.sources)}
  </section>`;
  return { title: s.whatTitle, json: [api], body: html`${head}${answer}` };
}
