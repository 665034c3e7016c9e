// The renderer's folders are a lint rule (eslint.config.js, rendererBlocks): a feature folder does not
// import another, shared folders import no feature, db/ takes only the vocabulary from main/, and cached
// data is changed only in mutations/. These cases lint a line of code as if it were a file in each folder.
import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: root });

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const used = [x];\n`, { filePath: path.join(root, file) });
  return result!.messages.map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

describe('renderer folders and the shared vocabulary', () => {
  const refused: [string, string, RegExp][] = [
    ['renderer/src/brief/x.tsx', "import { x } from '../export/ExportButton';", /feature folder does not import another/],
    ['renderer/src/library/x.tsx', "import { x } from '../import/ImportPanel';", /feature folder does not import another/],
    ['renderer/src/import/x.tsx', "import { x } from '../library/LibraryPane';", /feature folder does not import another/],
    ['renderer/src/ui/x.tsx', "import { x } from '../reader/ReaderPane';", /shared folder imports no feature/],
    ['renderer/src/mutations/x.ts', "import { x } from '../brief/ClaimList';", /shared folder imports no feature/],
    ['renderer/src/reader/x.ts', "import { x } from '../../../main/service/quotes';", /only through the client/],
    ['renderer/src/reader/x.ts', "import { x } from '../api/keys';\nconst qc = { invalidateQueries: (k: unknown) => k };\nqc.invalidateQueries({ queryKey: x.quotes });", /only in renderer\/src\/mutations/],
    ['db/x.ts', "import { x } from '../main/service/quotes';", /db\/ imports neither main\//],
    ['db/x.ts', "import { x } from '../main/vocabulary/limits';", /db\/ imports neither main\//],
  ];
  it.each(refused)('%s: %s is refused', async (file, code, why) => {
    const found = await problems(file, code);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(why);
  });

  const allowed: [string, string][] = [
    ['renderer/src/brief/x.tsx', "import { x } from '../ui/TagEditor';"],
    ['renderer/src/brief/x.tsx', "import { x } from '../mutations/claims';"],
    ['renderer/src/library/x.tsx', "import { x } from '../../../main/vocabulary';"],
    ['renderer/src/App.tsx', "import { x } from './export/ExportButton';"],
    ['renderer/src/mutations/x.ts', "import { x } from '../api/keys';\nconst qc = { invalidateQueries: (k: unknown) => k };\nqc.invalidateQueries({ queryKey: x.quotes });"],
    ['db/x.ts', "import { x } from '../main/vocabulary';"],
  ];
  it.each(allowed)('%s: %s is allowed', async (file, code) => {
    expect(await problems(file, code)).toEqual([]);
  });
});
