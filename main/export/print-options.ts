// One PrintOptions, two Chromium APIs: the DevTools protocol's Page.printToPDF (browser mode, tests) and Electron's
// webContents.printToPDF (desktop). Both mappings live here, side by side, so they cannot drift; a
// unit test checks that they say the same thing. Inches throughout: both APIs take them.
import type { PrintOptions } from '../ports';

/** Paper sizes in inches, as Chromium's own print preview and Electron's pageSize name them. */
export const PAPER_INCHES = { A4: { width: 8.27, height: 11.7 }, Letter: { width: 8.5, height: 11 } } as const;

/** Page.printToPDF's parameters (the renderer of browser mode and tests), the PDF read back as a stream. */
export function cdpPrintParams(options: PrintOptions) {
  const paper = PAPER_INCHES[options.format];
  return {
    transferMode: 'ReturnAsStream',
    landscape: false,
    scale: 1,
    paperWidth: paper.width,
    paperHeight: paper.height,
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: options.headerTemplate,
    footerTemplate: options.footerTemplate,
    marginTop: options.margin.top,
    marginBottom: options.margin.bottom,
    marginLeft: options.margin.left,
    marginRight: options.margin.right,
    pageRanges: '',
    preferCSSPageSize: false,
    generateTaggedPDF: options.outline,
    generateDocumentOutline: options.outline,
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
