// A Word document chosen in the file picker becomes a source: reviewed with its title and author from
// the document properties, then read in the reader with its headings, list, table and footnote as text.
import { expect, test } from '../support/fixtures';
import { ImportControls } from '../pages/import-panel';
import { Workspace } from '../pages/workspace';
import { reportDocx } from '../../unit/import/docx-fixtures';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

test('a .docx chosen in the file picker is imported and shown in the reader', async ({ app, page }) => {
  const ws = new Workspace(page);
  const controls = new ImportControls(page);
  await ws.open(app.url);
  await expect(controls.fileInput).toHaveAttribute('accept', /(^|,)\.docx(,|$)/);
  await controls.choose([{ name: 'report.docx', mimeType: DOCX, buffer: await reportDocx() }]);
  await expect(controls.review).toBeVisible();
  await expect(controls.review.getByLabel('Title')).toHaveValue('Water sharing report');
  await expect(controls.review.getByLabel('Author')).toHaveValue('Amira Haddad');
  await controls.review.getByRole('button', { name: 'Later' }).click();
  await expect(ws.reader.heading).toHaveText('Water sharing report');
  await expect(ws.reader.text).toContainText('Five states signed the accord on the river.[1]');
  await expect(ws.reader.text).toContainText('وقّعت الدول الخمس على الاتفاق.');
  await expect(ws.reader.text).toContainText('[1] Ministry statement, 3 February 2026.');
  await page.screenshot({ path: 'test-results/import-docx-reader.png' });
  const [source] = (await app.call('listSources', {})).items;
  expect(source).toMatchObject({ format: 'docx', author: 'Amira Haddad' });
});

test('a password-protected .docx is named with its reason and nothing is stored', async ({ app, page }) => {
  const { encryptedDocx } = await import('../../unit/import/docx-fixtures');
  const ws = new Workspace(page);
  const controls = new ImportControls(page);
  await ws.open(app.url);
  await controls.choose([{ name: 'secret.docx', mimeType: DOCX, buffer: encryptedDocx() }]);
  await expect(controls.progress).toContainText('the Word document is protected by a password');
  expect((await app.call('listSources', {})).total).toBe(0);
});
