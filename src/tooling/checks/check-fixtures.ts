/**
 * npm run fixtures:check — the worked cases in tests/fixtures are a copy of the
 * clinical team's examples (../shared/examples/vignettes.json, outside this
 * repository). Reports whether the copy is current; `--update` refreshes it.
 * Nothing in the build or the tests reads ../shared.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const SOURCE = '../shared/examples/vignettes.json';
const COPY = 'tests/fixtures/vignettes.json';

if (!existsSync(SOURCE)) {
  console.log(`${SOURCE} is not here (it lives beside the repository on the clinical team's machines); nothing to compare.`);
} else if (readFileSync(SOURCE, 'utf8') === readFileSync(COPY, 'utf8')) {
  console.log(`${COPY} is the same as ${SOURCE}.`);
} else if (process.argv.includes('--update')) {
  writeFileSync(COPY, readFileSync(SOURCE, 'utf8'));
  console.log(`${COPY} updated from ${SOURCE}; run npm test.`);
} else {
  console.error(`${COPY} differs from ${SOURCE}: run npm run fixtures:check -- --update, then npm test.`);
  process.exitCode = 1;
}
