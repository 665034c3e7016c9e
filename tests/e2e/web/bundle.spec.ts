// Two analysts, two libraries, files only: A shares a brief as a bundle, B checks who signed it, marks
// the key as known, edits a claim and sends it back; A receives B's version beside the original and
// compares them. A tampered bundle is refused with the object that failed, and nothing changes.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { callContract, expect, startApp, test, type App } from '../support/fixtures';
import { Share } from '../pages/share';
import { Workspace } from '../pages/workspace';
import { ARTICLE } from './article';

const SCREENS = 'test-results/bundle';

test('two libraries exchange a brief by file, and a tampered bundle is refused', async ({ app, browser, page }) => {
  test.setTimeout(120_000);
  fs.mkdirSync(SCREENS, { recursive: true });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcemark-bundles-'));
  const bDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcemark-e2e-b-'));
  const bServer = await startApp(bDir, { demo: false });
  const b = { call: (m: string, i: unknown) => callContract(bServer.baseURL, bServer.token, m, i) } as unknown as Pick<App, 'call'>;
  try {
    // Library A: a brief with one cited passage; its analyst signs as Alice.
    const { source } = await app.call('addSource', { title: 'Wire report', body: ARTICLE.body, url: 'https://example.org/wire' });
    const quote = await app.call('createQuote', { sourceId: source.id, start: 0, end: 40 });
    const brief = await app.call('createBrief', { title: 'Weekly assessment', summary: 'Talks resume.' });
    const claim = await app.call('addClaim', { briefId: brief.id, text: 'Talks will continue on Friday.' });
    await app.call('addCitation', { claimId: claim.id, quoteId: quote.id });
    await app.call('setBundleAuthor', { name: 'Alice' });
    const alice = await app.call('bundleIdentity', {});

    const a = new Workspace(page);
    const aShare = new Share(page);
    await a.open(app.url);
    await expect(a.brief.title).toHaveValue('Weekly assessment');
    await aShare.open('Export bundle…');
    await page.screenshot({ path: path.join(SCREENS, 'export-dialog.png') });
    await aShare.exportDialog.getByRole('button', { name: 'Cancel' }).click();
    const first = path.join(work, 'weekly.sourcemark');
    const download = await aShare.exportBundle('This brief', first);
    expect(download.suggestedFilename()).toMatch(/^Weekly-assessment-\d{4}-\d\d-\d\d-\d\d-\d\d-\d\d\.sourcemark$/);
    await aShare.close(aShare.exportDialog);

    // Library B: Bob names himself, then imports A's bundle: unknown signer, checked and marked known.
    const bContext = await browser.newContext();
    const bPage = await bContext.newPage();
    const bw = new Workspace(bPage);
    const bShare = new Share(bPage);
    await bw.open(bServer.url);
    await bShare.open('Sharing identity…');
    const identity = bPage.getByRole('dialog', { name: 'Sharing identity' });
    await identity.getByLabel('Author name in bundles').fill('Bob');
    await identity.getByRole('button', { name: 'Save name' }).click();
    await expect(identity.getByRole('status')).toContainText('“Bob”');
    await bShare.close(identity);

    await bShare.pickBundle(first);
    await expect(bShare.signer).toHaveAccessibleName('Warning: unknown signer');
    const grouped = alice.fingerprint.match(/.{4}/g)!.join(' ');
    await expect(bShare.signer.getByLabel('Signer fingerprint')).toHaveText(grouped);
    await expect(bShare.importDialog).toContainText('1 brief, 1 claim, 1 citation, 1 source, 1 passage');
    await expect(bShare.importDialog).toContainText('Brief “Weekly assessment” (1 claim): new in your library.');
    await expect(bShare.importDialog.getByRole('button', { name: 'Import anyway' })).toBeVisible();
    await bPage.screenshot({ path: path.join(SCREENS, 'review-unknown-signer.png') });
    await bShare.signer.getByLabel('Signer’s name').fill('Alice (cell 1)');
    await bShare.signer.getByRole('button', { name: 'Mark signer as known' }).click();
    await expect(bShare.signer).toHaveAccessibleName('Signed by “Alice (cell 1)”, a key you marked as known');
    await bShare.importDialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(bShare.importDialog.getByRole('status')).toContainText('Imported 1 source, 1 passage, 1 brief');
    await bShare.close(bShare.importDialog);

    // Bob edits the claim in the brief pane and sends the whole brief back.
    await expect(bw.brief.title).toHaveValue('Weekly assessment');
    await bw.brief.claimText(1).fill('Talks will continue on Friday, in Geneva.');
    await expect(bw.saveStatus).toHaveText(/saved/i);
    await expect.poll(async () => ((await b.call('listBriefs', {})) as { id: number }[]).length).toBe(1);
    const second = path.join(work, 'weekly-from-bob.sourcemark');
    await bShare.exportBundle('This brief', second);
    await bContext.close();

    // A imports Bob's bundle: a key A does not know; imported anyway; B's version sits beside A's own.
    await aShare.pickBundle(second);
    await expect(aShare.signer).toHaveAccessibleName('Warning: unknown signer');
    await expect(aShare.importDialog).toContainText('differs from your “Weekly assessment”: it is added beside it as a new version, and yours is not changed.');
    await page.screenshot({ path: path.join(SCREENS, 'review-version.png') });
    await aShare.importDialog.getByRole('button', { name: 'Import anyway' }).click();
    await expect(aShare.importDialog.getByRole('status')).toContainText('sits beside your brief');
    await aShare.importDialog.getByRole('button', { name: 'Compare with yours' }).click();
    await expect(aShare.compareDialog).toBeVisible();
    await expect(aShare.compareDialog.getByRole('status')).toHaveText('1 changed, 0 added, 0 removed, 0 unchanged');
    const row = aShare.compareRow('Changed claim 1: text');
    await expect(row).toContainText('Talks will continue on Friday.');
    await expect(row).toContainText('Talks will continue on Friday, in Geneva.');
    await page.screenshot({ path: path.join(SCREENS, 'compare.png') });
    await aShare.close(aShare.compareDialog);
    const titles = ((await app.call('listBriefs', {})) as { title: string }[]).map((x) => x.title).sort();
    expect(titles).toEqual(['Weekly assessment', expect.stringMatching(/^Weekly assessment \(version from Bob, \d{4}-\d\d-\d\d\)$/)]);
    // The original is untouched, and the brief list offers the comparison too.
    expect((await app.call('getBrief', { id: brief.id })).claims.map((c) => c.text)).toEqual(['Talks will continue on Friday.']);
    await a.brief.picker.selectOption({ label: 'Weekly assessment' });
    await a.brief.region.getByRole('button', { name: 'Compare versions' }).click();
    await expect(aShare.compareRow('Changed claim 1: text')).toBeVisible();
    await aShare.close(aShare.compareDialog);

    // A tampered copy: one claim's text changed with a SQLite tool. Refused, naming the claim; nothing changes.
    const tampered = path.join(work, 'tampered.sourcemark');
    fs.copyFileSync(second, tampered);
    const db = new Database(tampered);
    db.prepare("UPDATE claim SET text = 'Talks collapsed.'").run();
    db.close();
    const before = JSON.stringify([await app.call('listBriefs', {}), await app.call('listSources', {}), await app.call('listQuotes', {})]);
    await aShare.pickBundle(tampered);
    await expect(aShare.refusal).toContainText('Refused: “tampered.sourcemark” was not imported.');
    await expect(aShare.refusal).toContainText(/Claim [0-9a-f-]{36} \(“Talks collapsed\.”\) was changed after the bundle was made/);
    await page.screenshot({ path: path.join(SCREENS, 'refused.png') });
    await aShare.close(aShare.importDialog);
    expect(JSON.stringify([await app.call('listBriefs', {}), await app.call('listSources', {}), await app.call('listQuotes', {})])).toBe(before);
  } finally {
    await bServer.close();
    fs.rmSync(bDir, { recursive: true, force: true });
    fs.rmSync(work, { recursive: true, force: true });
  }
});

