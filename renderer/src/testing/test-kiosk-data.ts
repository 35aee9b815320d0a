import type { DeviceStatus, ServiceDetail } from '../../../common/contract/schemas';

/**
 * The data behind {@link TestKioskApi} (test-kiosk-api.ts): a small catalogue,
 * the simulated devices, search initials and input-method candidates.
 * Fictional; holds no real personal data.
 */
/** The fixed clock of the test API (ISO time). */
export const NOW = '2026-01-01T00:00:00.000Z';

/** A device status for the test API's simulated devices. */
export function device(name: string, cls: DeviceStatus['device'], extra: Partial<DeviceStatus> = {}): DeviceStatus {
  return { device: cls, name, state: 'online', simulated: true, error: null, updatedAt: NOW, ...extra };
}

function service(
  code: string,
  name: string,
  department: string,
  opts: { queueable?: boolean; feeFen?: number; lifeEvents?: string[]; category?: string; output?: ServiceDetail['output']; extraFields?: ServiceDetail['form'] } = {},
): ServiceDetail {
  return {
    code,
    name,
    department,
    category: opts.category ?? '个人服务',
    itemType: '公共服务',
    queueable: opts.queueable ?? true,
    output: opts.output ?? 'receipt',
    feeFen: opts.feeFen ?? 0,
    guide: {
      summary: `${name}：在这里自助申请，结果会通知您。`,
      whoCanApply: '本市户籍或在本市参保的居民。',
      timeLimit: '5 个工作日',
      resultDelivery: '短信通知，可到窗口领取或邮寄到家。',
      feeDescription: opts.feeFen ? `工本费 ${(opts.feeFen / 100).toFixed(2)} 元` : '不收费',
      legalBasis: '《社会保险法》第二条；《政务服务事项实施清单》。',
    },
    materials: [
      { id: 'idcard', name: '居民身份证', required: true, note: '原件，刷卡即可，不收走', electronic: true },
      { id: 'photo', name: '近期一寸照片', required: true, note: null, electronic: false },
      { id: 'proof', name: '相关证明', required: false, note: '有的话请带上', electronic: false },
    ],
    form: [
      { id: 'name', label: '姓名', kind: 'text', required: true, prefill: 'name', maxLength: 50 },
      { id: 'idNumber', label: '身份证号码', kind: 'text', required: true, prefill: 'idNumber', maxLength: 18 },
      { id: 'phone', label: '手机号码', kind: 'phone', required: true, prefill: null, maxLength: 11 },
      { id: 'delivery', label: '领取方式', kind: 'select', required: true, options: ['窗口领取', '邮寄到家'], prefill: null, maxLength: 20 },
      ...(opts.extraFields ?? []),
    ],
    lifeEvents: opts.lifeEvents ?? [],
  };
}

/** The small built-in catalogue of the fake. */
export const TEST_CATALOGUE: ServiceDetail[] = [
  service('GG00101001', '社保查询', '人力资源和社会保障局', { lifeEvents: ['retirement'] }),
  service('GG00102001', '养老保险待遇申领', '人力资源和社会保障局', {
    lifeEvents: ['retirement'],
    extraFields: [{ id: 'bankAccount', label: '银行账号', kind: 'number', required: false, prefill: null, maxLength: 30 }],
  }),
  service('QR00201001', '出生医学证明办理', '卫生健康委员会', { queueable: false, lifeEvents: ['newborn'] }),
  service('GG00301001', '新生儿落户', '公安局', { lifeEvents: ['newborn'] }),
  service('ZS00401001', '居民身份证补领', '公安局', { feeFen: 2000, queueable: false, lifeEvents: ['resident'] }),
  service('GG00501001', '医保参保登记', '医疗保障局', { lifeEvents: ['newborn', 'resident'] }),
  service('GG00601001', '社保参保证明打印', '人力资源和社会保障局', { queueable: false, output: 'certificate', lifeEvents: ['resident'] }),
  service('ZS00701001', '城乡居民医保费缴纳', '税务局', { feeFen: 38000, queueable: false, lifeEvents: ['resident'] }),
];

/** Pinyin initials of each test item's name, for search by initials. */
export const INITIALS: Record<string, string> = {
  社保查询: 'sbcx shebaochaxun',
  养老保险待遇申领: 'ylbxdysl yanglaobaoxiandaiyushenling',
  出生医学证明办理: 'csyxzmbl chushengyixuezhengmingbanli',
  新生儿落户: 'xselh xinshengerluohu',
  居民身份证补领: 'jmsfzbl jumingshenfenzhengbuling',
  医保参保登记: 'ybcbdj yibaocanbaodengji',
  社保参保证明打印: 'sbcbzmdy shebaocanbaozhengmingdayin',
  城乡居民医保费缴纳: 'cxjmybfjn chengxiangjuminyibaofeijiaona',
};

/** Syllable (or word pinyin) → candidates, most likely first: the fake's tiny pinyin dictionary. */
/** Pinyin → candidate characters of the test input method. */
export const TEST_PINYIN: Record<string, string[]> = {
  beijing: ['北京'],
  zhang: [...'张章长掌涨丈帐账仗胀障彰'],
  wang: [...'王网望往忘旺'],
  li: [...'李里理力立利历离'],
  cun: [...'村存寸'],
  zhen: [...'镇真针阵'],
  zh: [...'中这张周'],
  bei: [...'北被杯背'],
  jing: [...'京经精井'],
};
