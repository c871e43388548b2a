/**
 * The Apps Script entry point: what every execution loads, each custom-function cell included.
 * Everything exported here becomes reachable from the globals the build writes: one delegating
 * wrapper per custom function (declared in src/sheets/functions/, each calling `runCustomFunction`),
 * and one per other export. Nothing runs at load.
 *
 * The wizard's other endpoints and the report itself are not here: they are the report module
 * (src/main-report.ts), which only the executions that use it load (see src/ui/report-module.ts).
 * The progress the sidebar polls is here: each poll is an execution that reads one property.
 */
export { runCustomFunction } from './sheets/run';
export { onOpen, onInstall, showReportWizard, showFunctionHelp, showAbout } from './ui/menu';
export { wizardProgress } from './ui/progress';
export { runReportEndpoint } from './ui/report-module';
