import iconv from 'iconv-lite';
import { pinyin } from 'pinyin-pro';

/** One candidate of the on-screen pinyin input method. */
export interface PinyinCandidate {
  /** The Chinese text to insert. */
  text: string;
  /** The letters of the typed input it consumes, from the start (e.g. `zhang` of `zhangsan`). */
  pinyin: string;
}

/** Figures of one index build (reported by the bench). */
export interface PinyinIndexStats {
  buildMs: number;
  characters: number;
  syllables: number;
  words: number;
}

/** The reverse index pinyin → characters and words, built once. */
export interface PinyinIndex {
  readonly stats: PinyinIndexStats;
  /** Candidates for lower-case a–z input, most likely first; empty when the input is not pinyin. */
  lookup(input: string, limit: number): PinyinCandidate[];
}

/*
 * Commonness. Cheap offline signals only: a short hand-ordered head (the most
 * frequent characters, the most common surnames, the characters of addresses),
 * then GB2312 level 1 (the 3,755 common characters), level 2, the rest of the
 * CJK block, Extension A last.
 */
const FREQUENT_HEAD = '的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年';
const SURNAMES_TOP = '王李张刘陈杨黄赵吴周';
const ADDRESS = '村镇乡县街路号省市区巷弄楼栋层单元室组社委会队屯庄寨湾桥道里园苑院坊场站州旗盟';
const SURNAMES_REST =
  '徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤艾买阿热古';
const FREQUENT_REST =
  '我就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立命活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决保达办运武半候七必城父强步完革深区即求品士转量空甚众技轻程告江语英基派满式息写呢识极令德收脸钱党倒未持取设始版双历越史商千片容研像找友孩站广改议形委早房音火际则首单据导影失拿网香似斯专若兵弟谁校读志飞观争究包组造落视济喜离虽坏兴切吗';

/** Common characters beyond the head (a coarse tier, not an exact frequency order). */
const COMMON_MORE =
  '级线费确联引整温标越须够投断器注维参布营压需急值按坚状易称响速某病居独低照配钢阳顺铁险范款防般妈假府约席福差优怀细紧依乎食证排视纪际卫奖黑团破找负哪图章批跑怕红材座群助厂洋罪普兰松刚旅印灵汉朝血杀族亚阵乱秀余顾剧圆杂施甲烟拉护湖藏异姐景降货露静套透巴班雨托误苦积赛坐顿卖吸抗岁宝鲜养夜略室呼园刻堂补宣策预验遇鱼素激肯厚熟汽船骨篇探训植尽宜泽缺招针封错宽控宁聚寒阶互恶隐宫炮载圣板攻冲供斗典洲播闻谓犯巨避荣迎弱纸判港虚吧郎秘银菜危旧床惊逐拥担皇荒徒阻驻忽抓拍扬奇折岸征恩挥尚智朋储输讲减悲售健冷胜阴庭迫束挂震盛炸杯纳危胁迷帮敌暴忘忙刑仍卷迅壁剂遭妇敢宗辈耳珠悟歌额晚仁映雪嘴努森恐伤梦麻姓牌赶哲仿缓耐购汇捕岛颗拒欲淡庆恢柱绝患敬档闭搞奋溪翻滑坦尾漫幸伦亡默朗忍扩恰盘箱怒纯培洗纷杰倍伸棉偏违尊祖抵孤陷赞剑奶骂醉兄险限显闲献馅羡线鲜仙咸贤衔嫌弦涎医药费户籍婚姻离退休残疾低保补贴养老保险医疗生育工伤失业住房公积金税务营业执照证件照片复印邮寄快递领取窗口慢差难等久错乱脏吵冷热贵收假骗推拖烦卡坏停忘漏缺';

const PRIORITY = [...new Set([...FREQUENT_HEAD, ...SURNAMES_TOP, ...ADDRESS, ...SURNAMES_REST, ...FREQUENT_REST, ...COMMON_MORE])];
const RANK_LEVEL1 = 10_000;
const RANK_LEVEL2 = 20_000;
const RANK_OTHER = 30_000;
const RANK_EXT_A = 40_000;
/**
 * Rank under a reading that is not the character's first (most common) one,
 * e.g. 长 as zhang, 行 as hang, 见 as xian: behind every level-1 character
 * read that way first (a listed character first among these), before level 2.
 */
const secondaryRank = (base: number) => (base < RANK_LEVEL1 ? RANK_LEVEL1 + 4_000 + base : base + 5_000);

