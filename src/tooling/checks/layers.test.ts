// @vitest-environment node
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layers of docs/architecture.md are kept by lint (eslint.config.js): a file
 * importing the wrong way fails `npm run lint`. Each probe is linted as if it sat
 * at the given path, with the project's real configuration.
 */
const eslint = new ESLint();
async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('React’s hook rules (eslint-plugin-react-hooks)', { timeout: 30_000 }, () => {
  it('a hook called conditionally, or an effect that leaves out what it uses, fails', async () => {
    const found = await problems(
      'src/steps/probe.tsx',
      [
        "import { useEffect, useState } from 'react';",
        'export function Probe({ shown, value }: { shown: boolean; value: string }) {',
        '  if (shown) useState(0);',
        '  useEffect(() => console.log(value), []);',
        '  return null;',
        '}',
        '',
      ].join('\n'),
    );
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^react-hooks\/rules-of-hooks: /),
        expect.stringMatching(/^react-hooks\/exhaustive-deps: /),
      ]),
    );
  });
});

describe('layers the tooling keeps', { timeout: 30_000 }, () => {
  it('a feature importing the app shell fails', async () => {
    expect(await problems('src/steps/probe.ts', "import { App } from '@/app/app.tsx';\nexport const x = App;\n")).toEqual([
      expect.stringMatching(/^import-x\/no-restricted-paths: .*Only the app shell imports src\/app/),
    ]);
  });

  it('the core importing React, i18n, Node or any other layer fails', async () => {
    const found = await problems(
      'src/triage/probe.ts',
      [
        "import { useState } from 'react';",
        "import i18next from 'i18next';",
        "import { readFileSync } from 'node:fs';",
        "import { pageHref } from '@/wizard/routes.ts';",
        'export const x = [useState, i18next, readFileSync, pageHref];',
        '',
      ].join('\n'),
    );
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^no-restricted-imports: .*no UI and no i18n/),
        expect.stringMatching(/^no-restricted-imports: .*no Node-only code/),
        expect.stringMatching(/^import-x\/no-restricted-paths: .*The core \(src\/triage\) is pure/),
      ]),
    );
    expect(found).toHaveLength(5);
  });

  it('shared code importing a feature fails', async () => {
    expect(
      await problems('src/wizard/probe.ts', "import { StartPage } from '@/start/start-page.tsx';\nexport const x = StartPage;\n"),
    ).toEqual([expect.stringMatching(/^import-x\/no-restricted-paths: .*never imports a feature/)]);
  });

  it('a feature importing another feature fails; the shared question helpers pass', async () => {
    expect(
      await problems(
        'src/result/probe.ts',
        "import { QuestionFields } from '@/steps/question-fields.tsx';\nexport const x = QuestionFields;\n",
      ),
    ).toEqual([expect.stringMatching(/^import-x\/no-restricted-paths: .*A feature never imports another feature/)]);
    expect(
      await problems(
        'src/result/probe.ts',
        "import { questionsFor } from '@/questions/step-questions.ts';\nexport const x = questionsFor;\n",
      ),
    ).toEqual([]);
  });

  it('the FHIR mapping importing anything but the core and word-at fails', async () => {
    expect(
      await problems('src/fhir/probe.ts', "import { useWording } from '@/i18n/audience.tsx';\nexport const x = useWording;\n"),
    ).toEqual([expect.stringMatching(/^import-x\/no-restricted-paths: .*The FHIR mapping/)]);
    expect(await problems('src/fhir/probe.ts', "import { wordAt } from '@/i18n/word-at.ts';\nexport const x = wordAt;\n")).toEqual([]);
  });

  it('browser code importing classic zod or a Node module fails; zod/mini and type imports pass', async () => {
    expect(
      await problems('src/steps/probe.ts', "import { z } from 'zod';\nimport { join } from 'node:path';\nexport const x = [z, join];\n"),
    ).toHaveLength(2);
    expect(
      await problems(
        'src/steps/probe.ts',
        "import * as z from 'zod/mini';\nimport type { ZodType } from 'zod';\nexport const x: ZodType | typeof z | undefined = undefined;\n",
      ),
    ).toEqual([]);
  });

  it('the same imports are fine where they belong (Node tooling, the app shell)', async () => {
    expect(
      await problems(
        'src/tooling/probe.ts',
        "import { readFileSync } from 'node:fs';\nimport { z } from 'zod';\nexport const x = [readFileSync, z];\n",
      ),
    ).toEqual([]);
    expect(
      await problems('src/app/probe.tsx', "import { StartPage } from '@/start/start-page.tsx';\nexport const x = StartPage;\n"),
    ).toEqual([]);
  });
});
