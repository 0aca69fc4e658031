import { eq } from 'drizzle-orm';
import { packageProjects, packages, projectAdjustments, projects } from '../schema';
import { addDaysIso } from '@/lib/rules/dates';
import type { Category, Stage } from '@/lib/rules/enums';
import { demoTimestamp as ts, prng, type DemoContext } from './demo-context';
import { seedExtraDemoProject, type SeededDemoProject } from './demo-projects';

// The year's 双十 工程包 (DOMAIN.md "Second part"): ten packages of Jilin City, each with a lead unit
// and a 包保 leader, holding the demo projects drawn as 双十 candidates plus about a hundred
// sub-projects of their own, seeded through the same pipeline as every demo project (history,
// plans, 前期手续, tasks, reports), so they have lights and figures. Seeded after everything else
// with a PRNG of its own, so no other draw of the demo moves. A few 调入/调出 of the year are kept
// in the adjustments log with their reasons (field `packageId`, values { id, name, year } as the app writes them).

type SubProject = [name: string, unitName: string, industryName: string];

interface DemoPackage {
  name: string;
  unit: string;
  note: string;
  /** The industries whose drawn candidates join this package. */
  industries: string[];
  /** Candidates of these units join this package whatever their industry. */
  units?: string[];
  category?: Category;
  subProjects: SubProject[];
}

