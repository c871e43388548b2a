// `npm run docs`: regenerates docs/functions.md from the declarations and JSDoc and the built bundle's
// error messages; `--check` only says whether it is up to date.
import { readCatalogue } from './catalogue.mjs';
import { errorExamples } from './error-examples';
import { writeFunctionsDoc } from './gen-docs.mjs';

const check = process.argv.includes('--check');
const { functions } = await readCatalogue();
const upToDate = writeFunctionsDoc(functions, errorExamples(functions), check);
if (check && !upToDate) {
  console.error('docs/functions.md is out of date: run `npm run docs`.');
  process.exit(1);
}
console.log(upToDate ? 'docs/functions.md is up to date.' : 'wrote docs/functions.md');