/**
 * Words a villager types at a government kiosk, ranked before pinyin-pro's
 * dictionary words: places, address words, what forms and complaints say.
 */
const KIOSK_WORDS = [
  // provinces, regions and big cities
  '北京 上海 天津 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 四川 贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门',
  '乌鲁木齐 喀什 和田 伊犁 阿克苏 吐鲁番 哈密 拉萨 成都 广州 深圳 武汉 西安 南京 杭州 郑州 长沙 沈阳 哈尔滨 石家庄 太原 济南 合肥 南昌 福州 昆明 贵阳 南宁 兰州 西宁 银川 呼和浩特 长春 海口',
  // addresses
  '地址 住址 街道 社区 小区 村委会 居委会 村民 居民 委员会 村民小组 单元 门牌 号码 楼房 平房 自治区 自治州 自治县 开发区 新区 乡镇 县城 城区 农村 东路 西路 南路 北路 中路 大街 胡同 公寓 宿舍 花园 家园 新村 小组 村口 镇上 县里',
  // work, banks, forms
  '工作 单位 公司 有限公司 学校 医院 银行 农业银行 农村信用社 信用社 邮政 储蓄 工商银行 建设银行 中国银行 中国 人民 政府 服务 中心 合作社 个体 务工 打工 退休 无业 学生 老师 司机 农民 工人',
  // family
  '父亲 母亲 儿子 女儿 丈夫 妻子 爷爷 奶奶 孩子 老人 本人 家属 配偶 子女 亲属',
  // rating reasons and common talk
  '态度 不好 太慢 排队 时间 等待 机器 屏幕 打印 看不清 不会 操作 复杂 麻烦 满意 不满意 工作人员 系统 故障 网络 身份证 户口 社保 医保 养老 证明 材料 办理 申请 手续 字太小 声音 没有 可以 不是 知道 时候 现在 已经 因为 所以 但是 如果 还是 谢谢 你好 我们 你们 他们 什么',
]
  .join(' ')
  .split(' ');

interface Entry {
  ch: string;
  rank: number;
}

interface Word {
  text: string;
  syllables: string[];
  rank: number;
}

interface Piece {
  text: string;
  /** A whole syllable (else the beginning of one: `zh`, `b`). */
  full: boolean;
}

/** Toneless syllable as typed: ü as v; lüe / nüe also as lue / nue. Null for non-letter syllables (ê) and bare nasals (m, n, ng). */
function typedSpellings(syllable: string): string[] {
  let cached = spellingCache.get(syllable);
  if (!cached) spellingCache.set(syllable, (cached = spell(syllable)));
  return cached;
}
const spellingCache = new Map<string, string[]>();

function spell(syllable: string): string[] {
  const s = syllable
    .toLowerCase()
    .normalize('NFD')
    .replace(/u\u0308/g, 'v')
    .replace(/[\u0300-\u036f]/g, '');
  if (!/^[a-z]+$/.test(s) || !/[aeiouv]/.test(s)) return [];
  return s.includes('ve') ? [s, s.replace('ve', 'ue')] : [s];
}

/** Base rank of every GB2312 character (level 1 before level 2, each in code order). */
function gb2312Ranks(): Map<string, number> {
  const ranks = new Map<string, number>();
  const pair = Buffer.alloc(2);
  let n = 0;
  for (let b1 = 0xb0; b1 <= 0xf7; b1++) {
    for (let b2 = 0xa1; b2 <= 0xfe; b2++) {
      pair[0] = b1;
      pair[1] = b2;
      const ch = iconv.decode(pair, 'gb2312');
      if (ch.length !== 1 || ch === '\ufffd' || ranks.has(ch)) continue;
      ranks.set(ch, (b1 <= 0xd7 ? RANK_LEVEL1 : RANK_LEVEL2) + n++);
    }
  }
  return ranks;
}

/** Lets other requests and device events through while the index is built. */
const yieldNow = () => new Promise<void>((resolve) => setImmediate(resolve));

const isHanWord = (s: string) => /^[\u4e00-\u9fff]{2,6}$/.test(s);

/** pinyin-pro's word dictionaries (polyphone words, idioms, compound surnames), loaded only when the index is built. */
async function dictionaryWords(): Promise<Array<[string, string]>> {
  const dicts = await Promise.all([
    import('pinyin-pro/dist/esm/data/dict2.mjs'),
    import('pinyin-pro/dist/esm/data/dict3.mjs'),
    import('pinyin-pro/dist/esm/data/dict4.mjs'),
    import('pinyin-pro/dist/esm/data/dict5.mjs'),
    import('pinyin-pro/dist/esm/data/surname.mjs'),
  ]);
  return dicts.flatMap((d) => Object.entries(d.default));
}