export const DEMO_PACKAGES: DemoPackage[] = [
  {
    name: '石化和化工新材料工程包',
    unit: '吉林化工园区',
    note: '围绕吉化转型升级，延伸乙烯、丙烯下游精细化工和化工新材料产业链。',
    industries: ['化工'],
    subProjects: [
      ['吉林石化炼油化工转型升级项目', '吉林化工园区', '化工'],
      ['吉林化工园区ABS树脂扩能项目', '吉林化工园区', '化工'],
      ['吉林化工园区工业气体岛项目', '吉林化工园区', '化工'],
      ['龙潭区精细化工中间体项目', '龙潭区', '化工'],
      ['吉林经开区新型环保增塑剂项目', '吉林经开区', '化工'],
      ['吉林化工园区危化品公共管廊工程', '吉林化工园区', '化工'],
      ['吉林化工园区高端α-烯烃项目', '吉林化工园区', '化工'],
      ['吉林经开区生物基材料项目', '吉林经开区', '化工'],
      ['吉林化工园区污水处理厂提标改造工程', '吉林化工园区', '化工'],
    ],
  },
  {
    name: '碳纤维及复合材料工程包',
    unit: '吉林经开区',
    note: '打造"原丝—碳丝—复合材料—制品"全产业链，建设国家级碳纤维产业基地。',
    industries: ['碳纤维及新材料'],
    subProjects: [
      ['吉林化纤3万吨碳纤维原丝扩能项目', '吉林经开区', '碳纤维及新材料'],
      ['国兴碳纤维大丝束碳化线项目', '吉林经开区', '碳纤维及新材料'],
      ['吉林碳谷碳纤维复合材料产业园', '吉林化工园区', '碳纤维及新材料'],
      ['碳纤维风电叶片生产基地', '吉林经开区', '碳纤维及新材料'],
      ['碳纤维储氢气瓶项目', '吉林高新区', '碳纤维及新材料'],
      ['宝旌碳纤维织物及预浸料项目', '吉林经开区', '碳纤维及新材料'],
      ['碳纤维体育休闲用品产业园', '龙潭区', '碳纤维及新材料'],
      ['碳纤维建筑补强材料项目', '昌邑区', '碳纤维及新材料'],
      ['吉林市碳纤维检测与研发中心', '吉林高新区', '碳纤维及新材料'],
    ],
  },
  {
    name: '汽车零部件和装备制造工程包',
    unit: '吉林高新区',
    note: '依托一汽吉林和万丰通航，发展新能源汽车零部件、通用航空和高端装备。',
    industries: ['汽车', '通用航空', '冶金'],
    subProjects: [
      ['一汽吉林新能源车型生产线改造项目', '吉林高新区', '汽车'],
      ['吉林高新区汽车轻量化零部件产业园', '吉林高新区', '汽车'],
      ['吉林经开区新能源汽车电机电控项目', '吉林经开区', '汽车'],
      ['龙潭区汽车线束生产基地', '龙潭区', '汽车'],
      ['吉林高新区汽车电子产业园', '吉林高新区', '汽车'],
      ['船营区汽车座椅总成项目', '船营区', '汽车'],
      ['万丰通用航空器整机制造项目', '吉林高新区', '通用航空'],
      ['建龙钢铁汽车用钢深加工项目', '龙潭区', '冶金'],
      ['磐石市镍钴新材料项目', '磐石市', '冶金'],
      ['吉林高新区智能装备制造产业园', '吉林高新区', '汽车'],
    ],
  },
  {
    name: '冰雪旅游工程包',
    unit: '北大湖开发区',
    note: '以北大湖、松花湖为核心，建设世界级冰雪旅游度假地，带动温泉、雾凇全域旅游。',
    industries: ['旅游（冰雪、温泉）'],
    subProjects: [
      ['北大湖滑雪场雪道扩建工程', '北大湖开发区', '旅游（冰雪、温泉）'],
      ['北大湖冰雪小镇二期', '北大湖开发区', '旅游（冰雪、温泉）'],
      ['松花湖滑雪场索道更新工程', '丰满区', '旅游（冰雪、温泉）'],
      ['吉林雾凇冰雪节核心景区提升工程', '船营区', '旅游（冰雪、温泉）'],
      ['阿什哈达雾凇岛旅游基础设施项目', '龙潭区', '旅游（冰雪、温泉）'],
      ['松花湖度假区冰雪综合体', '丰满区', '旅游（冰雪、温泉）'],
      ['蛟河市庆岭冰雪温泉度假区', '蛟河市', '旅游（冰雪、温泉）'],
      ['桦甸市白山湖仙人岛旅游开发项目', '桦甸市', '旅游（冰雪、温泉）'],
      ['永吉县北大湖温泉酒店集群', '永吉县', '旅游（冰雪、温泉）'],
    ],
  },
  {
    name: '医药健康工程包',
    unit: '市工信局',
    note: '壮大现代中药、生物医药和医疗器械产业，补齐医疗卫生服务短板。',
    industries: ['医药健康'],
    subProjects: [
      ['吉林高新区生物医药产业园二期', '吉林高新区', '医药健康'],
      ['吴太感康药业现代中药制剂项目', '龙潭区', '医药健康'],
      ['修正药业医疗器械生产基地', '船营区', '医药健康'],
      ['吉林市中医院新院区', '昌邑区', '医药健康'],
      ['吉林市妇产医院综合楼', '船营区', '医药健康'],
      ['磐石市中药材加工产业园', '磐石市', '医药健康'],
      ['蛟河市林蛙油保健品深加工项目', '蛟河市', '医药健康'],
      ['桦甸市人参精深加工项目', '桦甸市', '医药健康'],
      ['永吉县医疗康养中心', '永吉县', '医药健康'],
    ],
  },
  {
    name: '现代农业和农产品加工工程包',
    unit: '中新吉林食品区',
    note: '建设国家级农产品加工示范区，发展肉牛、水稻、鲜食玉米和林下经济。',
    industries: ['现代农业', '农产品加工'],
    subProjects: [
      ['中新食品区优质生猪屠宰加工项目', '中新吉林食品区', '农产品加工'],
      ['中新食品区中央厨房产业园', '中新吉林食品区', '农产品加工'],
      ['舒兰市高标准农田建设项目', '舒兰市', '现代农业'],
      ['永吉县鲜食玉米加工项目', '永吉县', '农产品加工'],
      ['磐石市肉牛养殖基地', '磐石市', '现代农业'],
      ['蛟河市黑木耳产业园', '蛟河市', '农产品加工'],
      ['桦甸市林下经济示范园', '桦甸市', '现代农业'],
      ['舒兰市大米精深加工项目', '舒兰市', '农产品加工'],
      ['中新食品区乳制品加工项目', '中新吉林食品区', '农产品加工'],
    ],
  },
  {
    name: '现代服务业和数字经济工程包',
    unit: '市商务局',
    note: '发展现代物流、商贸会展和数字经济，建设东北亚区域性物流枢纽。',
    industries: ['现代服务业', '电子信息'],
    subProjects: [
      ['吉林市东北亚国际物流港', '昌邑区', '现代服务业'],
      ['船营区商业综合体改造提升项目', '船营区', '现代服务业'],
      ['吉林高新区软件和信息服务产业园', '吉林高新区', '电子信息'],
      ['吉林市5G网络及新型基础设施建设', '市工信局', '电子信息'],
      ['昌邑区跨境电商产业园', '昌邑区', '现代服务业'],
      ['龙潭区铁路物流园', '龙潭区', '现代服务业'],
      ['吉林市国际会展中心', '市商务局', '现代服务业'],
      ['吉林市数字政务云平台', '市发改委', '电子信息'],
      ['丰满区商贸服务中心', '丰满区', '现代服务业'],
    ],
  },
  {
    name: '城市基础设施工程包',
    unit: '市住建局',
    note: '推进老旧小区改造、管网更新和城市更新，补齐城市基础设施短板。',
    industries: [],
    units: ['市住建局', '市发改委'],
    category: 'government',
    subProjects: [
      ['吉林市2026年城镇老旧小区改造工程', '市住建局', '现代服务业'],
      ['吉林市城市地下综合管廊二期', '市住建局', '现代服务业'],
      ['吉林市燃气管网改造工程', '市住建局', '现代服务业'],
      ['吉林市江北污水处理厂扩建工程', '市住建局', '现代服务业'],
      ['吉林市城区排水防涝工程', '市住建局', '现代服务业'],
      ['船营区棚户区改造安置房项目', '船营区', '现代服务业'],
      ['吉林市松花江大桥维修加固工程', '市住建局', '现代服务业'],
      ['吉林市供水管网改造工程', '市住建局', '现代服务业'],
      ['昌邑区城市更新示范片区', '昌邑区', '现代服务业'],
    ],
  },
  {
    name: '交通基础设施工程包',
    unit: '市交通运输局',
    note: '完善高速公路、国省干线、机场和城市公交网络。',
    industries: [],
    units: ['市交通运输局'],
    category: 'government',
    subProjects: [
      ['吉林至荒岗高速公路连接线', '市交通运输局', '现代服务业'],
      ['吉林市绕城高速公路西环段', '市交通运输局', '现代服务业'],
      ['吉林二台子机场改扩建工程', '市交通运输局', '现代服务业'],
      ['国道G202吉林过境段改线工程', '市交通运输局', '现代服务业'],
      ['吉林市公交场站建设工程', '市交通运输局', '现代服务业'],
      ['蛟河至桦甸公路改建工程', '蛟河市', '现代服务业'],
      ['舒兰至吉林一级公路', '舒兰市', '现代服务业'],
      ['磐石市农村公路提质改造工程', '磐石市', '现代服务业'],
      ['吉林市智慧交通信号系统', '市交通运输局', '电子信息'],
    ],
  },
  {
    name: '生态环保和民生工程包',
    unit: '市生态环境局',
    note: '打好污染防治攻坚战，推进教育、养老、体育等民生设施建设。',
    industries: [],
    units: ['市生态环境局'],
    category: 'government',
    subProjects: [
      ['松花江干流吉林段水环境综合治理工程', '市生态环境局', '现代服务业'],
      ['吉林市餐厨垃圾处理项目', '市生态环境局', '现代服务业'],
      ['吉林市清洁取暖改造工程', '市生态环境局', '现代服务业'],
      ['温德河流域综合治理工程', '船营区', '现代服务业'],
      ['吉林市北部新区污水处理厂', '龙潭区', '现代服务业'],
      ['吉林市第一实验中学新校区', '市发改委', '现代服务业'],
      ['吉林市养老服务中心', '市发改委', '现代服务业'],
      ['吉林市医疗废物集中处置中心', '市生态环境局', '现代服务业'],
      ['永吉县县城供热清洁化改造', '永吉县', '现代服务业'],
    ],
  },
];

