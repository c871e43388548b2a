/**
 * The demo's rendering of a generated sheet: HTML (grid, formats, conditional colours, SPARKLINE
 * cells, charts as SVG), its screenshot with the machine's browser, and report.json.
 */
export { launchBrowser } from './browser';
export { niceTicks } from './chart-svg';
export { renderPng } from './png';
export { reportJson, reportJsonText, writeReportJson } from './report-json';
export { cellText, renderSheetHtml } from './sheet-html';
export { escapeHtml } from './text';
