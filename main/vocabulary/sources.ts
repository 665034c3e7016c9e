// What a source is and what it can be read from: ICD 206 source types and endnote fields, the
// formats a file is imported from and the formats a brief is exported to.

/** ICD 206 source types, as an endnote names them. */
export const SOURCE_TYPES = [
  'news-article',
  'official-statement',
  'government-document',
  'think-tank-report',
  'academic-paper',
  'social-media-post',
  'dataset',
  'interview-other',
] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];
export const SOURCE_TYPE_WORDS: Record<SourceType, string> = {
  'news-article': 'News article',
  'official-statement': 'Official statement',
  'government-document': 'Government document',
  'think-tank-report': 'Think-tank report',
  'academic-paper': 'Academic paper',
  'social-media-post': 'Social media post',
  dataset: 'Dataset',
  'interview-other': 'Interview or other',
};

/** What an ICD 206 endnote of a published source carries, in the order it prints them. */
export const ENDNOTE_FIELDS = ['author', 'title', 'outlet', 'publishedAt', 'sourceType', 'url', 'accessedAt'] as const;
export type EndnoteField = (typeof ENDNOTE_FIELDS)[number];
export const ENDNOTE_FIELD_WORDS: Record<EndnoteField, string> = {
  author: 'author or originator',
  title: 'title',
  outlet: 'publisher or outlet',
  publishedAt: 'publication date',
  sourceType: 'source type',
  url: 'URL',
  accessedAt: 'access date',
};

/** Formats a source can be imported from. */
export const SOURCE_FORMATS = ['text', 'markdown', 'html', 'pdf', 'docx'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/** File extensions and the format each is imported as: the back end's detection and the file picker both read this. */
export const IMPORT_EXTENSIONS: Readonly<Record<string, SourceFormat>> = {
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  pdf: 'pdf',
  docx: 'docx',
};

/** Every extension a file may be imported with, lower case, without the dot. */
export const IMPORTABLE_EXTENSIONS: readonly string[] = Object.keys(IMPORT_EXTENSIONS);

/** ".txt, .md, .html, .htm, .pdf and .docx": the extensions an error message lists. */
export const IMPORT_EXTENSIONS_WORDS = '.txt, .md, .html, .htm, .pdf and .docx';

/** Formats a brief is exported to. */
export const EXPORT_FORMATS = ['pdf', 'markdown', 'docx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** What an export record may name: a brief's formats, and a .sourcemark bundle of briefs with their evidence. */
export const EXPORT_RECORD_FORMATS = [...EXPORT_FORMATS, 'bundle'] as const;
export type ExportRecordFormat = (typeof EXPORT_RECORD_FORMATS)[number];

/**
 * Each exported file's type, once: the save dialog's filter (name, extension) and the download's
 * Content-Type. The system opens an earlier export only if its name still ends in the extension.
 */
export const EXPORT_FILE_TYPES: Record<ExportRecordFormat, { name: string; extension: string; mime: string }> = {
  pdf: { name: 'PDF', extension: 'pdf', mime: 'application/pdf' },
  markdown: { name: 'Markdown', extension: 'md', mime: 'text/markdown; charset=utf-8' },
  docx: { name: 'Word document', extension: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  csv: { name: 'CSV spreadsheet', extension: 'csv', mime: 'text/csv; charset=utf-8' },
  bundle: { name: 'Sourcemark bundle', extension: 'sourcemark', mime: 'application/vnd.sourcemark.bundle+sqlite3' },
};

/** A source's editable details, as the analyst names them (bundle offers, CSL-JSON matches). */
export const SOURCE_DETAILS = ['title', 'outlet', 'author', 'url', 'publishedAt', 'accessedAt', 'language', 'reliability', 'sourceType'] as const;
export type SourceDetail = (typeof SOURCE_DETAILS)[number];
export const SOURCE_DETAIL_WORDS: Record<SourceDetail, string> = {
  title: 'title',
  outlet: 'outlet',
  author: 'author',
  url: 'URL',
  publishedAt: 'published date',
  accessedAt: 'accessed date',
  language: 'language',
  reliability: 'reliability',
  sourceType: 'source type',
};
