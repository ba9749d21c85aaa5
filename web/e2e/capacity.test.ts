import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page, Response } from 'playwright-core';
import { type DemoSite, assertAccessible, launchBrowser, openPolicyMonitorAsPolicyViewer, startDemoSite } from './harness.ts';

/** The canvases of the figures on the page, with whether anything was painted on them. */
function charts(page: Page, figures: string[]) {
  return page.locator(figures.map((figure) => `section[data-figure="${figure}"] canvas`).join(', ')).evaluateAll((canvases) =>
    canvases.map((element) => {
      const canvas = element as HTMLCanvasElement;
      const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let painted = 0;
      for (let alpha = 3; alpha < pixels.length; alpha += 4) if (pixels[alpha]! > 0) painted++;
      return { label: canvas.getAttribute('aria-label') ?? '', width: canvas.getBoundingClientRect().width, painted };
    }),
  );
}

/** The row of a table on the page, by the header cell that starts it: its cells as text. */
const rowOf = (page: Page, figure: string, header: string) =>
  page
    .locator(`section[data-figure="${figure}"] tbody tr`)
    .filter({ has: page.getByRole('rowheader', { name: header, exact: true }) })
    .first()
    .locator('td')
    .allInnerTexts();

describe('the capacity planner in the browser: demand, Erlang and simulation, sliders and CSV', () => {
  let site: DemoSite;
  let browser: Browser;
  let page: Page;

  /** The API's answers to the page, to compare the page with. */
  const answers: Response[] = [];
  const lastAnswer = (path: string, parameters: Record<string, string>) => {
    const found = answers.findLast((response) => {
      const url = new URL(response.url());
      return (
        url.pathname === path && response.ok() && Object.entries(parameters).every(([name, value]) => url.searchParams.get(name) === value)
      );
    });
    assert.ok(found, `the page asked ${path} for ${JSON.stringify(parameters)}`);
    return found;
  };

  before(async () => {
    [site, browser] = await Promise.all([startDemoSite(), launchBrowser()]);
    page = await (await browser.newContext({ acceptDownloads: true })).newPage();
    page.on('response', (response) => answers.push(response));
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  it('takes the policy viewer from the policy monitor to the planner', async () => {
    await openPolicyMonitorAsPolicyViewer(page, site);
    await page.getByRole('link', { name: 'Naar de capaciteitsplanner' }).click();
    await page.getByRole('heading', { level: 1, name: 'Capaciteitsplanner' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/beleid/capaciteit');
  });

  it('shows the demand of a demo region in charts and the units Erlang B asks for', async () => {
    await page.getByLabel('Regio', { exact: true }).selectOption({ label: 'Hoeksche Waard' });
    await page.getByRole('button', { name: 'Berekenen' }).click();
    await page.waitForURL(/regio=hoeksche-waard/);
    await page.getByText(/^Regio Hoeksche Waard, /).waitFor();
    await page.locator('section[data-figure="needed"] tbody tr').first().waitFor();
    const drawn = await charts(page, ['weeks', 'nights', 'seasons']);
    assert.equal(drawn.length, 3);
    for (const chart of drawn) {
      assert.ok(chart.width > 100 && chart.painted > 500, `${chart.label}: nothing drawn`);
      assert.match(chart.label, /De getallen staan in de tabel/);
    }
    // ELV low complexity: its requests, and the units Erlang B and the simulation ask for at 3 %. The demo year ends
    // today, so which small counts are hidden depends on the day: the page must show what the API answered it, a
    // number or "verborgen", whatever the day.
    const demandAnswer = lastAnswer('/api/policy/demand', { regionId: 'hoeksche-waard' });
    const planAnswer = lastAnswer('/api/policy/capacity', { regionId: 'hoeksche-waard', target: '0.03' });
    const shownCount = (value: number | null) => (value === null ? 'verborgen' : new Intl.NumberFormat('nl-NL').format(value));
    const demandOf = ((await demandAnswer.json()) as { stayTypes: { stayType: string; requests: number | null }[] }).stayTypes.find(
      (row) => row.stayType === 'elv_low_complex',
    )!;
    const planOf = (
      (await planAnswer.json()) as { stayTypes: { stayType: string; unitsErlang: number | null; unitsSimulation: number | null }[] }
    ).stayTypes.find((row) => row.stayType === 'elv_low_complex')!;
    assert.equal((await rowOf(page, 'demand', 'ELV laag complex'))[0], shownCount(demandOf.requests));
    const needed = await rowOf(page, 'needed', 'ELV laag complex');
    assert.deepEqual([needed[2], needed[3]], [shownCount(planOf.unitsErlang), shownCount(planOf.unitsSimulation)]);
    // The whole region in one pool is never a small count.
    const pooled = await rowOf(page, 'needed', 'Alle soorten samen, alle plekken gedeeld');
    assert.match(pooled[2]!, /^\d+$/, `units by Erlang B: ${pooled.join(' | ')}`);
    assert.match(pooled[3]!, /^\d+$/, 'units by simulation');
    await page.getByText('Plekken nodig per soort verblijf, bij 3% zonder plek').first().waitFor();
    // One figure for now, in words, and the words explained.
    await page
      .getByText(
        /^Met de plekken van nu, gedeeld in de regio en \d+ bedd?e?n? vast voor logeerzorg, krijgt [\d,]+% van de aanvragen geen plek \(tussen [\d,]+% en [\d,]+%\)\.$/,
      )
      .waitFor();
    await page.getByText('Wat betekenen de woorden?').click();
    await page.getByText(/Snelle berekening \(Erlang B\): een vaste formule/).waitFor();
    await assertAccessible(page, 'capacity planner');
  });

  it('asks for more units when the slider allows fewer refusals, moved with the keyboard', async () => {
    const before = (await rowOf(page, 'needed', 'Alle soorten samen, alle plekken gedeeld'))[2]!;
    const slider = page.getByLabel('Hoeveel aanvragen mogen geen plek krijgen?');
    await slider.focus();
    // From 3 % down to the slider's lowest, 0,5 %.
    await slider.press('Home');
    assert.equal(await slider.inputValue(), '0.5');
    await page.getByText('Plekken nodig per soort verblijf, bij 0,5% zonder plek').first().waitFor();
    const after = (await rowOf(page, 'needed', 'Alle soorten samen, alle plekken gedeeld'))[2]!;
    assert.ok(Number(after) > Number(before), `${before} → ${after} units`);
    await slider.press('ArrowRight');
    assert.equal(await slider.inputValue(), '1');
    await page.getByText('Plekken nodig per soort verblijf, bij 1% zonder plek').first().waitFor();
  });

  it('downloads the plan as CSV, with the numbers the page shows', async () => {
    const shown = await rowOf(page, 'needed', 'ELV laag complex');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download als CSV: Hoeveel plekken zijn nodig?' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^capaciteit-hoeksche-waard-stay-types-.*\.csv$/);
    const text = await readFile(await download.path(), 'utf8');
    assert.ok(text.startsWith('\uFEFF'));
    const [header, ...lines] = text
      .slice(1)
      .trim()
      .split('\n')
      .map((line) => line.split(';'));
    const row = lines.find((line) => line[0] === 'elv_low_complex')!;
    const column = (name: string) => row[header!.indexOf(name)]!;
    assert.equal(column('doel_geweigerd_pct'), '1');
    assert.equal(column('plekken_erlang_b'), shown[2]);
    assert.equal(column('plekken_simulatie'), shown[3]);
    // The simulated share without a place, as the page writes it: "1,23% (0,5% – 2%)".
    assert.equal(`${column('simulatie_geweigerd_pct')}%`, shown[4]!.split(' ')[0]);
  });

  it('compares one regional pool with each provider on its own, and reserving beds for respite', async () => {
    const pooling = await rowOf(page, 'pooling-simulation', 'Alle soorten samen');
    const [apart, together] = pooling.map((cell) => Number(cell.split('%')[0]!.replace(',', '.')));
    assert.ok(together! < apart!, `shared ${together} against apart ${apart}`);
    await page.getByText(/^Samen delen scheelt \d+ plekken\.$/).waitFor();

    const slider = page.getByLabel('Hoeveel bedden houden we vast voor logeerzorg?');
    await slider.focus();
    await slider.press('End');
    const beds = await slider.getAttribute('max');
    await page
      .getByText(`Aanvragen zonder plek: ${beds} ${beds === '1' ? 'bed' : 'bedden'} vastgehouden, tegen alle bedden gedeeld`)
      .first()
      .waitFor();
    // Every bed kept for respite: ELV gets none.
    const elv = await rowOf(page, 'reserving-simulation', 'ELV laag complex');
    assert.match(elv[1]!, /^100%/);
    // Its cost beside what it saves: a bed at the Hoeksche Waard's € 150 a night costs € 54.750 a year, the MKBA's price.
    await page
      .getByText(
        /^Een bed dat u vasthoudt voor logeerzorg kost elke nacht het tarief, ook als het leeg is\. Eén bed kost €\s54\.750 per jaar\./,
      )
      .waitFor();
    const cost = page
      .locator('[data-figure="bed-cost"] tbody tr')
      .filter({ has: page.getByRole('rowheader', { name: beds!, exact: true }) })
      .locator('td');
    const expected = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(
      54_750 * Number(beds),
    );
    assert.equal((await cost.first().innerText()).replace(/\s/g, ' '), expected.replace(/\s/g, ' '));
    await page.getByText(new RegExp(`^Met ${beds} bedden? vastgehouden kost dat`)).waitFor();
    await assertAccessible(page, 'capacity planner with every bed reserved');
  });

  it('reads in English on request', async () => {
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Capacity planner' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Share or each on their own?' }).waitFor();
    await assertAccessible(page, 'capacity planner in English');
  });
});
