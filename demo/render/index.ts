/**
 * The demo's rendering of a generated sheet: HTML (grid, formats, conditional colours, charts as
 * SVG) and its screenshot with the machine's browser.
 */
export { launchBrowser } from './browser';
export { niceTicks } from './chart-svg';
export { renderPng } from './png';
export { cellText, renderSheetHtml } from './sheet-html';
export { escapeHtml } from './text';
