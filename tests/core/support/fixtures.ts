import type { ServiceDetail } from '../../../common/contract/schemas';

/** The fictional resident of the simulator's `resident` sample card. */
export const RESIDENT = { name: '李晓明', idNumber: '110101198504121230', address: '北京市东城区示例街道幸福里12号' } as const;

/** A valid GB 11643 ID number and a name for QR e-ID tests (not on any sample card). */
export const QR_PERSON = { name: '王芳', idNumber: '110101199003070011' } as const;

/** A small queueable service item with one prefilled field per kind of identity data. */
export function sampleService(overrides: Partial<ServiceDetail> = {}): ServiceDetail {
  return {
    code: 'GG00001001',
    name: '社会保障卡申领',
    department: '人社局',
    category: '社会保障卡',
    itemType: '公共服务',
    queueable: true,
    output: 'receipt',
    feeFen: 0,
    guide: {
      summary: '第一次办社保卡。',
      whoCanApply: '在本市参保的人员。',
      timeLimit: '10个工作日',
      resultDelivery: '邮寄到家',
      feeDescription: '免费',
      legalBasis: '《社会保障卡管理办法》',
    },
    materials: [{ id: 'm1', name: '近期免冠照片', required: true, note: null, electronic: false }],
    form: [
      { id: 'name', label: '姓名', kind: 'text', required: true, prefill: 'name', maxLength: 50 },
      { id: 'idNumber', label: '身份证号', kind: 'text', required: true, prefill: 'idNumber', maxLength: 18 },
      { id: 'phone', label: '联系电话', kind: 'phone', required: true, prefill: null, maxLength: 20 },
    ],
    lifeEvents: [],
    ...overrides,
  };
}
