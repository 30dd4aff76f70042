// The home page: the five countries at a glance (the articles in force today on fighting abroad and on mercenarism,
// every stated penalty with its disputes, the prosecution stance, the known rulings) and the search box.
import type { Db } from '../db/client.js';
import { COUNTRY_CODES } from '../domain/vocabulary.js';
import type { Consequences } from '../domain/consequences.js';
import { consequencesIn } from '../queries/consequences.js';
import { listCountries } from '../queries/countries.js';
import type { Ctx } from './context.js';
import { countryName, date, label } from './format.js';
import { html } from './html.js';
import type { PageContent } from './layout.js';
import { articleLines, originalsFor, penaltyGroups } from './penalties.js';

export const today = () => new Date().toISOString().slice(0, 10);
export const GLANCE = ['armed-conflict-participation', 'mercenary-participation'] as const;

// Answers by database, then by revision, countries, question and date: the home and compare pages depend on today's
// date, so they are not in the response cache (which lasts a whole import); this keeps their cost low all the same.
const memo = new WeakMap<Db, Map<string, Promise<Map<string, Consequences>>>>();

/** The consequences answer for each country, one after another (one database connection may serve them all). */
export function answersFor(
  db: Db,
  revision: string,
  codes: readonly string[],
  conducts: string[],
  force: string | undefined,
  on: string,
): Promise<Map<string, Consequences>> {
  let byKey = memo.get(db);
  if (!byKey) memo.set(db, (byKey = new Map()));
  const key = [revision, codes.join(), conducts.join(), force ?? '', on].join('|');
  const hit = byKey.get(key);
  if (hit) return hit;
  const compute = async () => {
    // Every country in the two statements of one answer, not two per country.
    const answers = await consequencesIn(db, codes, { conducts, force, date: on });
    return new Map<string, Consequences>(answers.map((a) => [a.country, a]));
  };
  const made = compute().catch((err: unknown) => {
    byKey.delete(key);
    throw err;
  });
  byKey.set(key, made);
  if (byKey.size > 64) byKey.delete(byKey.keys().next().value!);
  return made;
}

export async function homePage(ctx: Ctx, db: Db): Promise<PageContent> {
  const { s } = ctx;
  const on = today();
  const countries = (await listCountries(db)).sort(
    (a, b) => COUNTRY_CODES.indexOf(a.code) - COUNTRY_CODES.indexOf(b.code),
  );
  const codes = countries.map((c) => c.code);
  const [fighting, mercenary] = [
    await answersFor(db, ctx.revision, codes, [GLANCE[0]], undefined, on),
    await answersFor(db, ctx.revision, codes, [GLANCE[1]], undefined, on),
  ];
  const originals = await originalsFor(ctx, db, [...fighting.values(), ...mercenary.values()]);
  const cards = countries.map((c) => {
    const name = countryName(ctx, c.code);
    const block = (title: string, a: Consequences | undefined) =>
      a
        ? html`<h4>${title}</h4>
            ${articleLines(ctx, a, originals, true)}
            ${a.found && a.penalties.length === 0 ? html`<p class="meta">${s.penaltyUnknown}</p>` : ''}
            ${penaltyGroups(ctx, a.penalties, { details: false })}`
        : '';
    const stance = mercenary.get(c.code)?.practice.stance ?? fighting.get(c.code)?.practice.stance ?? null;
    return html`<li class="card" id="${c.code}">
      <h3><a href="${ctx.href(`/countries/${c.code}`)}">${name}</a></h3>
      ${c.nameOriginal ? html`<p class="meta">${c.nameOriginal}</p>` : ''}
      ${block(s.fightingAbroad, fighting.get(c.code))} ${block(s.mercenarism, mercenary.get(c.code))}
      <p>
        <strong>${s.stance}:</strong> ${label(s.stances, stance, s.stances.unknown)}.
        <a href="${ctx.href(`/rulings?country=${c.code}`)}">${s.rulingsCount(c.counts.cases)}</a>
      </p>
    </li>`;
  });
  return {
    title: s.homeTitle,
    json: ['/v1/countries', ...GLANCE.map((g) => `/v1/compare?conduct=${g}&date=${on}`)],
    body: html`<h1>${s.homeTitle}</h1>
      <p class="lede">${s.homeIntro}</p>
      <p><a href="${ctx.href('/what-could-happen')}">${s.whatTitle}</a></p>
      <h2>${s.atAGlance(date(ctx, on))}</h2>
      <ul class="cards">
        ${cards}
      </ul> `,
  };
}
