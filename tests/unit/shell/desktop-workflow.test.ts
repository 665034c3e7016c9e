// The desktop CI workflow cannot run here (no Electron download); this keeps it valid and keeps it
// doing what the README says it does. It was also checked with actionlint (see the report/commit).
import fs from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const file = path.join(root, '.github', 'workflows', 'desktop.yml');

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  shell?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, { 'runs-on': string; strategy: { matrix: { os: string[] } }; env: Record<string, string>; steps: Step[] }>;
}

const workflow = load(fs.readFileSync(file, 'utf8'), { filename: file }) as Workflow;
const job = Object.values(workflow.jobs)[0]!;
const runs = job.steps.map((s) => s.run ?? '').join('\n');

describe('.github/workflows/desktop.yml', () => {
  it('runs on Linux, Windows and macOS for pushes and pull requests, reading the repository only', () => {
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(job['runs-on']).toBe('${{ matrix.os }}');
    expect(job.strategy.matrix.os.map((os) => os.split('-')[0])).toEqual(['ubuntu', 'windows', 'macos']);
  });

  it('installs with Electron, builds SQLite for it, and makes the Electron tests fail rather than skip', () => {
    expect(runs).toMatch(/npm ci/);
    expect(runs).not.toMatch(/ELECTRON_SKIP_BINARY_DOWNLOAD/);
    expect(runs).toContain('node scripts/rebuild-electron.mjs --if-needed');
    expect(job.env.SOURCEMARK_REQUIRE_ELECTRON).toBe('1');
    for (const script of ['scripts/rebuild-electron.mjs', 'scripts/packaged-smoke.mjs']) expect(fs.existsSync(path.join(root, script))).toBe(true);
  });

  it('runs the Electron tests and the packaged smoke test under a virtual display on Linux', () => {
    const e2e = job.steps.find((s) => s.run?.includes('playwright test --project electron'));
    const smoke = job.steps.find((s) => s.run?.includes('scripts/packaged-smoke.mjs'));
    for (const step of [e2e, smoke]) {
      expect(step?.run).toContain("runner.os == 'Linux' && 'xvfb-run -a'");
      expect(step?.shell).toBe('bash');
    }
    const order = job.steps.map((s) => s.run ?? s.uses ?? '');
    expect(order.findIndex((r) => r.includes('npm run dist'))).toBeGreaterThan(order.findIndex((r) => r.includes('--project electron')));
    expect(order.findIndex((r) => r.includes('packaged-smoke'))).toBeGreaterThan(order.findIndex((r) => r.includes('npm run dist')));
  });

  it('uploads the installers as artifacts', () => {
    const upload = job.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@') && String(s.with?.path).includes('release/'));
    expect(String(upload?.with?.path)).toMatch(/\.deb[\s\S]*\.dmg[\s\S]*\.exe/);
    expect(upload?.with?.['if-no-files-found']).toBe('error');
  });

  it('pins every action to a major version', () => {
    for (const step of job.steps.filter((s) => s.uses)) expect(step.uses).toMatch(/^actions\/[a-z-]+@v\d+$/);
  });
});
