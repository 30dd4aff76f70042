// Real-browser tests of the pages: Debian's Chromium driven by playwright-core against the app on a loopback port.
// Every main page in both languages passes axe-core with no serious or critical violation, no request leaves the
// app's origin, the what-could-happen form gives the API's article and penalties, a ruling can be followed and the
// language switched (and remembered). Screenshots go to test-artifacts/ (of the window; of the whole page with
// SCREENSHOTS=full, which costs a few seconds of PNG encoding). Skipped only without Chromium outside CI.
import t from 'tap';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fixtureDataset } from '../fixtures/dataset.js';
import { richer } from '../fixtures/richer.js';
import { buildTestApp } from '../helper.js';

// CHROMIUM_PATH only to try the skip; the tests are meant for Debian's Chromium.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const ARTIFACTS = new URL('../../test-artifacts/', import.meta.url);
const FULL_PAGE = process.env.SCREENSHOTS === 'full';

if (!existsSync(CHROMIUM) && !process.env.CI) {
  t.skip(`real-browser tests: ${CHROMIUM} is absent (apt-get install -y chromium), and CI is not set`, () => {});
} else {
  await run();
}

async function run(): Promise<void> {
  const { chromium } = await import('playwright-core');
  const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  mkdirSync(ARTIFACTS, { recursive: true });

  // The richer fixture (test/fixtures/richer.ts): the templates are what is tested here; the pages of the real
  // records are rendered in test/data/answers/pages.ts.
  const app = await buildTestApp(t, await fixtureDataset(t, richer));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  t.teardown(() => browser.close());
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const foreign: string[] = [];
  const cspErrors: string[] = [];
  context.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(`${origin}/`)) foreign.push(url);
  });
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) cspErrors.push(m.text());
  });

  async function axe(label: string): Promise<void> {
    await page.evaluate(axeSource);
    const result = (await page.evaluate(() =>
      (window as unknown as { axe: { run(o: unknown): Promise<unknown> } }).axe.run({
        runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      }),
    )) as { violations: { id: string; impact: string | null; help: string; nodes: { target: unknown }[] }[] };
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    t.same(
      bad.map((v) => `${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`),
      [],
      `${label}: no serious or critical axe violation`,
    );
  }

  const MAIN = [
    ['/', 'home'],
    ['/countries/KG', 'country-kg'],
    ['/what-could-happen?country=KG&conduct=armed-conflict-participation&date=2024-06-01', 'what-could-happen'],
    ['/rulings', 'rulings'],
    ['/rulings/kg-2024-bishkek-aa', 'ruling'],
    ['/compare', 'compare'],
    ['/sources', 'sources'],
    ['/methodology', 'methodology'],
    ['/search?q=Legion', 'search'],
  ] as const;

  t.test('every main page in both languages: 200, one h1, accessible (axe), screenshot', async (t) => {
    for (const lang of ['en', 'ru'] as const) {
      for (const [path, name] of MAIN) {
        const url = lang === 'en' ? path : path === '/' ? '/ru/' : `/ru${path}`;
        const res = await page.goto(`${origin}${url}`);
        t.equal(res?.status(), 200, url);
        t.equal(await page.getAttribute('html', 'lang'), lang, `${url}: lang`);
        t.equal(await page.locator('h1').count(), 1, `${url}: one h1`);
        await axe(url);
        await page.screenshot({ path: new URL(`${name}-${lang}.png`, ARTIFACTS).pathname, fullPage: FULL_PAGE });
      }
    }
  });

  t.test('on a phone-sized screen the pages stay readable and accessible', async (t) => {
    const phone = await browser.newContext({
      viewport: { width: 375, height: 740 },
      deviceScaleFactor: 2,
      isMobile: true,
    });
    phone.on('request', (r) => {
      if (!r.url().startsWith(`${origin}/`)) foreign.push(r.url());
    });
    const p = await phone.newPage();
    for (const [path, name] of [MAIN[0], MAIN[1], MAIN[2], MAIN[3]]) {
      await p.goto(`${origin}${path}`);
      const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      t.ok(overflow <= 1, `${path}: no horizontal scrolling of the page (${overflow}px)`);
      await p.screenshot({ path: new URL(`${name}-phone.png`, ARTIFACTS).pathname, fullPage: false });
    }
    await phone.close();
  });

  t.test('the what-could-happen form gives the article and penalties of the API answer', async (t) => {
    await page.goto(`${origin}/what-could-happen`);
    await page.selectOption('#f-country', 'KG');
    await page.selectOption('#f-conduct', 'armed-conflict-participation');
    await page.fill('#f-date', '2024-06-01');
    await Promise.all([page.waitForURL(/country=KG/), page.click('form.ask button[type=submit]')]);
    const json = (
      await app.inject('/v1/countries/KG/consequences?conduct=armed-conflict-participation&date=2024-06-01')
    ).json();
    const shown = await page.$$eval('li.alt', (els) =>
      els.map((e) =>
        [
          e.getAttribute('data-provision'),
          e.getAttribute('data-part'),
          e.getAttribute('data-min'),
          e.getAttribute('data-max'),
        ].join('|'),
      ),
    );
    const expected = json.penalties.flatMap(
      (g: {
        alternatives: {
          provision: { id: string };
          part: string;
          penalty: { min: number | null; max: number | null };
        }[];
      }) => g.alternatives.map((a) => [a.provision.id, a.part, a.penalty.min ?? '', a.penalty.max ?? ''].join('|')),
    );
    t.same(shown, expected, 'the penalty values of the answer');
    const article = json.provisions[0].provision.article;
    t.match(await page.locator('section.answer').innerText(), `Art. ${article}`, 'the article');
    // The first penalty of the answer, in the words the page uses for a range of years.
    const { min, max, unit } = json.penalties[0].alternatives[0].penalty as {
      min: number | null;
      max: number;
      unit: string;
    };
    t.equal(unit, 'years');
    t.match(
      await page.locator('section.answer').innerText(),
      min === null ? `up to ${max} years` : `${min} to ${max} years`,
    );
    await axe('what-could-happen after submitting');
  });

  t.test('follow a ruling from the list, then switch language and keep it', async (t) => {
    await page.goto(`${origin}/rulings?country=KG`);
    const first = page.locator('table.rulings tbody tr a').first();
    const name = await first.innerText();
    await Promise.all([page.waitForURL(/\/rulings\/[^?]+$/), first.click()]);
    t.match(await page.locator('h1').innerText(), name, 'the ruling page of the link followed');
    await Promise.all([page.waitForURL(/\/ru\/rulings\//), page.click('nav.langs a[hreflang=ru]')]);
    t.equal(await page.getAttribute('html', 'lang'), 'ru', 'the same ruling in Russian');
    await page.goto(`${origin}/`);
    t.equal(new URL(page.url()).pathname, '/ru/', 'the choice is remembered');
    await Promise.all([page.waitForURL(`${origin}/`), page.click('nav.langs a[hreflang=en]')]);
    t.equal(await page.getAttribute('html', 'lang'), 'en', 'and switched back');
  });

  t.test('keyboard: the skip link comes first and moves to the content', async (t) => {
    await page.goto(`${origin}/countries/UZ`);
    await page.keyboard.press('Tab');
    t.equal(await page.evaluate(() => document.activeElement?.className), 'skip');
    await page.keyboard.press('Enter');
    t.equal(await page.evaluate(() => document.activeElement?.id), 'main');
  });

  t.test('a search shows escaped highlights; bad input is a readable 400 page', async (t) => {
    await page.goto(`${origin}/`);
    await page.fill('#site-q', '<b>Legion</b>');
    await Promise.all([page.waitForURL(/\/search\?q=/), page.press('#site-q', 'Enter')]);
    t.equal(await page.locator('h1 b').count(), 0, 'the query is text, not markup');
    t.ok((await page.locator('mark').count()) > 0, 'matches are highlighted');
    const res = await page.goto(`${origin}/rulings?year=abc`);
    t.equal(res?.status(), 400);
    t.match(await page.locator('main').innerText(), /year/);
    await axe('400 page');
  });

  t.test('no request left the app’s origin, and nothing broke the CSP', async (t) => {
    t.same(foreign, [], 'every request went to the app');
    t.same(cspErrors, [], 'no CSP violation');
  });
}
