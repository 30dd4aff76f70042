// The pages through app.inject: every page in both languages, one h1, the page CSP and no inline script or style,
// escaping of crafted input, language choice (link, cookie, Accept-Language), and bad input as a 400 HTML page. On the
// fixture dataset (test/fixtures/dataset.ts): the records the pages show are asserted as the fixture writes them.
import t from 'tap';
import { fixtureDataset } from '../fixtures/dataset.js';
import { ru } from '../../src/pages/i18n/ru.js';
import { buildTestApp } from '../helper.js';

const app = await buildTestApp(t, await fixtureDataset(t));

const PAGES = [
  '/',
  '/countries/KG',
  '/countries/UZ',
  '/what-could-happen',
  '/what-could-happen?country=UZ&conduct=mercenary-participation&date=2020-01-01',
  '/rulings',
  '/rulings?country=KG&outcome=convicted&sort=decided',
  '/rulings/kg-2023-osh-bb',
  '/compare',
  '/compare?conduct=mercenary-participation&date=2024-01-01',
  '/sources',
  '/sources?kind=media',
  '/methodology',
  '/search?q=Mercenarism',
  '/search?q=наемники&type=case&country=KG',
];

/** The visible text of some markup: tags dropped, white space collapsed. */
const textOf = (markup: string) =>
  markup
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
/** The text of <main>, without the form. */
const mainText = (body: string) =>
  textOf((/<main[^>]*>([\s\S]*)<\/main>/.exec(body)?.[1] ?? '').replace(/<form[\s\S]*?<\/form>/g, ''));
/** The rows of the rulings tables: the case id, then the text of each cell. */
const rulingRows = (body: string) =>
  [...body.matchAll(/<tr data-case="([^"]+)">([\s\S]*?)<\/tr>/g)].map((m) => [
    m[1],
    ...[...m[2]!.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((c) => textOf(c[1]!)),
  ]);
/** The rows of the first table body: the text of each cell. */
const tableRows = (body: string) =>
  [...(/<tbody>([\s\S]*?)<\/tbody>/.exec(body)?.[1] ?? '').matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) =>
    [...m[1]!.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) => textOf(c[1]!)),
  );
