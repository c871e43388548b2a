// Fails when a line of src/ is longer than 120 characters: Biome's formatter wraps code at 120 but
// not long strings or comments, so this check keeps those readable too. Prints each offender.
import fs from 'node:fs';
import path from 'node:path';

const LIMIT = 120;
const ROOT = path.resolve(import.meta.dirname, '..');

function* files(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (/\.(ts|mjs|css|html)$/.test(entry.name)) yield full;
  }
}

const long: string[] = [];
for (const file of files(path.join(ROOT, 'src'))) {
  fs.readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if ([...line].length > LIMIT) long.push(`${path.relative(ROOT, file)}:${i + 1} (${[...line].length} characters)`);
    });
}
if (long.length) {
  console.error(`${long.length} line(s) of src/ are longer than ${LIMIT} characters:\n  ${long.join('\n  ')}`);
  process.exit(1);
}
console.log(`src/: no line longer than ${LIMIT} characters.`);
