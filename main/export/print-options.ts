// One PrintOptions, two Chromium APIs: Playwright's page.pdf() (browser mode, tests) and Electron's
// webContents.printToPDF (desktop). Both mappings live here, side by side, so they cannot drift; a
// unit test checks that they say the same thing. Inches throughout: both APIs take them.
import type { PrintOptions } from '../ports';

export function playwrightPdfOptions(options: PrintOptions) {
  const inch = (n: number) => `${n}in`;
  return {
    format: options.format,
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: options.headerTemplate,
    footerTemplate: options.footerTemplate,
    margin: { top: inch(options.margin.top), bottom: inch(options.margin.bottom), left: inch(options.margin.left), right: inch(options.margin.right) },
    outline: options.outline,
    tagged: options.outline,
    preferCSSPageSize: false,
  };
}

/** The shape of Electron.PrintToPDFOptions that we use, declared here so Node code need not load electron. */
export interface ElectronPrintToPdfOptions {
  pageSize: PrintOptions['format'];
  printBackground: boolean;
  displayHeaderFooter: boolean;
  headerTemplate: string;
  footerTemplate: string;
  margins: { marginType: 'custom'; top: number; bottom: number; left: number; right: number };
  generateDocumentOutline: boolean;
  generateTaggedPDF: boolean;
  preferCSSPageSize: boolean;
}

export function electronPdfOptions(options: PrintOptions): ElectronPrintToPdfOptions {
  return {
    pageSize: options.format,
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: options.headerTemplate,
    footerTemplate: options.footerTemplate,
    margins: { marginType: 'custom', ...options.margin },
    generateDocumentOutline: options.outline,
    generateTaggedPDF: options.outline,
    preferCSSPageSize: false,
  };
}
