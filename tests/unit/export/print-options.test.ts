import { describe, expect, it } from 'vitest';
import { electronPdfOptions, cdpPrintParams } from '../../../main/export/print-options';

describe('print options for the two renderers', () => {
  it('map one PrintOptions to the same page, margins, templates, outline and tags', () => {
    const opts = { format: 'A4' as const, margin: { top: 0.75, bottom: 0.85, left: 0.7, right: 0.65 }, headerTemplate: '<b>H</b>', footerTemplate: '<i>F</i>', outline: true };
    const cdp = cdpPrintParams(opts);
    const el = electronPdfOptions(opts);
    // Electron names the paper; the protocol takes it in inches, as Chromium's print preview sizes A4.
    expect(el.pageSize).toBe('A4');
    expect([cdp.paperWidth, cdp.paperHeight]).toEqual([8.27, 11.7]);
    expect(cdpPrintParams({ ...opts, format: 'Letter' })).toMatchObject({ paperWidth: 8.5, paperHeight: 11 });
    expect(el.margins).toEqual({ marginType: 'custom', top: 0.75, bottom: 0.85, left: 0.7, right: 0.65 });
    expect([cdp.marginTop, cdp.marginBottom, cdp.marginLeft, cdp.marginRight]).toEqual([0.75, 0.85, 0.7, 0.65]);
    expect([el.headerTemplate, el.footerTemplate]).toEqual([cdp.headerTemplate, cdp.footerTemplate]);
    expect([el.displayHeaderFooter, el.printBackground, el.preferCSSPageSize]).toEqual([cdp.displayHeaderFooter, cdp.printBackground, cdp.preferCSSPageSize]);
    expect([el.generateDocumentOutline, el.generateTaggedPDF]).toEqual([cdp.generateDocumentOutline, cdp.generateTaggedPDF]);
  });
});
