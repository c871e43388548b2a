/**
 * The Apps Script entry point. Everything exported here becomes reachable from the globals the
 * build writes: one delegating wrapper per custom function (declared in src/sheets/functions/, each
 * calling `runCustomFunction`), and one per other export. Nothing runs at load.
 */
export { runCustomFunction } from './sheets/run';
export { onOpen, onInstall, showReportWizard, showFunctionHelp, showAbout } from './ui/menu';
export {
  wizardScan,
  wizardCheckMapping,
  wizardCheckTarget,
  wizardGenerate,
  wizardProgress,
  wizardOpenSheet,
  refreshLastReport,
} from './ui/server';
