import type { UnitKind } from '@/lib/rules/enums';

// Reference data of Jilin City. Districts, the county and county-level cities carry their
// administrative division codes (DOMAIN.md); zones and departments carry internal codes.

export const UNITS: Array<{ name: string; code: string; kind: UnitKind }> = [
  { name: '昌邑区', code: '220202', kind: 'district' },
  { name: '龙潭区', code: '220203', kind: 'district' },
  { name: '船营区', code: '220204', kind: 'district' },
  { name: '丰满区', code: '220211', kind: 'district' },
  { name: '永吉县', code: '220221', kind: 'county' },
  { name: '蛟河市', code: '220281', kind: 'city' },
  { name: '桦甸市', code: '220282', kind: 'city' },
  { name: '舒兰市', code: '220283', kind: 'city' },
  { name: '磐石市', code: '220284', kind: 'city' },
  { name: '吉林高新区', code: 'KFQ-GX', kind: 'zone' },
  { name: '吉林经开区', code: 'KFQ-JK', kind: 'zone' },
  { name: '中新吉林食品区', code: 'KFQ-ZX', kind: 'zone' },
  { name: '北大湖开发区', code: 'KFQ-BDH', kind: 'zone' },
  { name: '吉林化工园区', code: 'KFQ-HG', kind: 'zone' },
  { name: '市发改委', code: 'BM-FGW', kind: 'department' },
  { name: '市商务局', code: 'BM-SWJ', kind: 'department' },
  { name: '市工信局', code: 'BM-GXJ', kind: 'department' },
  { name: '市住建局', code: 'BM-ZJJ', kind: 'department' },
  { name: '市自然资源局', code: 'BM-ZRZY', kind: 'department' },
  { name: '市生态环境局', code: 'BM-STHJ', kind: 'department' },
  { name: '市交通运输局', code: 'BM-JTYS', kind: 'department' },
  { name: '市财政局', code: 'BM-CZJ', kind: 'department' },
];

export const INDUSTRIES = [
  '化工',
  '汽车',
  '冶金',
  '农产品加工',
  '碳纤维及新材料',
  '医药健康',
  '旅游（冰雪、温泉）',
  '通用航空',
  '电子信息',
  '现代服务业',
  '现代农业',
];

/** 2018 targets from the government work report, in 万元 where money. */
export const TARGETS_2018 = {
  year: 2018,
  startedTarget: 135,
  investmentTarget: 2_200_000,
  cityWorksTarget: 100,
  cityWorksInvestmentTarget: 1_000_000,
  reserveTarget: 1400,
  signedTarget: 200,
  landedTarget: 150,
  note: '2018年政府工作报告：开工"双十"子项目135项、完成投资220亿元；新建续建城建重点工程100项、计划投资100亿元；储备重点项目1400个。',
};

export const DEMO_PASSWORD = 'demo2018';

export const DEMO_ACCOUNTS = [
  { username: 'admin', name: '系统管理员', role: 'admin', unit: '市发改委', team: null },
  { username: 'leader', name: '王建国', role: 'leader', unit: null, team: null },
  { username: 'officer', name: '李明', role: 'officer', unit: '昌邑区', team: null },
  { username: 'officer2', name: '赵丽', role: 'officer', unit: '船营区', team: null },
  { username: 'investment', name: '陈晓峰', role: 'investment', unit: '市商务局', team: '招商一组' },
] as const;