/** The stages of the packages' own sub-projects: mostly under construction, as a 双十 list is. */
const SUB_PROJECT_STAGES: Stage[] = [
  'construction',
  'construction',
  'approvals',
  'construction',
  'construction',
  'construction',
  'construction',
  'completed',
  'construction',
  'construction',
];

const ADJUSTMENT_REASONS = {
  in: [
    '项目前期手续已办结，具备年内开工条件，经市"双十"工程领导小组研究同意调入。',
    '项目投资规模扩大，符合"双十"工程包入库标准，经市政府常务会议研究同意调入。',
  ],
  out: [
    '企业投资计划调整，项目年内无法开工，经市"双十"工程领导小组研究同意调出。',
    '项目用地规划调整，需重新选址，经市政府专题会议研究同意调出，待条件成熟后重新申报。',
  ],
};

/** The package a drawn candidate joins: by its unit for the city departments' packages, else by industry. */
function packageIndexFor(project: SeededDemoProject, unitName: string, industryName: string): number {
  const byUnit = DEMO_PACKAGES.findIndex((pkg) => pkg.units?.includes(unitName));
  if (byUnit >= 0) return byUnit;
  const byIndustry = DEMO_PACKAGES.findIndex((pkg) => pkg.industries.includes(industryName));
  return byIndustry >= 0 ? byIndustry : project.id % DEMO_PACKAGES.length;
}

