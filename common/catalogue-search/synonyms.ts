/**
 * One entry of the kiosk-side synonym table: the everyday words people type
 * (`terms`) and what the catalogue calls the same thing (`means`). A `means`
 * entry with spaces needs all its words in an item's name or keywords
 * ("医疗费用 报销" matches 医疗费用手工报销（门诊）).
 */
export interface SynonymEntry {
  terms: readonly string[];
  means: readonly string[];
}

/**
 * The kiosk's synonym table: abbreviations (社保, 医保, 公积金), older or
 * spoken names (户口 for 户籍, 驾照 for 机动车驾驶证) and plain-language
 * phrases (生孩子, 看病报销, 开证明). Applied on top of the keywords the
 * platform's catalogue carries per item.
 */
export const DEFAULT_SYNONYMS: readonly SynonymEntry[] = [
  { terms: ['社保'], means: ['社会保险', '社会保障', '社保'] },
  { terms: ['社保卡'], means: ['社会保障卡'] },
  { terms: ['医保'], means: ['医疗保险', '医保'] },
  { terms: ['医保卡'], means: ['医保电子凭证', '社会保障卡'] },
  { terms: ['公积金'], means: ['住房公积金'] },
  { terms: ['户口'], means: ['户籍', '户口'] },
  { terms: ['上户口', '报户口'], means: ['户口登记', '落户', '户口迁入'] },
  { terms: ['低保'], means: ['最低生活保障'] },
  { terms: ['驾照'], means: ['机动车驾驶证'] },
  { terms: ['身份证'], means: ['居民身份证'] },
  { terms: ['残疾证'], means: ['残疾人证'] },
  { terms: ['执照', '办执照'], means: ['营业执照', '市场主体设立登记', '企业设立登记'] },
  { terms: ['个税'], means: ['个人所得税'] },
  { terms: ['房产证', '房本'], means: ['不动产权证书', '不动产'] },
  { terms: ['违章', '罚单'], means: ['交通违法'] },
  { terms: ['生孩子', '生小孩', '生娃'], means: ['出生', '生育', '新生儿'] },
  { terms: ['看病报销', '医药费报销'], means: ['医疗费用 报销'] },
  { terms: ['看病'], means: ['就医', '医疗费用'] },
  { terms: ['开证明'], means: ['证明'] },
  { terms: ['丢了', '丢失', '补办'], means: ['遗失', '补领', '补发', '挂失', '补办', '补证', '补换'] },
  { terms: ['打疫苗', '疫苗', '疫苗本'], means: ['预防接种'] },
  { terms: ['上学', '读书'], means: ['入学'] },
  { terms: ['养老金'], means: ['基本养老金', '养老保险待遇'] },
  { terms: ['失业金'], means: ['失业保险金'] },
  { terms: ['老人', '老年'], means: ['老年人', '高龄'] },
  { terms: ['找工作'], means: ['招聘', '就业'] },
  { terms: ['欠工资', '欠薪'], means: ['拖欠工资', '劳动人事争议'] },
  { terms: ['打官司', '请律师'], means: ['法律援助', '法律咨询', '调解'] },
  { terms: ['过户'], means: ['转移登记'] },
  { terms: ['开公司', '开店'], means: ['企业设立', '市场主体设立'] },
  { terms: ['香港', '澳门', '去香港'], means: ['往来港澳'] },
  { terms: ['台湾'], means: ['往来台湾'] },
  { terms: ['退役军人', '退伍', '当过兵'], means: ['退役军人', '退役士兵', '优抚'] },
];
