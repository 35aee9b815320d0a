/**
 * Everyday words for catalogue items, as the platform's catalogue carries
 * them per item (`keywords`): when an item's name contains `part`, it gets
 * `words`. Written from how people ask at the window (群众语言), per concept
 * of the catalogue, not per item.
 */
const KEYWORD_RULES: readonly { part: string; words: readonly string[] }[] = [
  { part: '社会保险', words: ['社保'] },
  { part: '社会保障卡', words: ['社保卡'] },
  { part: '社保', words: ['社会保险'] },
  { part: '养老保险', words: ['养老'] },
  { part: '养老金', words: ['退休金', '领养老金'] },
  { part: '医保', words: ['医疗保险'] },
  { part: '医疗费用', words: ['看病报销', '看病'] },
  { part: '住房公积金', words: ['公积金'] },
  { part: '最低生活保障', words: ['低保'] },
  { part: '出生', words: ['生孩子', '新生儿'] },
  { part: '新生儿', words: ['生孩子', '出生'] },
  { part: '生育', words: ['生孩子', '怀孕'] },
  { part: '户籍', words: ['户口'] },
  { part: '户口', words: ['户籍'] },
  { part: '落户', words: ['上户口'] },
  { part: '户口登记', words: ['上户口'] },
  { part: '机动车驾驶证', words: ['驾照', '驾驶证'] },
  { part: '交通违法', words: ['违章', '罚单'] },
  { part: '预防接种', words: ['打疫苗', '疫苗'] },
  { part: '遗失补领', words: ['丢了', '补办'] },
  { part: '补领', words: ['补办'] },
  { part: '补发', words: ['补办'] },
  { part: '挂失', words: ['丢了'] },
  { part: '证明', words: ['开证明'] },
  { part: '入学', words: ['上学'] },
  { part: '往来港澳', words: ['香港', '澳门', '港澳通行证'] },
  { part: '往来台湾', words: ['台湾'] },
  { part: '不动产权证书', words: ['房产证', '房本'] },
  { part: '不动产转移登记（买卖）', words: ['买房过户', '过户'] },
  { part: '残疾人证', words: ['残疾证'] },
  { part: '个人所得税', words: ['个税'] },
  { part: '营业执照', words: ['执照'] },
  { part: '个体工商户', words: ['个体户'] },
  { part: '公共租赁住房', words: ['公租房', '廉租房'] },
  { part: '拖欠工资', words: ['欠工资', '欠薪'] },
  { part: '法律援助', words: ['打官司'] },
  { part: '失业保险金', words: ['失业金'] },
  { part: '高龄津贴', words: ['老人补贴', '高龄补贴'] },
  { part: '死亡户口注销', words: ['销户'] },
  { part: '结婚登记', words: ['结婚证', '领证'] },
  { part: '招聘会', words: ['找工作'] },
];

/** Most keywords an item carries (the kiosk's schema allows 20). */
const MAX_KEYWORDS = 8;

/**
 * The keywords of one item: the words of every rule whose part its name
 * contains, without the words already in the name, deduplicated, at most 8.
 */
export function keywordsFor(name: string): string[] {
  const out = new Set<string>();
  for (const rule of KEYWORD_RULES) {
    if (!name.includes(rule.part)) continue;
    for (const w of rule.words) if (!name.includes(w)) out.add(w);
  }
  return [...out].slice(0, MAX_KEYWORDS);
}