const get = async (url: string) => {
  const res = await app.inject(url);
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode}`);
  return res.body;
};

// The fixture's three rulings as the tables show them, newest first: date, defendant, court (country), charges,
// outcome, sentence. B.B.'s court has no name (the place alone), her second charge (art. 30) no part; C.C.'s
// outcome was not reported and he has no sentence.
const RULINGS = {
  en: [
    [
      'kg-2024-bishkek-aa',
      '15 March 2024',
      'A.A.',
      'Fixture District Court, Bishkek (Kyrgyzstan)',
      'Art. 100 (part 1)',
      'convicted',
      'imprisonment, 6 years',
    ],
    [
      'kg-2023-osh-bb',
      'September 2023',
      'B.B.',
      'Osh (Kyrgyzstan)',
      'Art. 100 (part 1), Art. 30',
      'convicted',
      'imprisonment, 3 years, suspended (probation 24 months)',
    ],
    [
      'uz-2022-tashkent-cc',
      'November 2022',
      'C.C.',
      'Tashkent (Uzbekistan)',
      'Art. 154 (part 1)',
      'outcome unknown',
      '—',
    ],
  ],
  ru: [
    [
      'kg-2024-bishkek-aa',
      '15 марта 2024 г.',
      'A.A.',
      'Fixture District Court, Bishkek (Кыргызстан)',
      'Ст. 100 (часть 1)',
      'осуждён',
      'лишение свободы, 6 лет',
    ],
    [
      'kg-2023-osh-bb',
      'сентябрь 2023 г.',
      'B.B.',
      'Osh (Кыргызстан)',
      'Ст. 100 (часть 1), Ст. 30',
      'осуждён',
      'лишение свободы, 3 года, условно (испытательный срок 24 месяца)',
    ],
    [
      'uz-2022-tashkent-cc',
      'ноябрь 2022 г.',
      'C.C.',
      'Tashkent (Узбекистан)',
      'Ст. 154 (часть 1)',
      'исход неизвестен',
      '—',
    ],
  ],
};

t.test('the rulings tables: the fixture rulings, row by row, in both languages', async (t) => {
  t.strictSame(rulingRows(await get('/rulings')), RULINGS.en);
  t.strictSame(rulingRows(await get('/ru/rulings')), RULINGS.ru);
  t.strictSame(
    rulingRows(await get('/rulings?country=KG&outcome=convicted&sort=decided')),
    [RULINGS.en[1], RULINGS.en[0]],
    'the Kyrgyz convictions, oldest first',
  );
  t.strictSame(rulingRows(await get('/rulings?outcome=convicted&country=UZ')), [], 'C.C. has no known outcome');
  t.strictSame(rulingRows(await get('/countries/KG')), RULINGS.en.slice(0, 2), 'the country page: its rulings');
  t.strictSame(rulingRows(await get('/ru/countries/UZ')), RULINGS.ru.slice(2));
});

t.test('a ruling page: every field of the fixture record, in both languages', async (t) => {
  t.equal(
    mainText(await get('/rulings/kg-2024-bishkek-aa')),
    'Ruling: A.A., 15 March 2024 Kyrgyzstan · date of the decision Court Fixture District Court, Bishkek ' +
      'Defendant A.A. Age 30 Citizenship Kyrgyzstan What the person did Taking part in an armed conflict abroad ' +
      'Side other Force Fixture Legion Conflict Fixture War Outcome convicted Sentence imprisonment, 6 years ' +
      'Appeal no appeal reported How it is known read in the official text ' +
      'Charges Art. 100 (part 1): Participation in a foreign armed conflict (kg-cc-2020) ' +
      'What happened Fixture: A.A. fought for the Fixture Legion and was sentenced to 6 years. ' +
      'Sources Fixture court record, Bishkek — Fixture Press, 15 March 2024 (court record) ' +
      'Fixture news report — Fixture Press, 20 March 2024 (media) All rulings in Kyrgyzstan',
  );
  t.equal(
    mainText(await get('/ru/rulings/kg-2023-osh-bb')),
    'Решение: B.B., сентябрь 2023 г. Кыргызстан · дата сообщения (дата решения неизвестна) Суд Osh ' +
      'Обвиняемый B.B. Гражданство Кыргызстан Что сделал человек Участие в вооружённом конфликте за рубежом ' +
      'Конфликт Fixture War Исход осуждён Наказание лишение свободы, 3 года, условно (испытательный срок 24 месяца) ' +
      'Откуда известно по сообщениям СМИ или НКО ' +
      'Обвинения Ст. 100 (часть 1): Participation in a foreign armed conflict (на английском) (kg-cc-2020) ' +
      'Ст. 30: Preparation and attempt (на английском) (kg-cc-2020, смежная статья) — Fixture: attempt. (на английском) ' +
      'Что произошло Fixture: B.B. tried to reach the war and received a suspended term. (на английском) ' +
      'Источники Fixture NGO report — Fixture Press, октябрь 2023 г. (НКО) Все решения: Кыргызстан',
  );
});

t.test('a country page: its law in force, articles, penalties and exemption from the fixture', async (t) => {
  const en = mainText(await get('/countries/KG'));
  t.match(en, /^Kyrgyzstan: law, history and rulings In brief Fixture summary of Kyrgyzstan\. /);
  for (const shown of [
    'Law in force today Art. 100. Participation in a foreign armed conflict Fixture Criminal Code of Kyrgyzstan · ' +
      'since 1 January 2022 part 1 (grave) : Fixture: taking part in an armed conflict abroad. ' +
      'imprisonment: 5 to 8 years (main punishment)',
    'Exemptions If the person returns voluntarily, has committed no other crime: release from criminal liability. ' +
      'Fixture: a person who returns voluntarily and committed no other crime is released.',
    'Art. 101. Mercenarism Fixture Criminal Code of Kyrgyzstan · since 1 January 2020 ' +
      'part 1 (grave) : Fixture: recruiting a mercenary. imprisonment: 5 to 10 years (main punishment) ' +
      'part 2 (grave) : Fixture: taking part as a mercenary. imprisonment: 7 to 12 years (main punishment) ' +
      'Sources disagree imprisonment: 8 to 15 years (main punishment) Sources disagree ' +
      'Fixture: the news report’s figure.',
    '1 January 2020 1 January 2022 part 1: imprisonment: 3 to 5 years read in the official text',
    'Amnesties Fixture amnesty act (1 May 2023) Fixture: covered first offenders.',
    'Fixture: the ministry reported two convictions in 2023. 2 convicted (2023 – 2023)',
    'Statistics: Fixture gap: no yearly statistics found.',
  ])
    t.ok(en.includes(shown), `shows: ${shown}`);
  const ru = mainText(await get('/ru/countries/KG'));
  t.match(ru, /^Кыргызстан: закон, история и решения судов Вкратце Fixture summary of Kyrgyzstan\. \(на английском\) /);
  for (const shown of [
    'Действующий закон Ст. 100. Participation in a foreign armed conflict (на английском) ' +
      'Fixture Criminal Code of Kyrgyzstan (на английском) · с 1 января 2022 г. часть 1 (тяжкое) : ' +
      'Fixture: taking part in an armed conflict abroad. (на английском) лишение свободы: от 5 до 8 лет (основное наказание)',
    'Освобождение от ответственности Если человек добровольно вернулся, не совершил иного преступления: ' +
      'освобождение от уголовной ответственности. ' +
      'Fixture: a person who returns voluntarily and committed no other crime is released. (на английском)',
    'лишение свободы: от 7 до 12 лет (основное наказание) Источники расходятся ' +
      'лишение свободы: от 8 до 15 лет (основное наказание) Источники расходятся',
  ])
    t.ok(ru.includes(shown), `shows: ${shown}`);
  const uz = mainText(await get('/countries/UZ'));
  t.ok(
    uz.includes(
      'Art. 154. Mercenarism (uz-cc-1995) In force from Until Text How it is known 1 April 1995 1 June 2021 text not read reported by media or NGOs',
    ),
    'the version of art. 154 whose text is unknown',
  );
  t.ok(uz.includes('imprisonment: up to 3 years'), 'art. 155 before 2021: no minimum');
});

t.test('the sources page: the six fixture sources, in both languages', async (t) => {
  const rows = (body: string) => tableRows(body).map((r) => r.slice(0, 5));
  t.strictSame(rows(await get('/sources')), [
    ['Fixture Criminal Code of Kyrgyzstan', 'Fixture Press', '1 January 2020', 'official text', 'en'],
    ['Fixture Criminal Code of Uzbekistan', 'Fixture Press', '1 April 1995', 'official text', 'en'],
    ['Fixture court record, Bishkek', 'Fixture Press', '15 March 2024', 'court record', 'en'],
    ['Fixture ministry statement', 'Fixture Press', '1 June 2023', 'government statement', 'en'],
    ['Fixture news report', 'Fixture Press', '20 March 2024', 'media', 'en'],
    ['Fixture NGO report', 'Fixture Press', 'October 2023', 'NGO', 'en'],
  ]);
  t.strictSame(rows(await get('/ru/sources?kind=media')), [
    ['Fixture news report', 'Fixture Press', '20 марта 2024 г.', 'СМИ', 'en'],
  ]);
});

t.test('search: the fixture records that match, in both languages', async (t) => {
  const results = (body: string) =>
    [...body.matchAll(/<a class="meta" href="([^"]+)" type="application\/json">JSON<\/a>/g)].map((m) => m[1]);
  const en = await get('/search?q=Mercenarism');
  t.ok(mainText(en).startsWith('Results for “Mercenarism” Article 101 Mercenarism (article, Kyrgyzstan)'));
  t.ok(mainText(en).includes('Article 154 Mercenarism (article, Uzbekistan)'));
  const ru = await get('/ru/search?q=Mercenarism');
  t.ok(mainText(ru).includes('Article 101 Mercenarism (на английском) (статья, Кыргызстан)'));
  // Every fixture record that says "mercenar...": the two articles, C.C.'s ruling and the Uzbek warning.
  t.strictSame([...results(en)].sort(), [
    '/v1/cases/uz-2022-tashkent-cc',
    '/v1/practice/uz-practice-warning',
    '/v1/provisions/kg-cc-2020-art-101',
    '/v1/provisions/uz-cc-1995-art-154',
  ]);
  t.strictSame(results(ru), results(en), 'the same results in both languages');
  t.equal(mainText(await get('/search?q=наемники&type=case&country=KG')), 'Results for “наемники” Nothing found.');
});
t.test('search: practice notes and gaps are titled in the page language, from their codes', async (t) => {
  const titles = async (url: string) =>
    [
      ...(await get(url)).matchAll(
        /<li class="hit" data-type="(\w+)" data-id="([^"]+)">\s*<a href="[^"]*"><strong>([^<]*)<\/strong>/g,
      ),
    ].map((m) => [m[1], m[2], m[3]]);
  // "ministry" is in both fixture practice notes; "yearly" in the Kyrgyz gap.
  t.strictSame((await titles('/search?q=ministry&type=practice')).sort(), [
    ['practice', 'kg-practice-convictions', 'statistics: prosecutes'],
    ['practice', 'uz-practice-warning', 'warning'],
  ]);
  t.strictSame((await titles('/ru/search?q=ministry&type=practice')).sort(), [
    ['practice', 'kg-practice-convictions', `${ru.practiceKinds.statistics}: ${ru.stances.prosecutes}`],
    ['practice', 'uz-practice-warning', ru.practiceKinds.warning],
  ]);
  t.strictSame(await titles('/search?q=yearly&type=gap'), [['gap', 'kg-gap-1', 'Kyrgyzstan: gap (statistics)']]);
  t.strictSame(await titles('/ru/search?q=yearly&type=gap'), [
    ['gap', 'kg-gap-1', `Кыргызстан: ${ru.searchTypes.gap} (${ru.gapTopics.statistics.toLowerCase()})`],
  ]);
});

const inRu = (p: string) => (p === '/' ? '/ru/' : `/ru${p}`);

t.test('every page answers 200 in both languages, as HTML with one h1 and the page CSP', async (t) => {
  for (const en of PAGES) {
    for (const [url, lang] of [
      [en, 'en'],
      [inRu(en), 'ru'],
    ] as const) {
      const res = await app.inject(url);
      t.equal(res.statusCode, 200, url);
      t.match(res.headers['content-type'], /^text\/html; charset=utf-8/, url);
      t.match(res.body, new RegExp(`^<!doctype html>\\s*<html lang="${lang}">`), `${url}: lang`);
      t.equal(res.body.match(/<h1[\s>]/g)?.length, 1, `${url}: one h1`);
      t.match(res.body, /<main id="main"/, `${url}: main landmark`);
      t.match(res.body, /<a class="skip" href="#main">/, `${url}: skip link`);
      t.match(res.body, /hreflang="ru" href="\/ru/, `${url}: hreflang alternate`);
      t.notMatch(res.body, /<script/i, `${url}: no script`);
      t.notMatch(res.body, /\sstyle=/i, `${url}: no inline style`);
      const csp = String(res.headers['content-security-policy']);
      t.match(csp, /default-src 'self'/, url);
      t.notMatch(csp, /unsafe-inline|https:/, `${url}: strict CSP`);
      t.match(res.body, /type="application\/json"/, `${url}: links to its JSON`);
      t.match(String(res.headers.vary), /Accept-Language/, `${url}: varies by language choice`);
      const levels = [...res.body.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
      t.ok(
        levels.every((l, i) => i === 0 || l <= levels[i - 1]! + 1),
        `${url}: headings in order (${levels.join('')})`,
      );
      const ids = [...res.body.matchAll(/<(?:input|select|textarea)\b[^>]*\bid="([^"]+)"/g)].map((m) => m[1]);
      for (const id of ids) t.match(res.body, `<label for="${id}"`, `${url}: #${id} has a label`);
      t.equal(
        new Set([...res.body.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1])).size,
        [...res.body.matchAll(/\sid="([^"]+)"/g)].length,
        `${url}: ids unique`,
      );
    }
  }
});

