// `npm run docs`: regenerates docs/functions.md from the JSDoc and the built bundle's error messages.
import { errorExamples } from './error-examples';
import { writeFunctionsDoc } from './gen-docs.mjs';

const check = process.argv.includes('--check');
const upToDate = writeFunctionsDoc(errorExamples(), check);
if (check && !upToDate) {
  console.error('docs/functions.md is out of date: run `npm run docs`.');
  process.exit(1);
}
console.log(upToDate ? 'docs/functions.md is up to date.' : 'wrote docs/functions.md');
