/**
 * The report module's entry point: the wizard's endpoints and the "Refresh last report" menu action,
 * with the report they read, compute and write. The build ships it compressed beside the bundle
 * (dist/ReportModule.html), so the custom-function cells, which load only dist/*.js, never parse it;
 * each export still becomes a global, whose wrapper loads the module on its first call in an
 * execution (src/ui/report-module.ts).
 */
export {
  wizardScan,
  wizardCheckMapping,
  wizardCheckTarget,
  wizardGenerate,
  wizardOpenSheet,
  refreshLastReport,
} from './ui/server';