t.test('the Russian pages say their interface in Russian, and mark English record texts', async (t) => {
  const res = await app.inject('/ru/countries/KG');
  t.match(res.body, /Действующий закон/);
  t.match(res.body, /<span lang="en">[^<]+<\/span> <span class="lang-note">\(на английском\)<\/span>/);
  const home = await app.inject('/ru/');
  const ours = home.body.replace(/<span lang="en">[^<]*<\/span>/g, '');
  for (const english of ['Fighting abroad', 'Mercenarism', 'Prosecution', 'Skip to content', 'Methodology'])
    t.notMatch(ours, english, `no "${english}" on the Russian home page`);
  t.match(home.body, /Кыргызстан/);
});

t.test('crafted input is escaped everywhere it is shown', async (t) => {
  const evil = '"><script>alert(1)</script>';
  const q = encodeURIComponent(evil);
  for (const url of [`/search?q=${q}`, `/ru/search?q=${q}`, `/rulings?defendant=${q}`, `/rulings?provision=${q}`]) {
    const res = await app.inject(url);
    t.ok(res.statusCode === 200 || res.statusCode === 400, `${url}: ${res.statusCode}`);
    t.notMatch(res.body, /<script>alert/, `${url}: not executable`);
    t.match(res.body, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/, `${url}: shown escaped`);
  }
});

