// A generated library for benchmarks: news-like text in English (with some Arabic), Russian and
// Chinese/Japanese, with word frequencies that fall off like real text (Zipf), so that searches
// meet both very common and rare words. Deterministic for a given seed and scale.
import { rng } from './harness';

export type Lang = 'en' | 'ru' | 'zh' | 'ja';

const EN_SEED = `the of and to in a is that for on said with as was by at from officials government talks would
  minister ministry sanctions border forces military security agreement ceasefire election president spokesman
  statement report reported according week month year capital region province pipeline energy gas oil grain
  exports imports shipment port harbour convoy aid humanitarian refugees negotiations delegation summit treaty
  parliament opposition protest protesters police arrested court ruling prosecutor investigation intelligence
  satellite imagery drone missile strike airfield battalion brigade commander western eastern northern southern
  Brussels Geneva Vienna Ankara Cairo Beijing Tokyo Moscow Kyiv Warsaw Washington London Paris Berlin Delhi
  Tehran Riyadh Doha Baghdad Damascus Beirut Minsk Tbilisi Baku Yerevan Astana Tashkent Islamabad Kabul`;
const RU_SEED = `и в не на что с по как Западные Запад переговоры правительство министр министерство санкции граница
  войска безопасность соглашение перемирие выборы президент заявил заявление сообщил источник неделе месяце году
  столица область трубопровод энергетика газ нефть зерно экспорт импорт порт гуманитарная помощь беженцы делегация
  саммит договор парламент оппозиция протест полиция суд прокурор расследование разведка спутник беспилотник
  ракета удар аэродром командир Москва Киев Минск Варшава Вашингтон Лондон Париж Берлин Пекин Токио Анкара`;
const ZH_SEED = `北京 上海 谈判 政府 部长 外交部 制裁 边境 军队 安全 协议 停火 选举 总统 发言人 声明 报告 据报道 本周 本月
  今年 首都 地区 管道 能源 天然气 石油 粮食 出口 进口 港口 人道主义 援助 难民 代表团 峰会 条约 议会 反对派 抗议
  警方 法院 检察官 调查 情报 卫星 无人机 导弹 袭击 机场 指挥官 东京 莫斯科 华盛顿 伦敦 巴黎 柏林`;
const JA_SEED = `東京 大阪 交渉 政府 大臣 外務省 制裁 国境 部隊 安全保障 合意 停戦 選挙 大統領 報道官 声明 報告 今週 今月
  今年 首都 地域 パイプライン エネルギー ガス 石油 穀物 輸出 輸入 港 人道支援 難民 代表団 首脳会議 条約 議会
  野党 抗議 警察 裁判所 検察 調査 情報 衛星 ドローン ミサイル 攻撃 空港 司令官 北京 モスクワ ワシントン`;
const AR_SENTENCES = [
  'وقالت الحكومات الغربية إن المحادثات ستستأنف الأسبوع المقبل.',
  'أعلنت وزارة الخارجية عن عقوبات جديدة على قطاع الطاقة.',
  'وصل الوفد إلى العاصمة لبحث وقف إطلاق النار والمساعدات الإنسانية.',
  'ذكرت مصادر أن القوات انسحبت من المنطقة الحدودية.',
];

const words = (s: string) => s.split(/\s+/).filter(Boolean);

/** Made-up words from syllables: a long tail of rarer words, as real vocabularies have. */
function synthetic(rand: () => number, onsets: string[], vowels: string[], n: number): string[] {
  const out = new Set<string>();
  while (out.size < n) {
    let w = '';
    const syllables = 2 + Math.floor(rand() * 3);
    for (let i = 0; i < syllables; i += 1) w += onsets[Math.floor(rand() * onsets.length)]! + vowels[Math.floor(rand() * vowels.length)]!;
    out.add(w);
  }
  return [...out];
}

const ZH_CHARS = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质'.split('');
const JA_KANA = 'のはがをにでとも'.split('');

export interface Vocab {
  en: string[];
  ru: string[];
  zh: string[];
  ja: string[];
}

