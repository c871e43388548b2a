/**
 * The Apps Script entry point. Everything exported here becomes a global function of the add-on
 * (the build writes one delegating wrapper per export, with its JSDoc), and nothing else: the
 * bundle does no work when it loads.
 */
export * from './sheets/functions/survey';
export * from './sheets/functions/retention';
export * from './sheets/functions/revenue';
export * from './sheets/functions/funnel';
export * from './sheets/functions/health';
export * from './sheets/functions/predictive';
export { onOpen, onInstall, showReportWizard, showFunctionHelp, showAbout } from './ui/menu';
export { wizardScan, wizardCheckMapping, wizardGenerate, wizardProgress, refreshLastReport } from './ui/server';