/**
 * Seeds the year's packages: the drawn 双十 candidates among `seeded` plus the packages' own
 * sub-projects. Returns the number of projects it added and the size of the year's list.
 */
export function seedDemoPackages(
  context: DemoContext,
  seeded: readonly SeededDemoProject[],
): { packages: number; subProjects: number; newProjects: number } {
  const rand = prng(2026_0313);
  const own: DemoContext = { ...context, rand };
  const { tx, today, unitByName, industryByName, leaders, admin } = own;
  const year = Number(today.slice(0, 4));
  const yearStart = `${year}-01-01`;
  // The year's 调入/调出 fall on fixed days (never after today), away from the months tests read.
  const dayInYear = (monthDay: string) => {
    const date = `${year}-${monthDay}`;
    return date < today ? date : addDaysIso(today, -1);
  };
  const dayOfYear = Math.round((Date.parse(today) - Date.parse(yearStart)) / 86_400_000) + 1;
  const unitNameById = new Map([...unitByName.values()].map((unit) => [unit.id, unit.name]));
  const industryNameById = new Map([...industryByName.values()].map((industry) => [industry.id, industry.name]));

  const packageIds = DEMO_PACKAGES.map(
    (pkg, index) =>
      tx
        .insert(packages)
        .values({
          year,
          name: pkg.name,
          unitId: unitByName.get(pkg.unit)!.id,
          leaderId: leaders[index % leaders.length].id,
          note: pkg.note,
          createdBy: admin.id,
          createdAt: ts(yearStart),
          updatedAt: ts(yearStart),
        })
        .returning({ id: packages.id })
        .get().id,
  );

  // The adjustments log keeps a package as { id, name, year } (domain/packages.ts), its name as it was then.
  const packageRef = (index: number) => ({ id: packageIds[index], name: DEMO_PACKAGES[index].name, year });

  // The year's list as named at the start of the year (joined_at 1 January), then the year's moves.
  const members: Array<{ packageIndex: number; projectId: number }> = [];
  for (const project of seeded) {
    if (!project.shuangshi) continue;
    const row = tx
      .select({ unitId: projects.unitId, industryId: projects.industryId })
      .from(projects)
      .where(eq(projects.id, project.id))
      .get()!;
    members.push({
      packageIndex: packageIndexFor(project, unitNameById.get(row.unitId)!, industryNameById.get(row.industryId!)!),
      projectId: project.id,
    });
  }
  let newProjects = 0;
  DEMO_PACKAGES.forEach((pkg, packageIndex) => {
    pkg.subProjects.forEach(([name, unitName, industryName], i) => {
      const stage = SUB_PROJECT_STAGES[(i + packageIndex) % SUB_PROJECT_STAGES.length];
      const category: Category = pkg.category ?? (rand.chance(0.6) ? 'attraction' : 'government');
      // Most of the list starts during the year (开工 dated this year); a few started last year.
      const enteredDaysAgo = rand.chance(0.95) ? rand.int(15, dayOfYear - 10) : undefined;
      // 子项目 of 5,000万 to 30亿元, most of them under 10亿.
      const totalInvestment = rand.chance(0.8) ? rand.int(12, 180) * 500 : rand.int(20, 60) * 5_000;
      const project = seedExtraDemoProject(own, stage, 1000 + packageIndex * 20 + i, {
        name,
        unitName,
        industryName,
        category,
        enteredDaysAgo,
        totalInvestment,
      });
      newProjects += 1;
      members.push({ packageIndex, projectId: project.id });
    });
  });

  // 调入/调出 during the year: a few projects outside the list join it, a few members leave it.
  const memberIds = new Set(members.map((m) => m.projectId));
  const outsiders = seeded.filter(
    (project) => !memberIds.has(project.id) && project.category !== 'higher_level' && project.stageIdx >= 2,
  );
  const joined = outsiders.slice(0, 3).map((project, i) => ({
    project,
    packageIndex: (i * 3 + 1) % DEMO_PACKAGES.length,
    date: dayInYear(['03-16', '04-22', '08-12'][i]),
    reason: ADJUSTMENT_REASONS.in[i % ADJUSTMENT_REASONS.in.length],
  }));
  const leaving = members
    .filter((m) => seeded.some((project) => project.id === m.projectId && project.stageIdx <= 2))
    .slice(0, 2)
    .map((member, i) => ({
      member,
      date: dayInYear(['05-19', '09-08'][i]),
      reason: ADJUSTMENT_REASONS.out[i % ADJUSTMENT_REASONS.out.length],
    }));
  const leavingIds = new Set(leaving.map((l) => l.member.projectId));

  for (const member of members) {
    if (leavingIds.has(member.projectId)) continue;
    tx.insert(packageProjects)
      .values({
        packageId: packageIds[member.packageIndex],
        projectId: member.projectId,
        year,
        joinedAt: ts(yearStart),
      })
      .run();
  }
  for (const { project, packageIndex, date, reason } of joined) {
    tx.insert(packageProjects)
      .values({ packageId: packageIds[packageIndex], projectId: project.id, year, joinedAt: ts(date, 10) })
      .run();
    tx.insert(projectAdjustments)
      .values({
        projectId: project.id,
        at: ts(date, 10),
        byUserId: admin.id,
        field: 'packageId',
        fromValue: null,
        toValue: packageRef(packageIndex),
        reason,
      })
      .run();
  }
  for (const { member, date, reason } of leaving) {
    tx.insert(projectAdjustments)
      .values({
        projectId: member.projectId,
        at: ts(date, 10),
        byUserId: admin.id,
        field: 'packageId',
        fromValue: packageRef(member.packageIndex),
        toValue: null,
        reason,
      })
      .run();
  }
  return {
    packages: DEMO_PACKAGES.length,
    subProjects: members.length - leaving.length + joined.length,
    newProjects,
  };
}
