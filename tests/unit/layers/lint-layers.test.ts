// The layers inside main/ are a lint rule (eslint.config.js): an import running the wrong way fails
// `npm run lint`. These cases lint a line of code as if it were a file in each folder.
import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: root });

async function problems(file: string, line: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${line}\nexport const used = [x];\n`, { filePath: path.join(root, file) });
  return result!.messages.map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

describe('who may import whom inside main/', () => {
  const refused: [string, string, RegExp][] = [
    ['main/export/x.ts', "import { x } from '../service/index';", /area of the service/],
    ['main/import/x.ts', "import { x } from '../service/sources';", /area of the service/],
    ['main/bundle/x.ts', "import { x } from '../web/server';", /area of the service/],
    ['main/service/x.ts', "import { x } from '../electron/main';", /composition root/],
    ['main/contract/x.ts', "import { x } from '../export/service';", /declares the calls/],
    ['main/contract/x.ts', "import { x } from '../security/paths';", /declares the calls/],
    ['main/security/x.ts', "import { x } from '../contract';", /policies/],
    ['main/platform/x.ts', "import { x } from '../security/paths';", /imports nothing from the app/],
    ['main/ports/x.ts', "import { x } from '../contract';", /interfaces only/],
    ['main/electron/x.ts', "import { x } from '../web/app';", /desktop shell/],
    ['main/web/x.ts', "import { x } from '../desktop/paths';", /browser mode/],
    ['main/desktop/x.ts', "import { x } from '../../main/electron/menu';", /desktop shell’s decisions/],
    ['main/service/x.ts', "import { x } from 'electron';", /Only main\/electron\/ imports electron/],
    ['main/export/x.ts', "import { x } from '../../renderer/src/client';", /does not import the renderer/],
  ];
  it.each(refused)('%s: %s is refused', async (file, line, why) => {
    const found = await problems(file, line);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(why);
  });

  const allowed: [string, string][] = [
    ['main/web/x.ts', "import { x } from '../service/index';"],
    ['main/electron/x.ts', "import { x } from '../desktop/paths';"],
    ['main/electron/x.ts', "import { x } from 'electron';"],
    ['main/service/x.ts', "import { x } from '../export/service';"],
    ['main/export/x.ts', "import { x } from '../contract/dispatch';"],
    ['main/import/x.ts', "import { x } from '../ports';"],
    ['main/contract/x.ts', "import { x } from '../vocabulary';"],
    ['main/contract/x.ts', "import type { x } from '../ports';"],
    ['main/ports/x.ts', "import type { x } from '../contract';"],
    ['main/security/x.ts', "import type { x } from '../ports';"],
  ];
  it.each(allowed)('%s: %s is allowed', async (file, line) => {
    expect(await problems(file, line)).toEqual([]);
  });
});
