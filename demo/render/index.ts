/**
 * The demo's rendering of a generated sheet: HTML (grid, formats, conditional colours, charts as
 * SVG) and its Chromium screenshot.
 */
export {
  chartData,
  chartSvg,
  DEFAULT_CHART_HEIGHT,
  DEFAULT_CHART_WIDTH,
  DEFAULT_COLORS,
  niceTicks,
  type ChartContext,
  type ChartData,
} from './chart-svg';
export { conditionalStyles, gradientColor, mixColors, type ConditionalStyle } from './conditional';
export { BROWSER_ARGS, findBrowser, howToGetBrowser, launchBrowser } from './browser';
export { renderPng } from './png';
export { cellText, renderSheetHtml } from './sheet-html';
export { escapeHtml, textWidth } from './text';
