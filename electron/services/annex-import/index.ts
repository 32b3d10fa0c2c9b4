/**
 * Import of the « annexe indicateurs » the CPAM sends as a spreadsheet (CSV or XLSX): opening and reading the
 * file (`sessions`, with the member import's reader and limits), the columns and their titles (`fields`), one row
 * read into an indicator and its target with French reasons for what cannot be (`row`), then the preview and the
 * import in one transaction for a contract year (`plan`).
 */
export { applyAnnex, previewAnnex } from './plan';
export { chooseAndOpenAnnex, closeAnnex, openAnnex } from './sessions';
