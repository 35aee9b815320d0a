/**
 * Hand-written items a villager or resident asks for most, with guides in
 * plain people's language (群众语言). They get the first codes of their type,
 * so their codes are stable however the generated part changes.
 */
export interface WellKnownItem {
  name: string;
  department: string;
  /** Two-letter type code, see `TYPE_NAMES`. */
  type: string;
  category: string;
  output: 'receipt' | 'certificate' | 'none';
  feeFen: number;
  /** False when the item needs the platform at once (queries, certificates, payment). */
  queueable: boolean;
  summary: string;
  who: string;
  timeLimit: string;
  legalBasis: string;
  /** `name|required|note|electronic` (required and electronic are `1` or `0`). */
  materials: string[];
  /** Extra form fields: `label|kind|option1/option2`. */
  fields: string[];
  /** Whether the form carries the applicant's address. */
  address: boolean;
  /**
   * False when only the person themselves may apply (their photo or
   * fingerprint is taken, or the record is about their own conduct); default
   * true for applications. Queries are never delegable (see `buildWellKnown`).
   */
  delegable?: boolean;
  /** `query`: answered on the spot by `POST /api/v1/queries` (no phone number asked, nothing submitted). Default an application. */
  kind?: 'query';
}

/** The well-known items, in code order. */
export const WELL_KNOWN_ITEMS: WellKnownItem[] = [
  {
    name: '社保查询', department: '人社局', type: 'GG', category: '社会保险', output: 'receipt', feeFen: 0, queueable: false,
    summary: '查一查自己的社会保险：交了多少年、每月交多少、养老金和医保账户有多少钱，可以当场打印参保记录。',
    who: '在本市参加过社会保险的人，本人刷身份证查询。',
    timeLimit: '当场查询', legalBasis: '《中华人民共和国社会保险法》第七十四条',
    materials: ['居民身份证|1|刷卡即可，不收走|1'], fields: [], address: false, kind: 'query',
  },
  {
    name: '城乡居民养老保险参保登记', department: '人社局', type: 'QR', category: '社会保险', output: 'receipt', feeFen: 0, queueable: true,
    summary: '年满16周岁、没有参加职工养老保险的城乡居民（不含在校学生），在这里登记参加养老保险，60岁以后每月领养老金。',
    who: '年满16周岁、户籍在本市、没有参加职工基本养老保险的城乡居民，在校学生除外。',
    timeLimit: '5个工作日', legalBasis: '《国务院关于建立统一的城乡居民基本养老保险制度的意见》（国发〔2014〕8号）',
    materials: ['居民身份证|1|刷卡即可|1', '户口簿|0|本地户籍信息能查到的不用带|1'],
    fields: ['缴费档次（元/年）|select|200/300/500/800/1000/2000/3000', '银行账号|number'], address: true,
  },
  {
    name: '退休申请', department: '人社局', type: 'QR', category: '社会保险', output: 'receipt', feeFen: 0, queueable: true,
    summary: '快到退休年龄、交满15年职工养老保险的人，在这里申请办理退休，审核通过后按月领养老金。',
    who: '达到法定退休年龄、职工基本养老保险累计缴费满15年的参保人，本人或单位办理。',
    timeLimit: '15个工作日', legalBasis: '《中华人民共和国社会保险法》第十六条；《国务院关于工人退休、退职的暂行办法》',
    materials: ['居民身份证|1|刷卡即可|1', '人事档案|0|单位职工由单位提供，不用自己带|0', '银行卡（一类账户）|1|用来发养老金|0'],
    fields: ['工作单位|text', '参保类别|select|单位职工/灵活就业人员', '开户银行|text', '银行账号|number'], address: true,
  },
  {
    name: '社会保障卡申领', department: '人社局', type: 'GG', category: '社会保障卡', output: 'receipt', feeFen: 0, queueable: true,
    summary: '第一次办社保卡，或者给新生儿办社保卡。卡做好后可以邮寄到家或到银行网点领。',
    who: '在本市参保的人员，未成年人由监护人办理。',
    timeLimit: '10个工作日', legalBasis: '《社会保障卡管理办法》',
    materials: ['居民身份证|1|刷卡即可|1', '近期免冠照片|1|本机可以现场拍照|0'],
    fields: ['领取方式|select|邮寄到家/银行网点领取'], address: true,
  },
  {
    name: '失业保险金申领', department: '人社局', type: 'JF', category: '就业服务', output: 'receipt', feeFen: 0, queueable: true,
    summary: '没了工作、以前交过一年以上失业保险的人，可以申请每月领失业金，同时享受免费培训。',
    who: '非本人意愿中断就业、失业保险缴费满1年、已办理失业登记并有求职要求的人员。',
    timeLimit: '10个工作日', legalBasis: '《失业保险条例》第十四条',
    materials: ['居民身份证|1|刷卡即可|1', '解除劳动关系证明|1|单位开的离职证明|0', '银行卡（一类账户）|1|用来发失业金|0'],
    fields: ['原工作单位|text', '离职日期|date', '银行账号|number'], address: true,
  },
  {
    name: '社会保险参保缴费证明打印', department: '人社局', type: 'GG', category: '证明开具', output: 'certificate', feeFen: 0, queueable: false,
    summary: '买房、落户、孩子上学常常要社保缴费证明，在这里当场打印，带防伪二维码。',
    who: '在本市参加社会保险的人，本人刷身份证打印。',
    timeLimit: '当场打印', legalBasis: '《中华人民共和国社会保险法》第七十四条',
    materials: ['居民身份证|1|刷卡即可|1'], fields: ['证明类型|select|养老保险/医疗保险/全部险种'], address: false,
  },
  {
    name: '丧葬补助金和抚恤金申领', department: '人社局', type: 'JF', category: '社会保险', output: 'receipt', feeFen: 0, queueable: true,
    summary: '参保人去世后，家属可以领取丧葬补助金和抚恤金，并办理养老保险账户余额继承。',
    who: '参加基本养老保险的人员去世后，其直系亲属或法定继承人。',
    timeLimit: '15个工作日', legalBasis: '《中华人民共和国社会保险法》第十七条',
    materials: ['居民身份证|1|办事家属本人的身份证|1', '死亡医学证明|1|医院或派出所开具|1', '亲属关系证明|1|户口簿或派出所证明|0', '银行卡（一类账户）|1|领款家属本人的|0'],
    fields: ['逝者姓名|text', '逝者身份证号|text', '与逝者关系|select|配偶/子女/父母/其他', '银行账号|number'], address: true,
  },
  {
    name: '出生医学证明', department: '卫健委', type: 'QR', category: '妇幼健康', output: 'receipt', feeFen: 0, queueable: true,
    summary: '孩子出生后办理《出生医学证明》，这是孩子的第一份证件，落户口、办医保都要用。',
    who: '在本市医院出生的新生儿的父母，或其他监护人。',
    timeLimit: '3个工作日', legalBasis: '《中华人民共和国母婴保健法》第二十三条',
    materials: ['父母双方居民身份证|1|刷卡即可|1', '住院分娩记录|1|医院已有记录的不用带|1', '结婚证|0|有就带，没有也能办|1'],
    fields: ['新生儿姓名|text', '出生日期|date', '出生医院|text', '母亲姓名|text', '父亲姓名|text'], address: true,
  },
  {
    name: '新生儿落户', department: '公安局', type: 'QR', category: '户籍管理', output: 'receipt', feeFen: 0, queueable: true,
    summary: '给刚出生的孩子上户口。有了户口才能办医保、社保卡和以后上学。',
    who: '新生儿的父亲或母亲，一般在孩子出生后一个月内办理。',
    timeLimit: '3个工作日', legalBasis: '《中华人民共和国户口登记条例》第七条',
    materials: ['父母双方居民身份证|1|刷卡即可|1', '出生医学证明|1|已经电子化的不用带原件|1', '户口簿|1|随父或随母落户的户口簿|0', '结婚证|0|有就带|1'],
    fields: ['新生儿姓名|text', '出生日期|date', '与户主关系|select|子/女/孙子/孙女/其他', '随父或随母落户|select|随父/随母'], address: true,
  },
  {
    name: '居住证办理', department: '公安局', type: 'GG', category: '居住证', output: 'receipt', feeFen: 0, queueable: true,
    summary: '外地户口在本市住满半年，并且有工作、住所或在读书的，可以办居住证，孩子上学、看病、办证都方便。',
    who: '离开户口所在地、在本市居住满半年，并有合法稳定就业、住所或连续就读之一的人。',
    timeLimit: '15个工作日', legalBasis: '《居住证暂行条例》第二条',
    materials: ['居民身份证|1|刷卡即可|1', '居住证明|1|房产证、租房合同或单位宿舍证明，任选一样|0', '近期免冠照片|1|本机可以现场拍照|0'],
    fields: ['现居住地址|text', '居住原因|select|就业/就学/投亲/其他', '领取方式|select|窗口领取/邮寄到家'], address: true, delegable: false,
  },
  {
    name: '无犯罪记录证明', department: '公安局', type: 'GG', category: '治安管理', output: 'certificate', feeFen: 0, queueable: false,
    summary: '找工作、出国、考证有时需要无犯罪记录证明，在这里申请后当场打印，带核验二维码。',
    who: '本市户籍人员，或在本市居住过的人员；本人申请。',
    timeLimit: '当场出具（需人工核查的3个工作日）', legalBasis: '《公安部关于印发〈公安机关办理犯罪记录查询工作规定〉的通知》（公通字〔2021〕19号）',
    materials: ['居民身份证|1|刷卡即可|1'], fields: ['用途|select|就业/出国（境）/考试报名/其他'], address: false, delegable: false,
  },
  {
    name: '居民身份证换领', department: '公安局', type: 'XK', category: '身份证件', output: 'receipt', feeFen: 2000, queueable: false,
    summary: '身份证快到期或已经过期，在这里申请换新证，工本费20元，可以选择邮寄到家。',
    who: '本市户籍居民，身份证有效期满前三个月内或已经过期的。',
    timeLimit: '20个工作日', legalBasis: '《中华人民共和国居民身份证法》第十一条',
    materials: ['旧居民身份证|1|要交回旧证|0', '近期免冠照片|1|本机可以现场拍照|0'],
    fields: ['领取方式|select|窗口领取/邮寄到家'], address: true, delegable: false,
  },
  {
    name: '死亡户口注销', department: '公安局', type: 'QR', category: '户籍管理', output: 'receipt', feeFen: 0, queueable: true,
    summary: '家里有人去世，家属来注销户口。注销后会把信息推送给社保、医保等部门。',
    who: '逝者的家属，或者户主。',
    timeLimit: '当场受理，1个工作日办结', legalBasis: '《中华人民共和国户口登记条例》第八条',
    materials: ['办事人居民身份证|1|刷卡即可|1', '死亡医学证明|1|医院开具的|1', '逝者户口簿|1|要带原件|0'],
    fields: ['逝者姓名|text', '逝者身份证号|text', '与逝者关系|select|配偶/子女/父母/其他'], address: false,
  },
  {
    name: '医保异地就医备案', department: '医保局', type: 'GG', category: '异地就医', output: 'receipt', feeFen: 0, queueable: true,
    summary: '去外地看病、长期住在外地或跟子女生活，先在这里备个案，看病时医保能直接结算，不用先垫钱。',
    who: '在本市参加基本医疗保险、需要到外地长期居住或临时就医的人。',
    timeLimit: '当场办结', legalBasis: '《国家医保局 财政部关于进一步做好基本医疗保险跨省异地就医直接结算工作的通知》（医保发〔2022〕22号）',
    materials: ['居民身份证|1|刷卡即可|1', '医保电子凭证|0|有就用，没有刷身份证也行|1'],
    fields: ['就医地（省市）|text', '备案类型|select|异地长期居住/临时外出就医/转诊转院', '开始日期|date'], address: false,
  },
  {
    name: '新生儿医保参保登记', department: '医保局', type: 'QR', category: '参保登记', output: 'receipt', feeFen: 0, queueable: true,
    summary: '给刚出生的孩子办医保，出生三个月内参保，从出生起看病就能报销。',
    who: '新生儿的父母或监护人，孩子已经落户或办了出生医学证明。',
    timeLimit: '当场办结', legalBasis: '《国务院关于整合城乡居民基本医疗保险制度的意见》（国发〔2016〕3号）',
    materials: ['监护人居民身份证|1|刷卡即可|1', '出生医学证明|1|已电子化的不用带|1'],
    fields: ['新生儿姓名|text', '出生日期|date'], address: true,
  },
  {
    name: '医保参保证明打印', department: '医保局', type: 'GG', category: '医保账户', output: 'certificate', feeFen: 0, queueable: false,
    summary: '需要证明自己参加了医保时，在这里当场打印参保证明，带防伪二维码。',
    who: '在本市参加医保的人，本人刷身份证打印。',
    timeLimit: '当场打印', legalBasis: '《中华人民共和国社会保险法》第七十四条',
    materials: ['居民身份证|1|刷卡即可|1'], fields: [], address: false,
  },
  {
    name: '退休人员医保待遇核定', department: '医保局', type: 'QR', category: '待遇支付', output: 'receipt', feeFen: 0, queueable: true,
    summary: '办了退休以后，核定退休后的医保待遇：医保交够年限的，退休后不用再交医保费。',
    who: '已经办理退休手续的职工医保参保人。',
    timeLimit: '5个工作日', legalBasis: '《中华人民共和国社会保险法》第二十七条',
    materials: ['居民身份证|1|刷卡即可|1', '退休审批表|1|人社部门已共享的不用带|1'], fields: [], address: false,
  },
  {
    name: '残疾人证办理', department: '残联', type: 'QR', category: '残疾人证', output: 'receipt', feeFen: 0, queueable: true,
    summary: '第一次办残疾人证：先在这里申请，再到指定医院评残，评定后证件可以邮寄到家。',
    who: '本市户籍、符合残疾标准的人，本人或监护人办理。',
    timeLimit: '评残后20个工作日', legalBasis: '《中华人民共和国残疾人保障法》；《中华人民共和国残疾人证管理办法》',
    materials: ['居民身份证|1|刷卡即可|1', '户口簿|1|要带原件|0', '近期二寸免冠照片|1|本机可以现场拍照|0'],
    fields: ['残疾类别|select|视力/听力/言语/肢体/智力/精神/多重', '监护人姓名|text', '领取方式|select|窗口领取/邮寄到家'], address: true,
  },
  {
    name: '最低生活保障申请', department: '民政局', type: 'JF', category: '社会救助', output: 'receipt', feeFen: 0, queueable: true,
    summary: '家里收入太低、生活困难的，可以申请低保，每月领补助，看病、上学也有照顾。',
    who: '本市户籍，家庭人均收入低于当地低保标准，财产状况也符合规定的家庭。',
    timeLimit: '30个工作日', legalBasis: '《社会救助暂行办法》第九条',
    materials: ['居民身份证|1|刷卡即可|1', '户口簿|1|全家的|0', '家庭收入证明|1|没有固定收入的写个说明|0'],
    fields: ['家庭人口数|number', '家庭月收入（元）|number', '困难原因|select|因病/因残/因灾/缺少劳动力/其他'], address: true,
  },
  {
    name: '高龄津贴申请', department: '民政局', type: 'JF', category: '老年人福利', output: 'receipt', feeFen: 0, queueable: true,
    summary: '80岁以上的老人可以每月领高龄津贴，年龄越大领得越多，钱直接打到银行卡。',
    who: '本市户籍、年满80周岁的老年人，本人或子女代办。',
    timeLimit: '20个工作日', legalBasis: '《中华人民共和国老年人权益保障法》第三十三条',
    materials: ['老人居民身份证|1|刷卡即可|1', '银行卡|1|老人本人的|0'], fields: ['银行账号|number'], address: true,
  },
  {
    name: '惠民殡葬补贴申领', department: '民政局', type: 'JF', category: '殡葬服务', output: 'receipt', feeFen: 0, queueable: true,
    summary: '本市户籍居民去世后火化的，家属可以申请基本殡葬服务费用补贴。',
    who: '逝者为本市户籍居民，由其家属申请。',
    timeLimit: '10个工作日', legalBasis: '《殡葬管理条例》；本市惠民殡葬政策',
    materials: ['办事人居民身份证|1|刷卡即可|1', '火化证明|1|殡仪馆开具|0', '银行卡|1|领款家属本人的|0'],
    fields: ['逝者姓名|text', '逝者身份证号|text', '银行账号|number'], address: false,
  },
  {
    name: '困难残疾人生活补贴申请', department: '残联', type: 'JF', category: '两项补贴', output: 'receipt', feeFen: 0, queueable: true,
    summary: '低保家庭里的残疾人可以申请生活补贴，每月发放。',
    who: '持有残疾人证、家庭为低保或低保边缘家庭的残疾人。',
    timeLimit: '20个工作日', legalBasis: '《国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》（国发〔2015〕52号）',
    materials: ['居民身份证|1|刷卡即可|1', '残疾人证|1|已电子化的不用带|1'], fields: ['银行账号|number'], address: true,
  },
  {
    name: '重度残疾人护理补贴申请', department: '残联', type: 'JF', category: '两项补贴', output: 'receipt', feeFen: 0, queueable: true,
    summary: '一级、二级残疾需要长期照护的，可以申请护理补贴，每月发放。',
    who: '残疾等级为一级、二级且需要长期照护的重度残疾人。',
    timeLimit: '20个工作日', legalBasis: '《国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》（国发〔2015〕52号）',
    materials: ['居民身份证|1|刷卡即可|1', '残疾人证|1|已电子化的不用带|1'], fields: ['银行账号|number'], address: true,
  },
  {
    name: '预防接种证办理', department: '卫健委', type: 'GG', category: '妇幼健康', output: 'receipt', feeFen: 0, queueable: true,
    summary: '孩子出生后办预防接种证，按时打疫苗；上幼儿园、上小学都要查验。',
    who: '儿童的父母或监护人。',
    timeLimit: '当场办结', legalBasis: '《中华人民共和国疫苗管理法》第四十七条',
    materials: ['监护人居民身份证|1|刷卡即可|1', '出生医学证明|1|已电子化的不用带|1'],
    fields: ['儿童姓名|text', '出生日期|date'], address: true,
  },
  {
    name: '死亡医学证明', department: '卫健委', type: 'QR', category: '医政管理', output: 'receipt', feeFen: 0, queueable: true,
    summary: '在家中去世的，家属申请开具死亡医学证明，办后事和注销户口都要用。',
    who: '逝者的家属。',
    timeLimit: '1个工作日', legalBasis: '《人口死亡信息登记管理规定（试行）》',
    materials: ['办事人居民身份证|1|刷卡即可|1', '逝者居民身份证或户口簿|1|要带原件|0'],
    fields: ['逝者姓名|text', '逝者身份证号|text', '死亡日期|date'], address: false,
  },
  {
    name: '企业设立登记', department: '市场监管局', type: 'QR', category: '市场主体登记', output: 'receipt', feeFen: 0, queueable: true,
    summary: '开公司第一步：登记领营业执照。名称、地址、经营范围一次填好，最快1天拿照。',
    who: '准备开办企业的投资人或其委托的代理人。',
    timeLimit: '1个工作日', legalBasis: '《中华人民共和国市场主体登记管理条例》第三条',
    materials: ['投资人居民身份证|1|刷卡即可|1', '经营场所使用证明|1|房产证或租房合同|0', '公司章程|1|可以用本机的范本|0'],
    fields: ['企业名称|text', '经营场所|text', '经营范围|text', '注册资本（万元）|number'], address: true,
  },
  {
    name: '公章刻制备案', department: '公安局', type: 'QT', category: '治安管理', output: 'receipt', feeFen: 0, queueable: true,
    summary: '新开办企业刻公章，在这里选刻章店并备案，费用由政府承担。',
    who: '新开办的企业。',
    timeLimit: '1个工作日', legalBasis: '《印铸刻字业暂行管理规则》',
    materials: ['营业执照|1|已电子化的不用带|1', '法定代表人居民身份证|1|刷卡即可|1'],
    fields: ['企业名称|text', '统一社会信用代码|text'], address: false,
  },
  {
    name: '新办纳税人套餐', department: '税务局', type: 'QT', category: '综合事项', output: 'receipt', feeFen: 0, queueable: true,
    summary: '新开的企业和个体户一次办好税务信息确认、发票领用等涉税事项。',
    who: '新登记的企业和个体工商户。',
    timeLimit: '当场办结', legalBasis: '《中华人民共和国税收征收管理法》第十五条',
    materials: ['营业执照|1|已电子化的不用带|1', '经办人居民身份证|1|刷卡即可|1'],
    fields: ['纳税人名称|text', '统一社会信用代码|text'], address: false,
  },
  {
    name: '企业职工参保登记', department: '人社局', type: 'QR', category: '社会保险', output: 'receipt', feeFen: 0, queueable: true,
    summary: '新开办的企业给员工办社保登记。',
    who: '新开办的企业。',
    timeLimit: '当场办结', legalBasis: '《中华人民共和国社会保险法》第五十七条',
    materials: ['营业执照|1|已电子化的不用带|1'], fields: ['企业名称|text', '职工人数|number'], address: false,
  },
  {
    name: '住房公积金单位缴存登记', department: '公积金中心', type: 'GG', category: '缴存', output: 'receipt', feeFen: 0, queueable: true,
    summary: '新开办的企业开立住房公积金单位账户。',
    who: '新开办的企业。',
    timeLimit: '1个工作日', legalBasis: '《住房公积金管理条例》第十四条',
    materials: ['营业执照|1|已电子化的不用带|1'], fields: ['企业名称|text', '统一社会信用代码|text'], address: false,
  },
  {
    name: '住房公积金退休提取', department: '公积金中心', type: 'JF', category: '提取', output: 'receipt', feeFen: 0, queueable: true,
    summary: '退休了，可以把住房公积金账户里的钱全部取出来，打到本人银行卡。',
    who: '已经办理退休手续的公积金缴存职工。',
    timeLimit: '3个工作日', legalBasis: '《住房公积金管理条例》第二十四条',
    materials: ['居民身份证|1|刷卡即可|1', '退休证明|1|人社部门已共享的不用带|1', '银行卡|1|本人的|0'],
    fields: ['银行账号|number'], address: false,
  },
  {
    name: '住房公积金查询', department: '公积金中心', type: 'GG', category: '查询', output: 'receipt', feeFen: 0, queueable: false,
    summary: '查一查自己住房公积金账户的余额和每月缴存情况，可以打印明细。',
    who: '在本市缴存住房公积金的职工。',
    timeLimit: '当场查询', legalBasis: '《住房公积金管理条例》第二十六条',
    materials: ['居民身份证|1|刷卡即可|1'], fields: [], address: false, kind: 'query',
  },
  {
    name: '义务教育入学报名', department: '教育局', type: 'GG', category: '招生入学', output: 'receipt', feeFen: 0, queueable: true,
    summary: '孩子要上小学一年级或初中一年级，家长在这里报名，录取结果会用短信通知。',
    who: '适龄儿童少年的父母或其他监护人。',
    timeLimit: '按当年招生时间表', legalBasis: '《中华人民共和国义务教育法》第十二条',
    materials: ['监护人居民身份证|1|刷卡即可|1', '户口簿|1|孩子所在的户口簿|1', '房屋产权证明或租房合同|1|任选一样|0'],
    fields: ['学生姓名|text', '学生身份证号|text', '报名学段|select|小学一年级/初中一年级'], address: true,
  },
  {
    name: '户籍证明开具', department: '公安局', type: 'GG', category: '户籍管理', output: 'certificate', feeFen: 0, queueable: false,
    summary: '需要证明户口信息、亲属关系时，在这里开具户籍证明，当场打印，带核验二维码。',
    who: '本市户籍居民，本人申请。',
    timeLimit: '当场出具', legalBasis: '《中华人民共和国户口登记条例》',
    materials: ['居民身份证|1|刷卡即可|1'], fields: ['证明用途|select|入学/就业/办理社保/其他'], address: false,
  },
  {
    name: '学生资助申请', department: '教育局', type: 'JF', category: '学生资助', output: 'receipt', feeFen: 0, queueable: true,
    summary: '家庭经济困难的学生可以申请生活补助，不用交钱。',
    who: '在本市就读、家庭经济困难的学生，由家长申请。',
    timeLimit: '按学期审核', legalBasis: '《学生资助资金管理办法》',
    materials: ['监护人居民身份证|1|刷卡即可|1', '家庭经济困难情况说明|1|村（社区）可以帮忙出具|0'],
    fields: ['学生姓名|text', '就读学校|text'], address: true,
  },
  {
    name: '失业登记', department: '人社局', type: 'GG', category: '就业服务', output: 'receipt', feeFen: 0, queueable: true,
    summary: '没工作、想找工作的，先做失业登记，可以享受免费职业介绍、培训和补贴。',
    who: '法定劳动年龄内、有劳动能力、有就业要求、处于无业状态的人。',
    timeLimit: '当场办结', legalBasis: '《中华人民共和国就业促进法》；《就业服务与就业管理规定》第六十三条',
    materials: ['居民身份证|1|刷卡即可|1'], fields: ['求职意向|text'], address: true,
  },
  {
    name: '城乡居民养老保险费缴纳', department: '税务局', type: 'ZS', category: '社保费缴纳', output: 'receipt', feeFen: 20000, queueable: false,
    summary: '交城乡居民养老保险费，按年交，本机可以扫码支付，交了马上到账。',
    who: '已参加城乡居民养老保险的人，家人也可以代交。',
    timeLimit: '当场办结', legalBasis: '《中华人民共和国社会保险法》第六十条',
    materials: ['参保人居民身份证|1|刷卡即可|1'], fields: ['缴费档次（元/年）|select|200/300/500/800/1000/2000/3000'], address: false,
  },
];