t.test('bad input on a page is a 400 HTML page saying what is wrong, never a 500', async (t) => {
  const cases: [string, RegExp][] = [
    ['/rulings?year=abc', /year/],
    ['/rulings?outcome=won', /outcome/],
    ['/rulings?cursor=nonsense', /cursor/],
    ['/rulings?provision=9999&country=KG', /provision/],
    ['/rulings?force=fixture-legio', /Did you mean\s*<code>fixture-legion<\/code>\?/],
    ['/what-could-happen?country=XX', /country/],
    ['/what-could-happen?country=KG', /conduct/],
    ['/what-could-happen?country=KG&conduct=flying', /conduct/],
    ['/what-could-happen?country=KG&conduct=recruitment&date=2024-02-30', /date/],
    ['/compare?date=yesterday', /date/],
    ['/sources?kind=blog', /kind/],
    ['/search?q=%00', /control characters/],
    ['/ru/rulings?year=20', /year/],
  ];
  for (const [url, says] of cases) {
    const res = await app.inject(url);
    t.equal(res.statusCode, 400, url);
    t.match(res.headers['content-type'], /text\/html/, url);
    t.match(res.body, says, `${url}: names the problem`);
  }
  // The suggestion is offered once, in the page's language, not also in the API's English detail.
  for (const url of ['/rulings?force=fixture-legio', '/ru/rulings?force=fixture-legio']) {
    const body = (await app.inject(url)).body;
    t.equal(body.match(/fixture-legion/g)?.length, 1, `${url}: one suggestion`);
    t.notMatch(body, /did you mean/, `${url}: no English hint inside the detail`);
  }
  const missing = await app.inject('/rulings/no-such-ruling');
  t.equal(missing.statusCode, 404);
  t.match(missing.headers['content-type'], /text\/html/);
  t.equal((await app.inject('/countries/XX')).statusCode, 404);
  t.equal((await app.inject('/ru/countries/ZZZ')).statusCode, 404);
});

