// PDF sources keep their pages (issue 10 item 2): a 3-page PDF imported through the file picker, a
// passage from page 2 quoted and cited, and the citation tag says "p. 2".
import { expect, test } from '../support/fixtures';
import { Workspace } from '../pages/workspace';

const pageHtml = (text: string) => `<section style="break-after:page"><p>${text}</p></section>`;
const HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Exercise report</title></head><body>
${pageHtml('The exercise began on Monday with naval drills.')}${pageHtml('Aircraft from three bases joined on the second day.')}${pageHtml('The ministry declared the exercise finished.')}</body></html>`;

test('a passage quoted from page 2 of an imported PDF is cited as p. 2', async ({ app, page }) => {
  const brief = await app.call('createBrief', { title: 'Exercise brief' });
  await app.call('addClaim', { briefId: brief.id, text: 'Aircraft joined on day two.' });
  // The PDF is printed by the same Chromium, as an analyst's "print to PDF" would make it.
  const printer = await page.context().newPage();
  await printer.setContent(HTML);
  const pdf = await printer.pdf({ format: 'A4' });
  await printer.close();

  const ws = new Workspace(page);
  await ws.open(app.url);
  await page.getByLabel('Choose files to import').setInputFiles([{ name: 'report.pdf', mimeType: 'application/pdf', buffer: pdf }]);
  const progress = page.getByRole('region', { name: 'Import progress' });
  await expect(progress.getByRole('status')).toContainText('1 imported');
  // One imported file opens its review; its details are kept as found.
  const review = page.getByRole('dialog', { name: 'Review imported source' });
  await review.getByRole('button', { name: 'Save details' }).click();
  await expect(review).toBeHidden();
  await progress.getByRole('button', { name: 'Dismiss' }).click();
  await ws.library.open('Exercise report');
  await ws.reader.select('Aircraft from three bases');
  await ws.brief.citeSelected(1);
  const tag = ws.brief.tag(1, /\[1\]/);
  await expect(tag).toContainText('p. 2');
  await expect(tag).toHaveAttribute('title', /Exercise report, p\. 2$/);
  await tag.click();
  await expect(ws.reader.passagePanel).toContainText('p. 2 of the PDF');
});