/** Life-event bundles ("一件事"): id, name and the well-known item names they contain. */
export const LIFE_EVENT_SPECS: { id: string; name: string; items: string[] }[] = [
  { id: 'newborn', name: '新生儿出生一件事', items: ['出生医学证明', '新生儿落户', '新生儿医保参保登记', '预防接种证办理', '社会保障卡申领'] },
  { id: 'retirement', name: '退休一件事', items: ['退休申请', '退休人员医保待遇核定', '住房公积金退休提取', '社保查询'] },
  { id: 'after-death', name: '身后一件事', items: ['死亡医学证明', '死亡户口注销', '丧葬补助金和抚恤金申领', '惠民殡葬补贴申领'] },
  { id: 'business-start', name: '企业开办一件事', items: ['企业设立登记', '公章刻制备案', '新办纳税人套餐', '企业职工参保登记', '住房公积金单位缴存登记'] },
  { id: 'school-entry', name: '入学一件事', items: ['义务教育入学报名', '户籍证明开具', '居住证办理', '预防接种证办理', '学生资助申请'] },
  { id: 'disability', name: '残疾人服务一件事', items: ['残疾人证办理', '困难残疾人生活补贴申请', '重度残疾人护理补贴申请'] },
  { id: 'job-loss', name: '失业一件事', items: ['失业登记', '失业保险金申领', '社保查询'] },
  { id: 'resident-insurance', name: '城乡居民参保一件事', items: ['城乡居民养老保险参保登记', '城乡居民养老保险费缴纳', '社会保障卡申领'] },
];
