// The pages through app.inject: every page in both languages, one h1, the page CSP and no inline script or style,
// escaping of crafted input, language choice (link, cookie, Accept-Language), and bad input as a 400 HTML page.
import t from 'tap';
import { buildTestApp } from '../helper.js';

const app = await buildTestApp(t);

const PAGES = [
  '/',
  '/countries/KG',
  '/countries/TM',
  '/what-could-happen',
  '/what-could-happen?country=UZ&conduct=mercenary-participation&date=2020-01-01',
  '/rulings',
  '/rulings?country=KZ&outcome=convicted&sort=decided',
  '/rulings/kg-2024-osh-unnamed',
  '/compare',
  '/compare?conduct=mercenary-participation&date=2015-06-01',
  '/sources',
  '/sources?kind=media',
  '/methodology',
  '/search?q=Wagner',
  '/search?q=наемники&type=case&country=KZ',
];
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
    ['/rulings?force=wagner', /did you mean/],
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
