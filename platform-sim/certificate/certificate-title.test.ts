import { describe, expect, it } from 'vitest';
import { certificateTitle } from './certificate-title';

describe('certificateTitle', () => {
  it('names the document, not the service', () => {
    expect(certificateTitle('社会保险参保缴费证明打印')).toBe('社会保险参保缴费证明');
    expect(certificateTitle('户籍证明开具')).toBe('户籍证明');
    expect(certificateTitle('纳税记录开具（个人所得税）')).toBe('纳税记录（个人所得税）');
    expect(certificateTitle('户籍证明开具（城东区）')).toBe('户籍证明');
    expect(certificateTitle('无犯罪记录证明')).toBe('无犯罪记录证明');
    expect(certificateTitle('医保参保证明打印')).toBe('医保参保证明');
  });

  it('gives a service that names no document a 证明 of its own name', () => {
    expect(certificateTitle('婚姻登记记录查询')).toBe('婚姻登记记录查询证明');
    expect(certificateTitle('不动产登记资料查询（城东区）')).toBe('不动产登记资料查询证明');
  });
});