/** Further users so that projects have varied leaders and officers; they share the demo password. */
export const EXTRA_USERS = [
  { username: 'leader_liu', name: '刘志强', role: 'leader', unit: null, team: null },
  { username: 'leader_sun', name: '孙海燕', role: 'leader', unit: null, team: null },
  { username: 'leader_zhou', name: '周文博', role: 'leader', unit: null, team: null },
  { username: 'officer_lt', name: '吴刚', role: 'officer', unit: '龙潭区', team: null },
  { username: 'officer_fm', name: '郑雪', role: 'officer', unit: '丰满区', team: null },
  { username: 'officer_yj', name: '冯涛', role: 'officer', unit: '永吉县', team: null },
  { username: 'officer_jh', name: '韩冰', role: 'officer', unit: '蛟河市', team: null },
  { username: 'officer_hd', name: '曹阳', role: 'officer', unit: '桦甸市', team: null },
  { username: 'officer_sl', name: '许静', role: 'officer', unit: '舒兰市', team: null },
  { username: 'officer_ps', name: '邓超', role: 'officer', unit: '磐石市', team: null },
  { username: 'officer_gx', name: '彭飞', role: 'officer', unit: '吉林高新区', team: null },
  { username: 'officer_jk', name: '蒋敏', role: 'officer', unit: '吉林经开区', team: null },
  { username: 'officer_zx', name: '沈洁', role: 'officer', unit: '中新吉林食品区', team: null },
  { username: 'officer_bdh', name: '杨帆', role: 'officer', unit: '北大湖开发区', team: null },
  { username: 'officer_hg', name: '何磊', role: 'officer', unit: '吉林化工园区', team: null },
  { username: 'investment2', name: '罗佳', role: 'investment', unit: '市商务局', team: '招商一组' },
  { username: 'investment3', name: '高远', role: 'investment', unit: '市商务局', team: '招商二组' },
] as const;

export const CAMPAIGNS = [
  { name: '2026招商季·北京', destinations: '北京', days: [-200, -190] },
  { name: '2026招商季·珠三角', destinations: '深圳、广州、东莞', days: [-170, -160] },
  { name: '浙江对口合作', destinations: '杭州、宁波、温州', days: [-300, 60] },
  { name: '2026招商季·德国', destinations: '法兰克福、慕尼黑', days: [-120, -110] },
  { name: '2026招商季·日本', destinations: '东京、大阪', days: [-90, -82] },
  { name: '2026招商季·新加坡', destinations: '新加坡', days: [-60, -55] },
] as const;

/**
 * Project names in the style of the report, with the unit and industry they belong to.
 * The first five are named in the 2018 report.
 */
