// The icons' drawings (styles/icons.css) are generated from lucide-react by scripts/icons.ts; this
// fails when the file no longer matches the installed package or the list of icons.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ICONS_CSS, iconCss } from '../../../scripts/icons';

describe('icon drawings', () => {
  it('styles/icons.css is what scripts/icons.ts writes today (run it after changing icons)', () => {
    expect(fs.readFileSync(ICONS_CSS, 'utf8')).toBe(iconCss());
  });

  it('every icon is an SVG data URL with a drawing in it', () => {
    const rules = iconCss().split('\n').filter((l) => l.startsWith('.icon-'));
    expect(rules.length).toBe(10);
    for (const rule of rules) {
      const svg = decodeURIComponent(/data:image\/svg\+xml,([^"]+)"/.exec(rule)?.[1] ?? '');
      expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 24 24"[^>]*stroke="#000"/);
      expect(svg).toMatch(/<(path|circle|rect|line|polyline)\b/);
    }
  });
});
