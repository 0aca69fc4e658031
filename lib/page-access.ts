import type { Role } from '@/lib/rules/enums';
import { IMPORT_ROLES } from '@/lib/rules/import';
import { SCREEN_ROLES } from '@/lib/rules/screen';

// The pages only some roles may open (issue 18, item 10): what each is for and who may open it, so the
// 403 page can say so instead of a silent redirect. Pages call requireUser with the same roles;
// tests/unit/page-access.test.ts checks every page against this table.

export interface PageAccess {
  /** Matches the path (no query). */
  pattern: RegExp;
  name: string;
  purpose: string;
  roles: readonly Role[];
}

const ADMIN: readonly Role[] = ['admin'];

export const RESTRICTED_PAGES: readonly PageAccess[] = [
  {
    pattern: /^\/admin\/users(\/|$)/,
    name: '用户管理',
    purpose: '创建账号，调整角色与单位，停用或重置密码。',
    roles: ADMIN,
  },
  { pattern: /^\/admin\/units$/, name: '单位管理', purpose: '维护县（市）区、开发区和市直部门。', roles: ADMIN },
  { pattern: /^\/admin\/industries$/, name: '行业管理', purpose: '维护项目和招商线索所属的行业。', roles: ADMIN },
  { pattern: /^\/admin\/chains$/, name: '产业链管理', purpose: '维护各行业的产业链及其环节。', roles: ADMIN },
  {
    pattern: /^\/admin\/targets(\/|$)/,
    name: '年度目标',
    purpose: '录入每年的考核目标，统计页按年度对比。',
    roles: ADMIN,
  },
  {
    pattern: /^\/admin\/audit$/,
    name: '审计日志',
    purpose: '查看每一次变更的操作人、时间和变更前后内容。',
    roles: ADMIN,
  },
  {
    pattern: /^\/admin\/settings$/,
    name: '系统设置',
    purpose: '密码策略、各阶段通常用时、预警阈值和考核排名权重。',
    roles: ADMIN,
  },
  { pattern: /^\/admin\/tokens$/, name: 'API 令牌', purpose: '管理供其他系统调用 /api/v1 接口的令牌。', roles: ADMIN },
  { pattern: /^\/admin\/webhook$/, name: '预警推送', purpose: '设置每日预警日报的推送地址。', roles: ADMIN },
  { pattern: /^\/admin(\/|$)/, name: '系统管理', purpose: '账号、单位、行业、年度目标和系统设置。', roles: ADMIN },
  {
    pattern: /^\/projects\/new$/,
    name: '新建项目',
    purpose: '录入一个新的重点项目。',
    roles: ['admin', 'leader', 'officer'],
  },
  { pattern: /^\/leads\/new$/, name: '新建线索', purpose: '登记一条新的招商线索。', roles: ['admin', 'investment'] },
  {
    pattern: /^\/enterprises\/new$/,
    name: '新建企业',
    purpose: '在企业库中登记一家企业。',
    roles: ['admin', 'investment'],
  },
  {
    pattern: /^\/enterprises\/\d+\/edit$/,
    name: '编辑企业',
    purpose: '修改企业库中的企业信息。',
    roles: ['admin', 'investment'],
  },
  {
    pattern: /^\/campaigns\/new$/,
    name: '新建招商活动',
    purpose: '登记一次招商活动。',
    roles: ['admin', 'investment'],
  },
  {
    pattern: /^\/reports\/monthly$/,
    name: '月度调度通报',
    purpose: '按月汇总全市重点项目进度，供调度和印发。',
    roles: ['admin', 'leader'],
  },
  { pattern: /^\/import(\/|$)/, name: '导入', purpose: '从 Excel 批量导入项目和线索。', roles: IMPORT_ROLES },
  { pattern: /^\/screen$/, name: '大屏', purpose: '在会议室大屏上展示全市项目态势。', roles: SCREEN_ROLES },
];

/** The restricted page a path belongs to, or null when any signed-in user may open it. */
export function pageAccessFor(pathname: string): PageAccess | null {
  const path = pathname.split('?')[0]!.replace(/\/+$/, '') || '/';
  return RESTRICTED_PAGES.find((page) => page.pattern.test(path)) ?? null;
}
