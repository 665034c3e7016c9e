// Searches a person might type against the generated library: common and rare words in each
// script, Russian word stems, 2- and 3-character Chinese/Japanese words, phrases copied from the
// text, mixed-script queries, and some that look like FTS5 syntax.
import { rng } from './harness';
import type { Vocab } from './generate-library';

export function makeQueries(vocab: Vocab, bodies: string[], count: number, seed = 99): string[] {
  const rand = rng(seed);
  const int = (n: number) => Math.floor(rand() * n);
  const from = (list: string[], lo: number, hi: number) => list[lo + int(Math.max(1, Math.min(hi, list.length) - lo))]!;
  const long = (list: string[]) => {
    for (;;) {
      const w = from(list, 0, 1000);
      if ([...w].length >= 6) return w;
    }
  };
  const makers: (() => string)[] = [
    () => from(vocab.en, 0, 60), // very common English
    () => from(vocab.en, 60, 2000), // mid and rare English
    () => from(vocab.en, 60, 2000),
    () => `${from(vocab.en, 60, 1000)} ${from(vocab.en, 60, 1000)}`,
    () => from(vocab.ru, 0, 1500),
    () => long(vocab.ru).slice(0, 5), // a stem, e.g. Запад in Западные
    () => from(vocab.zh.filter((w) => w.length === 2), 0, 800), // 2 characters: no trigram
    () => from(vocab.zh.filter((w) => w.length >= 3), 0, 800),
    () => from(vocab.ja, 0, 500),
    () => ['الحكومات', 'المحادثات', 'عقوبات', 'الطاقة', 'الوفد', 'العاصمة', 'القوات'][int(7)]!,
    () => {
      // a phrase copied from a text, quoted as an analyst pasting it would
      const b = bodies[int(bodies.length)]!;
      const at = int(Math.max(1, b.length - 40));
      return `"${b.slice(at, at + 12 + int(20)).trim().replaceAll('"', '')}"`;
    },
    () => `${from(vocab.en, 100, 1500)} ${from(vocab.zh, 0, 300)}`,
    () => [`NEAR(${from(vocab.en, 60, 500)}`, `${from(vocab.en, 60, 500)}*`, `"${from(vocab.en, 60, 500)}`, `${from(vocab.en, 60, 500)} -oil`, `title:${from(vocab.en, 60, 500)}`][int(5)]!,
  ];
  return Array.from({ length: count }, (_, i) => makers[i % makers.length]!());
}