export function makeVocab(seed = 7): Vocab {
  const rand = rng(seed);
  const en = [...words(EN_SEED), ...synthetic(rand, ['b', 'c', 'd', 'f', 'g', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'tr', 'st', 'br'], ['a', 'e', 'i', 'o', 'u', 'ar', 'en'], 4000)];
  const ru = [...words(RU_SEED), ...synthetic(rand, ['б', 'в', 'г', 'д', 'к', 'л', 'м', 'н', 'п', 'р', 'с', 'т', 'ст', 'пр'], ['а', 'е', 'и', 'о', 'у', 'ы', 'я'], 3000)];
  const zhSet = new Set(words(ZH_SEED));
  while (zhSet.size < 2500) {
    const len = rand() < 0.7 ? 2 : 3;
    let w = '';
    for (let i = 0; i < len; i += 1) w += ZH_CHARS[Math.floor(rand() * ZH_CHARS.length)];
    zhSet.add(w);
  }
  const ja = [...words(JA_SEED), ...[...zhSet].slice(words(ZH_SEED).length, 1500)];
  return { en, ru, zh: [...zhSet], ja };
}

/** Samples a word by Zipf's law over the list's order: the first words are by far the most frequent. */
function zipf(list: string[], rand: () => number): () => string {
  const cum: number[] = [];
  let total = 0;
  for (let r = 1; r <= list.length; r += 1) {
    total += 1 / r;
    cum.push(total);
  }
  return () => {
    const x = rand() * total;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return list[lo]!;
  };
}

export interface GeneratedSource {
  title: string;
  outlet: string;
  language: Lang;
  body: string;
}

export class TextMaker {
  private readonly rand: () => number;
  private readonly pick: Record<Lang, () => string>;
  constructor(
    readonly vocab: Vocab,
    seed: number,
  ) {
    this.rand = rng(seed);
    this.pick = { en: zipf(vocab.en, this.rand), ru: zipf(vocab.ru, this.rand), zh: zipf(vocab.zh, this.rand), ja: zipf(vocab.ja, this.rand) };
  }

  int(n: number): number {
    return Math.floor(this.rand() * n);
  }

  sentence(lang: Lang): string {
    const n = 8 + this.int(14);
    const ws: string[] = [];
    for (let i = 0; i < n; i += 1) {
      ws.push(this.pick[lang]());
      if (lang === 'ja' && i % 2 === 1) ws.push(JA_KANA[this.int(JA_KANA.length)]!);
    }
    if (lang === 'zh' || lang === 'ja') return `${ws.join('')}。`;
    const s = ws.join(' ');
    return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
  }

  text(lang: Lang, targetChars: number): string {
    const parts: string[] = [];
    let len = 0;
    while (len < targetChars) {
      const s = this.sentence(lang);
      parts.push(s);
      len += s.length + 1;
      if (len < targetChars && this.rand() < 0.12) {
        parts.push('\n\n');
      }
    }
    return parts.join(lang === 'zh' || lang === 'ja' ? '' : ' ').replace(/ \n\n /g, '\n\n');
  }

  source(i: number): GeneratedSource {
    // 10% Russian, 5% Chinese/Japanese, the rest English; one English source in 20 quotes Arabic.
    const r = i % 20;
    const lang: Lang = r < 2 ? 'ru' : r === 2 ? (i % 40 === 2 ? 'ja' : 'zh') : 'en';
    const cjk = lang === 'zh' || lang === 'ja';
    let body = this.text(lang, cjk ? 1_400 : 4_000);
    if (r === 3) body += `\n\n${AR_SENTENCES[i % AR_SENTENCES.length]} ${AR_SENTENCES[(i + 1) % AR_SENTENCES.length]}`;
    // The source number keeps every body distinct, as real articles are.
    body += `\n\n[${i}]`;
    const title = this.sentence(lang).slice(0, cjk ? 24 : 90);
    return { title, outlet: ['Wire', 'Gazette', 'Observer', 'Herald', 'Вести', '新闻', '新聞'][i % 7]!, language: lang, body };
  }

  /** A passage starting and ending at a word (or CJK character) edge. */
  passage(body: string): { start: number; end: number } {
    const len = 40 + this.int(160);
    let start = this.int(Math.max(1, body.length - len - 1));
    while (start > 0 && body[start - 1] !== ' ' && body.charCodeAt(start - 1) < 0x2e80) start -= 1;
    return { start, end: Math.min(body.length, start + len) };
  }
}
