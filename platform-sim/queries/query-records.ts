import type { ServiceDetail } from '../../common/contract/schemas';
import { SeededRandom } from '../catalogue/prng';

/**
 * How a value of a query answer is shown: `text` as is; `name`, `idNumber`
 * and `account` are identifiers (masked on screen and on paper); `amount` is
 * private (hidden on a public screen until the person asks, printed in full).
 */
export type QueryValueKind = 'text' | 'name' | 'idNumber' | 'account' | 'amount';

/** One line of an answer. */
export interface QueryRow {
  label: string;
  value: string;
  kind: QueryValueKind;
}

/** One titled block of an answer. */
export interface QuerySection {
  heading: string;
  rows: QueryRow[];
}

/** The person the query is about (the identified applicant). */
export interface QueryApplicant {
  name: string;
  idNumber: string;
}

/** Everything a query answer says, before the envelope (`serverTime`, `service`). */
export interface QueryAnswer {
  title: string;
  sections: QuerySection[];
  note: string;
}

/** 32-bit FNV-1a of a string: the seed of a person's simulated records (and of a simulated child's name, delegation/household-register.ts). */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (const ch of text) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

const yuan = (fen: number) => `${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;

/** Age in whole years at `now` from the birth date inside a GB 11643 number (digits 7–14). */
function ageOf(idNumber: string, now: Date): number {
  const y = Number(idNumber.slice(6, 10));
  const m = Number(idNumber.slice(10, 12));
  const d = Number(idNumber.slice(12, 14));
  let age = now.getUTCFullYear() - y;
  if (now.getUTCMonth() + 1 < m || (now.getUTCMonth() + 1 === m && now.getUTCDate() < d)) age--;
  return Math.max(0, age);
}

function who(applicant: QueryApplicant): QuerySection {
  return {
    heading: '查询对象',
    rows: [
      { label: '姓名', value: applicant.name, kind: 'name' },
      { label: '身份证号码', value: applicant.idNumber.toUpperCase(), kind: 'idNumber' },
    ],
  };
}

function socialInsurance(rng: SeededRandom, applicant: QueryApplicant, now: Date): QuerySection[] {
  const workingYears = Math.max(0, Math.min(ageOf(applicant.idNumber, now) - 18, 40));
  const months = workingYears === 0 ? 0 : rng.int(Math.max(1, workingYears * 6), workingYears * 12);
  const baseFen = rng.int(36, 120) * 10_000; // 3 600 – 12 000 元 a month
  const pension = Math.round(baseFen * 0.08);
  const medical = Math.round(baseFen * 0.02);
  const year = now.getUTCFullYear();
  const history: QueryRow[] = [];
  for (let y = year - 2; y <= year; y++) {
    const paid = y === year ? now.getUTCMonth() : months === 0 ? 0 : rng.int(9, 12);
    history.push({ label: `${y}年`, value: paid === 0 ? '未缴费' : `缴费${paid}个月，每月个人缴${yuan(pension + medical)}`, kind: 'amount' });
  }
  return [
    {
      heading: '养老保险',
      rows: [
        { label: '参保状态', value: months === 0 ? '未参保' : '正常参保', kind: 'text' },
        { label: '累计缴费', value: `${Math.floor(months / 12)}年${months % 12}个月`, kind: 'text' },
        { label: '月缴费基数', value: yuan(baseFen), kind: 'amount' },
        { label: '个人每月缴费', value: yuan(pension), kind: 'amount' },
        { label: '个人账户余额', value: yuan(pension * months + rng.int(0, 99_999)), kind: 'amount' },
      ],
    },
    {
      heading: '医疗保险',
      rows: [
        { label: '参保状态', value: months === 0 ? '未参保' : '正常参保', kind: 'text' },
        { label: '个人每月缴费', value: yuan(medical), kind: 'amount' },
        { label: '医保个人账户余额', value: yuan(rng.int(0, 800_000)), kind: 'amount' },
      ],
    },
    { heading: '近三年缴费', rows: history },
  ];
}

function providentFund(rng: SeededRandom, applicant: QueryApplicant): QuerySection[] {
  const monthlyFen = rng.int(20, 240) * 1_000;
  const account = `41${String(fnv1a(`gjj:${applicant.idNumber}`)).padStart(10, '0')}`;
  return [
    {
      heading: '住房公积金账户',
      rows: [
        { label: '个人账号', value: account, kind: 'account' },
        { label: '账户状态', value: '正常缴存', kind: 'text' },
        { label: '每月缴存（单位＋个人）', value: yuan(monthlyFen * 2), kind: 'amount' },
        { label: '账户余额', value: yuan(monthlyFen * 2 * rng.int(6, 180)), kind: 'amount' },
        { label: '缴至年月', value: `${rng.int(2024, 2026)}年${rng.int(1, 12)}月`, kind: 'text' },
      ],
    },
  ];
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄'];
const GIVEN = ['秀英', '建国', '桂兰', '志强', '小红', '子涵', '浩然', '雨桐'];

function household(rng: SeededRandom, applicant: QueryApplicant): QuerySection[] {
  const surname = Array.from(applicant.name.trim())[0] ?? '王';
  const rows: QueryRow[] = [{ label: '户主', value: applicant.name, kind: 'name' }];
  const relations = ['配偶', '子', '女', '母亲'];
  for (const relation of rng.sample(relations, rng.int(1, 3))) {
    const family = relation === '配偶' || relation === '母亲' ? rng.pick(SURNAMES) : surname;
    rows.push({ label: relation, value: `${family}${rng.pick(GIVEN)}`, kind: 'name' });
  }
  return [{ heading: '户籍成员', rows }, { heading: '户籍信息', rows: [{ label: '户籍状态', value: '正常', kind: 'text' }] }];
}

function medicalInsurance(rng: SeededRandom): QuerySection[] {
  return [
    {
      heading: '医疗保险',
      rows: [
        { label: '参保状态', value: '正常参保', kind: 'text' },
        { label: '参保类别', value: rng.pick(['职工基本医疗保险', '城乡居民基本医疗保险']), kind: 'text' },
        { label: '个人账户余额', value: yuan(rng.int(0, 800_000)), kind: 'amount' },
        { label: '本年住院报销', value: yuan(rng.chance(0.3) ? rng.int(10_000, 2_000_000) : 0), kind: 'amount' },
      ],
    },
  ];
}

function generic(rng: SeededRandom, item: ServiceDetail, now: Date): QuerySection[] {
  const count = rng.int(0, 2);
  const rows: QueryRow[] =
    count === 0
      ? [{ label: '记录', value: '暂无记录', kind: 'text' }]
      : Array.from({ length: count }, (_, i) => ({
          label: `记录${i + 1}`,
          value: `${now.getUTCFullYear() - rng.int(0, 3)}年${rng.int(1, 12)}月 ${rng.pick(['已办结', '办理中', '正常'])}`,
          kind: 'text' as const,
        }));
  return [{ heading: item.category || '查询结果', rows }];
}

/**
 * The simulated platform's records for one person and one query item:
 * plausible and deterministic (seeded by the ID number and the item code,
 * so the same person sees the same answer every time; the current year's
 * months depend on `now`). Social insurance answers with contribution years,
 * monthly amounts and account balances; the provident fund with its account
 * and balance; household items with the members; medical insurance with its
 * account; anything else with the person's records of that item.
 */
export function queryRecords(item: ServiceDetail, applicant: QueryApplicant, now: Date): QueryAnswer {
  const rng = new SeededRandom(fnv1a(`${applicant.idNumber.toUpperCase()}|${item.code}`));
  const name = item.name;
  const body =
    name.includes('公积金')
      ? providentFund(rng, applicant)
      : name.includes('医保') || name.includes('医疗保险')
        ? medicalInsurance(rng)
        : name.includes('户籍') || name.includes('户口')
          ? household(rng, applicant)
          : name.includes('社保') || name.includes('社会保险') || item.category === '社会保险'
            ? socialInsurance(rng, applicant, now)
            : generic(rng, item, now);
  return {
    title: name.replace(/（.*）$/u, '') + '结果',
    sections: [who(applicant), ...body],
    note: '以上信息来自政务服务平台，仅供本人参考；需要盖章证明的请办理相应的证明打印。',
  };
}