t.test('language: a link that remembers, the cookie, and Accept-Language on a first visit', async (t) => {
  const sw = await app.inject('/lang/ru?next=%2Fru%2Frulings');
  t.equal(sw.statusCode, 303);
  t.equal(sw.headers.location, '/ru/rulings');
  t.match(String(sw.headers['set-cookie']), /^lang=ru; Path=\/; Max-Age=\d+; SameSite=Lax/);
  const open = await app.inject('/lang/en?next=%2F%2Fevil.example%2F');
  t.equal(open.headers.location, '/', 'next never leaves the site');
  t.equal((await app.inject('/lang/xx')).statusCode, 400);
  const unicode = await app.inject(`/lang/ru?next=${encodeURIComponent('/ru/search?q=наемники x')}`);
  t.equal(unicode.statusCode, 303);
  t.equal(unicode.headers.location, `/ru/search?q=${encodeURIComponent('наемники')}%20x`);
  const ahead = await app.inject('/search?q=%D0%BD%D0%B0');
  const link = /href="(\/lang\/ru\?next=[^"]+)"/.exec(ahead.body)?.[1]?.replaceAll('&amp;', '&');
  t.equal((await app.inject(link!)).headers.location, '/ru/search?q=%D0%BD%D0%B0', 'the switch keeps the query');

  const remembered = await app.inject({ url: '/countries/KG?x=1', headers: { cookie: 'a=b; lang=ru' } });
  t.equal(remembered.statusCode, 302);
  t.equal(remembered.headers.location, '/ru/countries/KG?x=1');
  const offered = await app.inject({ url: '/', headers: { 'accept-language': 'ru-RU,ru;q=0.9,en;q=0.8' } });
  t.equal(offered.statusCode, 302);
  t.equal(offered.headers.location, '/ru/');
  const chosen = await app.inject({ url: '/', headers: { 'accept-language': 'ru', cookie: 'lang=en' } });
  t.equal(chosen.statusCode, 200, 'a choice made beats Accept-Language');
  const english = await app.inject({ url: '/', headers: { 'accept-language': 'en-GB,en;q=0.9,ru;q=0.5' } });
  t.equal(english.statusCode, 200);
  const explicit = await app.inject({ url: '/ru/sources', headers: { cookie: 'lang=en' } });
  t.equal(explicit.statusCode, 200, 'a /ru/ address is never redirected');
});

t.test('the stylesheet is same-origin, content-hashed and cached', async (t) => {
  const page = await app.inject('/');
  const href = /<link rel="stylesheet" href="([^"]+)"/.exec(page.body)?.[1];
  t.match(href, /^\/assets\/site\.css\?v=[\w-]+$/);
  const css = await app.inject(href!);
  t.equal(css.statusCode, 200);
  t.match(css.headers['content-type'], /^text\/css/);
  t.match(css.headers['cache-control'], /max-age=31536000, immutable/);
  t.match(css.body, /@media print/);
  const again = await app.inject({ url: href!, headers: { 'if-none-match': String(css.headers.etag) } });
  t.ok(again.statusCode === 200 || again.statusCode === 304);
});

t.test('the API is unchanged: JSON routes still answer JSON, pages refuse JSON-only clients', async (t) => {
  const api = await app.inject('/v1/countries');
  t.equal(api.statusCode, 200);
  t.match(api.headers['content-type'], /application\/json/);
  const page = await app.inject({ url: '/rulings', headers: { accept: 'application/json' } });
  t.equal(page.statusCode, 406);
});