/**
 * Builds the reverse index: every CJK Unified Ideograph (and Extension A)
 * that pinyin-pro can read, under each of its readings, ranked by
 * commonness; plus words (a kiosk list and pinyin-pro's dictionaries) under
 * their syllables. About 0.3–0.5 s (in slices, yielding to the event loop)
 * and about 10 MB of heap; done once, on first use.
 */
export async function buildPinyinIndex(): Promise<PinyinIndex> {
  const started = performance.now();
  const dictionary = dictionaryWords();
  const priority = new Map(PRIORITY.map((ch, i) => [ch, i]));
  const gb = gb2312Ranks();
  await yieldNow();
  const bySyllable = new Map<string, Entry[]>();
  const charRank = new Map<string, number>();
  let characters = 0;

  const add = async (from: number, to: number, fallback: number) => {
    for (let c = from; c <= to; c++) {
      if ((c & 0x3ff) === 0) await yieldNow();
      const ch = String.fromCharCode(c);
      const readings = pinyin(ch, { toneType: 'none', type: 'array', multiple: true });
      if (readings.length === 0 || readings[0] === ch) continue;
      const base = priority.get(ch) ?? gb.get(ch) ?? fallback + (c & 0xffff);
      charRank.set(ch, base);
      characters++;
      readings.forEach((reading, i) => {
        for (const key of typedSpellings(reading)) {
          let list = bySyllable.get(key);
          if (!list) bySyllable.set(key, (list = []));
          list.push({ ch, rank: i > 0 ? secondaryRank(base) : base });
        }
      });
    }
  };
  await add(0x4e00, 0x9fff, RANK_OTHER - 0x4e00);
  await add(0x3400, 0x4dbf, RANK_EXT_A - 0x3400);

  for (const [key, list] of bySyllable) {
    list.sort((a, b) => a.rank - b.rank);
    const seen = new Set<string>();
    bySyllable.set(
      key,
      list.filter((e) => !seen.has(e.ch) && seen.add(e.ch)),
    );
  }
  await yieldNow();
  const syllables = [...bySyllable.keys()].sort();
  const syllableSet = new Set(syllables);
  const prefixes = new Set<string>();
  for (const s of syllables) for (let i = 1; i <= s.length; i++) prefixes.add(s.slice(0, i));

  // Words, grouped by their first syllable.
  const wordsByFirst = new Map<string, Word[]>();
  const wordSeen = new Set<string>();
  const addWord = (text: string, syllablesOfWord: string[], rank: number) => {
    if (wordSeen.has(text) || !isHanWord(text) || syllablesOfWord.length !== text.length) return;
    if (!syllablesOfWord.every((s) => syllableSet.has(s))) return;
    wordSeen.add(text);
    const first = syllablesOfWord[0]!;
    let list = wordsByFirst.get(first);
    if (!list) wordsByFirst.set(first, (list = []));
    list.push({ text, syllables: syllablesOfWord, rank });
  };
  KIOSK_WORDS.forEach((text, i) => {
    const readings = pinyin(text, { toneType: 'none', type: 'array' }).map((s) => typedSpellings(s)[0] ?? '');
    addWord(text, readings, i);
  });
  await yieldNow();
  for (const [text, toned] of await dictionary) {
    const readings = toned.split(/\s+/).map((s) => typedSpellings(s)[0] ?? '');
    const chars = [...text];
    const avg = chars.reduce((sum, ch) => sum + (charRank.get(ch) ?? RANK_EXT_A), 0) / Math.max(1, chars.length);
    addWord(text, readings, 100_000 + avg);
  }
  for (const list of wordsByFirst.values()) list.sort((a, b) => a.rank - b.rank);

  const prefixCache = new Map<string, string[]>();
  /** Characters of every syllable starting with `prefix`, by rank (at most 200). */
  const charsWithPrefix = (prefix: string): string[] => {
    let cached = prefixCache.get(prefix);
    if (cached) return cached;
    const merged: Entry[] = [];
    for (const s of syllables) if (s.startsWith(prefix)) merged.push(...bySyllable.get(s)!);
    merged.sort((a, b) => a.rank - b.rank);
    const seen = new Set<string>();
    cached = [];
    for (const e of merged) {
      if (seen.has(e.ch)) continue;
      seen.add(e.ch);
      cached.push(e.ch);
      if (cached.length >= 200) break;
    }
    prefixCache.set(prefix, cached);
    return cached;
  };

  /**
   * Splits the input into syllables: fewest partial pieces, then fewest
   * pieces (`xian` is one syllable, not xi'an); null when it cannot be read.
   */
  const segment = (input: string): Piece[] | null => {
    const n = input.length;
    const best: Array<{ partials: number; pieces: Piece[] } | null> = new Array(n + 1).fill(null);
    best[n] = { partials: 0, pieces: [] };
    for (let i = n - 1; i >= 0; i--) {
      for (let len = Math.min(6, n - i); len >= 1; len--) {
        const text = input.slice(i, i + len);
        const full = syllableSet.has(text);
        if (!full && !prefixes.has(text)) continue;
        const rest = best[i + len];
        if (!rest) continue;
        const partials = rest.partials + (full ? 0 : 1);
        const count = rest.pieces.length + 1;
        const current = best[i];
        if (!current || partials < current.partials || (partials === current.partials && count < current.pieces.length)) {
          best[i] = { partials, pieces: [{ text, full }, ...rest.pieces] };
        }
      }
    }
    return best[0]?.pieces ?? null;
  };

  const lookup = (input: string, limit: number): PinyinCandidate[] => {
    if (!/^[a-z]{1,40}$/.test(input)) return [];
    const pieces = segment(input);
    if (!pieces || pieces.length === 0) return [];
    const out: PinyinCandidate[] = [];
    const seen = new Set<string>();
    const push = (text: string, consumed: string) => {
      if (out.length >= limit || seen.has(text)) return;
      seen.add(text);
      out.push({ text, pinyin: consumed });
    };

    // Words over two or more pieces: longest first, exact syllables before abbreviations, then by rank.
    if (pieces.length >= 2) {
      const matches = (piece: Piece, syllable: string, last: boolean) => (piece.full && !last ? syllable === piece.text : syllable.startsWith(piece.text));
      const first = pieces[0]!;
      const groups = first.full && pieces.length > 1 ? [first.text] : syllables.filter((s) => s.startsWith(first.text));
      const found: Array<{ word: Word; inexact: number }> = [];
      for (const g of groups) {
        for (const word of wordsByFirst.get(g) ?? []) {
          const k = word.syllables.length;
          if (k > pieces.length) continue;
          let ok = true;
          let inexact = 0;
          for (let j = 0; j < k && ok; j++) {
            const piece = pieces[j]!;
            const syllable = word.syllables[j]!;
            ok = matches(piece, syllable, j === pieces.length - 1);
            if (syllable !== piece.text) inexact++;
          }
          if (ok) found.push({ word, inexact });
        }
      }
      found.sort((a, b) => b.word.syllables.length - a.word.syllables.length || a.inexact - b.inexact || a.word.rank - b.word.rank);
      for (const { word } of found) {
        push(
          word.text,
          pieces
            .slice(0, word.syllables.length)
            .map((p) => p.text)
            .join(''),
        );
      }
    }

    // Characters of the first piece: the exact syllable, then (for a lone piece) longer syllables it begins.
    const first = pieces[0]!;
    if (first.full) for (const e of bySyllable.get(first.text) ?? []) push(e.ch, first.text);
    if (!first.full || pieces.length === 1) for (const ch of charsWithPrefix(first.text)) push(ch, first.text);
    return out;
  };

  const words = [...wordsByFirst.values()].reduce((n, l) => n + l.length, 0);
  return { stats: { buildMs: performance.now() - started, characters, syllables: syllables.length, words }, lookup };
}

/**
 * The pinyin candidates of the kiosk's on-screen input method: the index is
 * built on the first request (concurrent first requests share the build).
 */
export class PinyinCandidates {
  private index: Promise<PinyinIndex> | null = null;

  /** The index, building it on first use. */
  ready(): Promise<PinyinIndex> {
    this.index ??= buildPinyinIndex().catch((error: unknown) => {
      this.index = null;
      throw error;
    });
    return this.index;
  }

  /** Candidates for `input` (lower-case a–z), at most `limit`. */
  async candidates(input: string, limit: number): Promise<PinyinCandidate[]> {
    return (await this.ready()).lookup(input, limit);
  }
}