export const PROJECT_NAMES: Array<[string, string, string]> = [
  ['吉林碳谷4万吨碳纤维原丝项目', '吉林化工园区', '碳纤维及新材料'],
  ['北大壶冰雪体育旅游产业升级改造项目', '北大湖开发区', '旅游（冰雪、温泉）'],
  ['圣德温泉小镇', '船营区', '旅游（冰雪、温泉）'],
  ['燃料乙醇生产基地', '吉林经开区', '化工'],
  ['万丰工业园二期', '吉林高新区', '通用航空'],
  ['吉化转型升级丙烯腈扩能项目', '吉林化工园区', '化工'],
  ['化纤集团1.5万吨碳纤维项目', '吉林经开区', '碳纤维及新材料'],
  ['一汽吉林新能源乘用车改造项目', '吉林高新区', '汽车'],
  ['中新食品区肉牛全产业链项目', '中新吉林食品区', '农产品加工'],
  ['建龙钢铁绿色智能化改造项目', '龙潭区', '冶金'],
  ['吉林松花湖国际度假区四期', '丰满区', '旅游（冰雪、温泉）'],
  ['万达长白山冰雪小镇配套工程', '蛟河市', '旅游（冰雪、温泉）'],
  ['通用航空产业园航空器维修基地', '吉林高新区', '通用航空'],
  ['吉林市中心医院新院区', '昌邑区', '医药健康'],
  ['吴太感康药业新厂区', '龙潭区', '医药健康'],
  ['修正药业吉林产业园', '船营区', '医药健康'],
  ['磐石市镍业深加工项目', '磐石市', '冶金'],
  ['桦甸市黄金冶炼技改项目', '桦甸市', '冶金'],
  ['舒兰市百万亩优质水稻基地', '舒兰市', '现代农业'],
  ['永吉县万昌米业精深加工项目', '永吉县', '农产品加工'],
  ['蛟河市山葡萄酒庄集群', '蛟河市', '农产品加工'],
  ['吉林东北亚大数据中心', '吉林高新区', '电子信息'],
  ['吉林市智慧城市一期工程', '市发改委', '电子信息'],
  ['吉林市城市轨道快速公交系统', '市交通运输局', '现代服务业'],
  ['松花江吉林市区段生态治理工程', '市生态环境局', '现代服务业'],
  ['吉林市老旧小区改造工程', '市住建局', '现代服务业'],
  ['吉林站综合交通枢纽改造', '船营区', '现代服务业'],
  ['昌邑区东北亚商贸物流园', '昌邑区', '现代服务业'],
  ['龙潭区化工新材料产业园标准厂房', '龙潭区', '碳纤维及新材料'],
  ['丰满区旅游集散中心', '丰满区', '旅游（冰雪、温泉）'],
  ['吉林经开区精细化工园', '吉林经开区', '化工'],
  ['碳纤维复合材料汽车零部件项目', '吉林高新区', '碳纤维及新材料'],
  ['吉林石化120万吨乙烯改造项目', '吉林化工园区', '化工'],
  ['中车吉林轨道车辆配套产业园', '龙潭区', '汽车'],
  ['吉林市冷链物流中心', '中新吉林食品区', '现代服务业'],
  ['磐石市经开区医药健康产业园', '磐石市', '医药健康'],
  ['桦甸市红石湖生态旅游项目', '桦甸市', '旅游（冰雪、温泉）'],
  ['舒兰市林下参种植与加工基地', '舒兰市', '现代农业'],
  ['永吉县岔路河温泉度假区', '永吉县', '旅游（冰雪、温泉）'],
  ['蛟河市拉法山国家森林公园提升工程', '蛟河市', '旅游（冰雪、温泉）'],
  ['吉林市北山公园改造提升工程', '船营区', '旅游（冰雪、温泉）'],
  ['昌邑区智能制造产业园', '昌邑区', '电子信息'],
  ['吉林市新能源汽车动力电池项目', '吉林经开区', '汽车'],
  ['吉林化纤腈纶差别化纤维项目', '吉林经开区', '碳纤维及新材料'],
  ['吉林市第二水源工程', '市住建局', '现代服务业'],
  ['吉林市生活垃圾焚烧发电项目', '市生态环境局', '现代服务业'],
  ['吉林市集中供热管网改造', '市住建局', '现代服务业'],
  ['吉林长白山国际冰雪装备产业园', '北大湖开发区', '旅游（冰雪、温泉）'],
  ['吉林市农产品电商物流园', '中新吉林食品区', '现代服务业'],
  ['吉林市人参产业化示范项目', '桦甸市', '医药健康'],
];

export const PHASES = ['', '二期', '三期', '扩建'];