test('a source’s details are filled from pasted CSL-JSON, and bad JSON is explained', async ({ app, page }) => {
  await app.call('addSource', { title: 'Untitled wire', body: ARTICLE.body });
  const w = new Workspace(page);
  await w.open(app.url);
  await page.getByRole('button', { name: 'Edit details of Untitled wire' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit source details' });
  await dialog.getByText('Fill from CSL-JSON').click();
  const box = dialog.getByLabel('CSL-JSON (one item, e.g. copied from Zotero)');
  await box.fill('[{"title": "Canal closed",, }]');
  await dialog.getByRole('button', { name: 'Fill the fields' }).click();
  await expect(dialog.getByRole('alert')).toContainText('This is not valid JSON');
  await expect(dialog.getByRole('alert')).toContainText('at line 1, column 27');
  await box.fill(
    JSON.stringify([{ type: 'article-newspaper', title: 'Canal closed to traffic', 'container-title': 'Harbour Gazette', author: [{ family: 'Diaz', given: 'Rosa' }], issued: { 'date-parts': [[2026, 3, 1]] } }]),
  );
  await dialog.getByRole('button', { name: 'Fill the fields' }).click();
  await expect(dialog.getByRole('status')).toContainText('Filled 5 fields');
  await expect(dialog.getByLabel('Title')).toHaveValue('Canal closed to traffic');
  await expect(dialog.getByLabel('Outlet')).toHaveValue('Harbour Gazette');
  await expect(dialog.getByLabel('Published date')).toHaveValue('2026-03-01');
  await page.screenshot({ path: path.join(SCREENS, 'csl-paste.png') });
  await dialog.getByRole('button', { name: 'Save details' }).click();
  await expect(dialog).toBeHidden();
  expect((await app.call('listSources', {})).items[0]).toMatchObject({ title: 'Canal closed to traffic', outlet: 'Harbour Gazette', author: 'Rosa Diaz' });
});

test('differing source details arrive as offers: the analyst takes the corrected author and keeps their own date', async ({ app, page }) => {
  test.setTimeout(90_000);
  fs.mkdirSync(SCREENS, { recursive: true });
  // Library A holds the wire report with its corrected author and date, cited in a brief.
  const aDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcemark-e2e-a-'));
  const aServer = await startApp(aDir, { demo: false });
  const a = { call: (m: string, i: unknown) => callContract(aServer.baseURL, aServer.token, m, i) } as unknown as Pick<App, 'call'>;
  try {
    const { source } = await a.call('addSource', { title: 'Wire report', body: ARTICLE.body, author: 'Rosa Díaz', publishedAt: '2026-03-01', url: 'https://example.org/wire' });
    const quote = await a.call('createQuote', { sourceId: source.id, start: 0, end: 40 });
    const brief = await a.call('createBrief', { title: 'Weekly assessment' });
    const claim = await a.call('addClaim', { briefId: brief.id, text: 'Talks will continue on Friday.' });
    await a.call('addCitation', { claimId: claim.id, quoteId: quote.id });
    const out = (await a.call('exportBundle', { briefIds: [brief.id] })) as unknown as { record: { path: string } };
    const file = path.join(aDir, 'weekly.sourcemark');
    fs.copyFileSync(out.record.path, file);

    // Library B (this page) has the same text, with a misspelt author and another date of its own.
    const { source: mine } = await app.call('addSource', { title: 'Wire report', body: ARTICLE.body, author: 'R. Dias', publishedAt: '2026-03-02', url: 'https://example.org/wire' });
    await page.setViewportSize({ width: 1440, height: 900 });
    const w = new Workspace(page);
    const share = new Share(page);
    await w.open(app.url);
    await share.pickBundle(file);
    const offers = share.importDialog.getByRole('table', { name: 'Details of “Wire report”' });
    await expect(offers).toBeVisible();
    // One row per differing detail: yours, the bundle's, and a box to take the bundle's value.
    await expect(offers.getByRole('row')).toHaveCount(3);
    await expect(offers.getByRole('row', { name: /^Author/ })).toContainText('R. Dias');
    await expect(offers.getByRole('row', { name: /^Author/ })).toContainText('Rosa Díaz');
    await expect(offers.getByRole('row', { name: /^Published date/ })).toContainText('2026-03-02');
    await expect(offers.getByRole('row', { name: /^Published date/ })).toContainText('2026-03-01');
    const takeAuthor = offers.getByRole('checkbox', { name: 'Use the bundle’s author for “Wire report”' });
    const takeDate = offers.getByRole('checkbox', { name: 'Use the bundle’s published date for “Wire report”' });
    await expect(takeAuthor).not.toBeChecked();
    await expect(takeDate).not.toBeChecked();
    await takeAuthor.check();
    await expect(takeAuthor).toBeChecked();
    await offers.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENS, 'review-offers.png') });

    await share.importDialog.getByRole('button', { name: 'Import anyway' }).click();
    const done = share.importDialog.getByRole('status');
    await expect(done).toContainText('1 source detail taken from the bundle');
    await expect(share.importDialog).toContainText('1 differing source detail was left as you had them.');
    await share.close(share.importDialog);

    // Exactly the ticked change: the corrected author, and the analyst's own date.
    expect(await app.call('getSource', { id: mine.id })).toMatchObject({ author: 'Rosa Díaz', publishedAt: '2026-03-02', title: 'Wire report' });
    expect((await app.call('listSources', {})).total).toBe(1);
    await page.getByRole('button', { name: 'Edit details of Wire report' }).click();
    const details = page.getByRole('dialog', { name: 'Edit source details' });
    await expect(details.getByLabel('Author')).toHaveValue('Rosa Díaz');
    await expect(details.getByLabel('Published date')).toHaveValue('2026-03-02');
  } finally {
    await aServer.close();
    fs.rmSync(aDir, { recursive: true, force: true });
  }
});

test('a file that is not a bundle is turned away with the reason, and nothing is kept of it', async ({ app, page }) => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sourcemark-not-bundle-'));
  try {
    const notes = path.join(work, 'meeting notes.sourcemark');
    fs.writeFileSync(notes, 'Minutes of the meeting, not a bundle.');
    const w = new Workspace(page);
    const share = new Share(page);
    await w.open(app.url);
    await share.pickBundle(notes);
    await expect(share.refusal).toContainText('Refused: “meeting notes.sourcemark” was not imported.');
    await expect(share.refusal).toContainText('meeting notes.sourcemark is not a Sourcemark bundle: it is not a SQLite file. Nothing was imported.');
    // Another file can be chosen straight away.
    await expect(share.importDialog.getByLabel('Bundle file')).toBeVisible();
    await share.close(share.importDialog);
    const dataDir = ((await app.call('appInfo', {})) as unknown as { dataDir: string }).dataDir;
    const uploads = path.join(dataDir, 'uploads');
    expect(fs.existsSync(uploads) ? fs.readdirSync(uploads) : []).toEqual([]);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});
