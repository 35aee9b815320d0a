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

/** Lints the qrcode fixture as if it lived at `asPath`; returns the messages of `rule` as `line: message`. */
async function messages(asPath: string, rule: string): Promise<string[]> {
  const code = readFileSync(join(root, 'tests/lint-fixtures/imports-qrcode.ts'), 'utf8');
  const [result] = await eslint.lintText(code, { filePath: join(root, asPath) });
  return result!.messages.filter((m) => m.ruleId === rule).map((m) => `${m.line}: ${m.message}`);
}

describe('renderer: qrcode only through its pure matrix encoder', () => {
  it('qrcode is classified for the renderer; its main entry and other modules are refused, qrcode/lib/core/qrcode passes', async () => {
    expect(await messages('renderer/src/ui/fixture.ts', 'layers/dependencies')).toEqual([]);
    const refused = await messages('renderer/src/ui/fixture.ts', '@typescript-eslint/no-restricted-imports');
    expect(refused.map((m) => m.split(':')[0])).toEqual(['1', '3']);
    expect(refused[0]).toContain('imports only qrcode/lib/core/qrcode');
  });

  it('renderer tests and the rest of the repository may use qrcode as a whole', async () => {
    expect(await messages('renderer/src/ui/fixture.test.ts', '@typescript-eslint/no-restricted-imports')).toEqual([]);
    expect(await messages('drivers/receipt-printer/fixture.ts', '@typescript-eslint/no-restricted-imports')).toEqual([]);
  });

  it('common/ still may not import qrcode at all', async () => {
    expect(await messages('common/fixture.ts', 'layers/dependencies')).toHaveLength(3);
  });
});