/** Leads: investor companies by origin and industry. */
export const LEAD_COMPANIES: Array<[string, string, string]> = [
  ['中关村科技园区发展有限公司', '北京', '电子信息'],
  ['北京首创环保集团', '北京', '现代服务业'],
  ['中国通用技术（集团）控股有限责任公司', '北京', '医药健康'],
  ['北汽新能源汽车股份有限公司', '北京', '汽车'],
  ['京东物流集团', '北京', '现代服务业'],
  ['北京金隅集团', '北京', '碳纤维及新材料'],
  ['深圳比亚迪股份有限公司', '广东深圳', '汽车'],
  ['广州医药集团有限公司', '广东广州', '医药健康'],
  ['华为技术有限公司吉林代表处', '广东深圳', '电子信息'],
  ['东莞松山湖材料实验室产业公司', '广东东莞', '碳纤维及新材料'],
  ['美的集团股份有限公司', '广东佛山', '电子信息'],
  ['珠海格力电器股份有限公司', '广东珠海', '电子信息'],
  ['深圳光启技术有限公司', '广东深圳', '碳纤维及新材料'],
  ['华侨城集团有限公司', '广东深圳', '旅游（冰雪、温泉）'],
  ['浙江吉利控股集团', '浙江杭州', '汽车'],
  ['阿里巴巴（中国）有限公司', '浙江杭州', '电子信息'],
  ['宁波均胜电子股份有限公司', '浙江宁波', '汽车'],
  ['浙江传化集团', '浙江杭州', '化工'],
  ['温州正泰集团', '浙江温州', '电子信息'],
  ['浙江万丰奥特控股集团', '浙江绍兴', '通用航空'],
  ['浙江恒逸集团', '浙江杭州', '化工'],
  ['杭州娃哈哈集团', '浙江杭州', '农产品加工'],
  ['西门子（中国）有限公司', '德国', '电子信息'],
  ['巴斯夫（中国）有限公司', '德国', '化工'],
  ['大众汽车集团（中国）', '德国', '汽车'],
  ['博世（中国）投资有限公司', '德国', '汽车'],
  ['拜耳医药保健有限公司', '德国', '医药健康'],
  ['西格里碳素集团', '德国', '碳纤维及新材料'],
  ['东丽株式会社', '日本', '碳纤维及新材料'],
  ['丰田通商株式会社', '日本', '汽车'],
  ['三菱化学控股', '日本', '化工'],
  ['永旺梦乐城（中国）', '日本', '现代服务业'],
  ['日本久保田农业机械', '日本', '现代农业'],
  ['星野集团', '日本', '旅游（冰雪、温泉）'],
  ['凯德集团', '新加坡', '现代服务业'],
  ['丰益国际（益海嘉里）', '新加坡', '农产品加工'],
  ['新加坡胜科工业', '新加坡', '化工'],
  ['新加坡淡马锡控股', '新加坡', '现代服务业'],
  ['吉祥航空通航公司', '上海', '通用航空'],
  ['上海医药集团股份有限公司', '上海', '医药健康'],
  ['中粮集团有限公司', '北京', '农产品加工'],
  ['复星国际有限公司', '上海', '旅游（冰雪、温泉）'],
  ['江苏恒神股份有限公司', '江苏镇江', '碳纤维及新材料'],
  ['山东魏桥创业集团', '山东滨州', '冶金'],
  ['万向集团公司', '浙江杭州', '汽车'],
  ['深圳迈瑞生物医疗电子', '广东深圳', '医药健康'],
  ['大连万达集团', '辽宁大连', '旅游（冰雪、温泉）'],
  ['中国中车股份有限公司', '北京', '汽车'],
  ['TCL科技集团', '广东惠州', '电子信息'],
  ['蒙牛乳业', '内蒙古呼和浩特', '农产品加工'],
  ['正大集团（中国区）', '泰国', '现代农业'],
  ['鞍钢集团', '辽宁鞍山', '冶金'],
  ['隆基绿能科技股份有限公司', '陕西西安', '电子信息'],
  ['宁德时代新能源科技', '福建宁德', '汽车'],
  ['亿纬锂能股份有限公司', '广东惠州', '汽车'],
  ['中国建材集团', '北京', '碳纤维及新材料'],
  ['杭州海康威视数字技术', '浙江杭州', '电子信息'],
  ['浙江新和成股份有限公司', '浙江绍兴', '医药健康'],
  ['广东温氏食品集团', '广东云浮', '现代农业'],
  ['德国林德集团', '德国', '化工'],
];

/**
 * 产业链 seeded from the report (碳纤维 downstream, the chemical chain, 汽车): industry → chain → links,
 * upstream first. Migration 0005 inserts the same rows into existing deployments.
 */
export const INDUSTRY_CHAINS: Array<{ industry: string; name: string; links: string[] }> = [
  { industry: '碳纤维及新材料', name: '碳纤维产业链', links: ['原丝', '碳丝', '复合材料', '下游制品'] },
  { industry: '化工', name: '化工产业链', links: ['石油炼化', '基础化工原料', '精细化工', '化工新材料'] },
  { industry: '汽车', name: '汽车产业链', links: ['汽车零部件', '汽车电子', '整车制造', '汽车后市场'] },
];
