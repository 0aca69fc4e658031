import { FOLLOWUP_KIND_LABELS, LEAD_STAGE_LABELS, type FollowupKind, type LeadStage } from '@/lib/rules/enums';
import type { LeadDetail } from '@/db/queries/leads';

// The lead's history: stage moves and every recorded change, newest first.

const FIELD_LABELS: Record<string, string> = {
  company: '企业名称',
  origin: '来源地',
  contactName: '联系人',
  contactTitle: '联系人职务',
  contactPhone: '联系电话',
  contactEmail: '电子邮箱',
  industryId: '行业',
  intendedInvestment: '意向投资',
  proposedProject: '拟建项目',
  locationUnitId: '意向落地单位',
  campaignId: '招商活动',
  source: '来源渠道',
  ownerId: '负责人',
  team: '招商小组',
  nextFollowUpDate: '下次跟进日期',
  stage: '阶段',
  projectId: '转化项目',
  reason: '原因',
};
const ACTION_LABELS: Record<string, string> = { create: '新建', update: '修改', transition: '阶段变更' };

function show(key: string, value: unknown): string {
  if (value == null || value === '') return '空';
  if (key === 'stage' && typeof value === 'string') return LEAD_STAGE_LABELS[value as LeadStage] ?? value;
  return String(value);
}

function describe(row: LeadDetail['audit'][number]): string {
  const after = (row.after ?? {}) as Record<string, unknown>;
  const before = (row.before ?? {}) as Record<string, unknown>;
  if (row.action === 'create') return '录入线索';
  if (after.followup && typeof after.followup === 'object') {
    const f = after.followup as { date: string; kind: FollowupKind };
    return `添加跟进记录（${f.date} ${FOLLOWUP_KIND_LABELS[f.kind] ?? f.kind}）${after.nextFollowUpDate ? `，下次跟进改为 ${after.nextFollowUpDate}` : ''}`;
  }
  return Object.keys(after)
    .filter((key) => key in FIELD_LABELS)
    .map((key) => (key === 'reason' ? `原因：${show(key, after[key])}` : `${FIELD_LABELS[key]}：${show(key, before[key])} → ${show(key, after[key])}`))
    .join('；');
}

export function LeadHistory({ audit }: { audit: LeadDetail['audit'] }) {
  if (!audit.length) return <p className="text-sm text-slate-500">暂无记录</p>;
  return (
    <ol className="space-y-2 text-sm">
      {audit.map((row) => (
        <li key={row.id} className="border-l-2 border-slate-200 pl-3">
          <p className="text-xs text-slate-500">
            <time dateTime={row.at}>{row.at.slice(0, 16).replace('T', ' ')}</time> · {row.byName ?? '系统'} · {ACTION_LABELS[row.action] ?? row.action}
          </p>
          <p className="text-slate-800">{describe(row)}</p>
        </li>
      ))}
    </ol>
  );
}
