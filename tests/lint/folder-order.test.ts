import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root, overrideConfigFile: join(root, 'eslint.config.js') });
});

/** Lints a fixture as if it lived at `asPath` (repo-relative); returns the folder-order messages. */
async function orderErrors(fixture: string, asPath: string): Promise<string[]> {
  const code = readFileSync(join(root, 'tests/lint-fixtures', fixture), 'utf8');
  const [result] = await eslint.lintText(code, { filePath: join(root, asPath) });
  return result!.messages.filter((m) => m.ruleId === 'layers/folder-order').map((m) => m.message);
}

const ORDER =
  'the order, lowest first: i18n/ theme/ styles/ transport/ media/ input/ lockdown/ flow/ testing/ < hooks/ < ui/ < ime/ voice/ < screens/ < app/ main.tsx mount.tsx';

describe('layers/folder-order: renderer/src folders, lower never importing higher', () => {
  it('the order is the one eslint.config.js states (RENDERER_FOLDERS)', async () => {
    const config = (await eslint.calculateConfigForFile(join(root, 'renderer/src/ui/x.ts'))) as { rules: Record<string, [number, { levels: string[][] }]> };
    expect(config.rules['layers/folder-order']?.[1].levels).toEqual([
      ['i18n', 'theme', 'styles', 'transport', 'media', 'input', 'lockdown', 'flow', 'testing'],
      ['hooks'],
      ['ui'],
      ['ime', 'voice'],
      ['screens'],
      ['app', 'main.tsx', 'mount.tsx'],
    ]);
  });

  it.each(['flow', 'hooks', 'ui', 'ime', 'voice', 'screens'])('%s/ importing app/ fails', async (folder) => {
    const errors = await orderErrors('renderer-imports-app.ts', `renderer/src/${folder}/fixture.ts`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`renderer/src/${folder}/ may import only `);
    expect(errors[0]).toContain('(got renderer/src/app/app)');
  });

  it('the message names what the folder may import and the whole order', async () => {
    expect(await orderErrors('renderer-imports-voice-type-only.ts', 'renderer/src/ui/fixture.ts')).toEqual([
      `renderer/src/ui/ may import only i18n/, theme/, styles/, transport/, media/, input/, lockdown/, flow/, testing/, hooks/, ui/ of renderer/src/ (got renderer/src/voice/prompt-ids); ${ORDER}`,
    ]);
  });

  it('a type-only import counts; a folder of the same level (ime/ → voice/) or a higher one may import it', async () => {
    expect(await orderErrors('renderer-imports-voice-type-only.ts', 'renderer/src/hooks/fixture.ts')).toHaveLength(1);
    expect(await orderErrors('renderer-imports-voice-type-only.ts', 'renderer/src/ime/fixture.ts')).toEqual([]);
    expect(await orderErrors('renderer-imports-voice-type-only.ts', 'renderer/src/screens/fixture.ts')).toEqual([]);
  });

  it('dynamic imports and import() types count too', async () => {
    const errors = await orderErrors('renderer-imports-screen-dynamic.ts', 'renderer/src/ui/fixture.ts');
    expect(errors).toHaveLength(2);
    for (const e of errors) expect(e).toContain('(got renderer/src/screens/home-screen)');
    expect(await orderErrors('renderer-imports-screen-dynamic.ts', 'renderer/src/app/fixture.ts')).toEqual([]);
  });

  it('a screen may import flow/, i18n/, hooks/ and ui/; hooks/ may not import ui/', async () => {
    expect(await orderErrors('renderer-imports-lower.tsx', 'renderer/src/screens/fixture.tsx')).toEqual([]);
    expect(await orderErrors('renderer-imports-lower.tsx', 'renderer/src/hooks/fixture.tsx')).toEqual([
      `renderer/src/hooks/ may import only i18n/, theme/, styles/, transport/, media/, input/, lockdown/, flow/, testing/, hooks/ of renderer/src/ (got renderer/src/ui/screen); ${ORDER}`,
    ]);
    const fromFlow = await orderErrors('renderer-imports-lower.tsx', 'renderer/src/flow/fixture.tsx');
    expect(fromFlow.map((e) => e.match(/\(got ([^)]+)\)/)?.[1])).toEqual(['renderer/src/hooks/flow-context', 'renderer/src/ui/screen']);
  });

  it('test files beside the code follow the order too', async () => {
    expect(await orderErrors('renderer-imports-voice-type-only.ts', 'renderer/src/i18n/fixture.test.ts')).toHaveLength(1);
  });

  it('a folder the order does not list fails, and so does importing one', async () => {
    expect(await orderErrors('renderer-imports-lower.tsx', 'renderer/src/widgets/fixture.tsx')).toEqual([
      `widgets/ of renderer/src/ is not in its folder order; place it in a level in eslint.config.js (${ORDER})`,
    ]);
    expect(await orderErrors('renderer-imports-unlisted.ts', 'renderer/src/app/fixture.ts')).toEqual([
      `widgets/ of renderer/src/ is not in its folder order; place it in a level in eslint.config.js (${ORDER})`,
    ]);
  });

  it('the entry files sit at the top; files outside renderer/src are not checked', async () => {
    expect(await orderErrors('renderer-imports-lower.tsx', 'renderer/src/mount.tsx')).toHaveLength(0);
    expect(await orderErrors('renderer-imports-app.ts', 'tests/x/fixture.ts')).toEqual([]);
  });
});
