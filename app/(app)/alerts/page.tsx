import Link from 'next/link';
import { listUnits } from '@/db/queries/reference';
import { alertCentre, type AlertGroup } from '@/domain/alerts';
import { requireUser } from '@/lib/auth/next';
import { ALERT_KIND_LABELS, lateness, type AlertKind } from '@/lib/rules/alerts';
import { id as idSchema, page as pageSchema } from '@/lib/validation';
import { buttonClass } from '@/components/ui/button';
import { SelectField } from '@/components/ui/field';
import { Tag } from '@/components/ui/badges';
import { EmptyState, PageHeader } from '@/components/ui/page';
import { ExportLink, exportHref } from '@/components/reports/export-link';
import { Pager } from '@/components/ui/pager';
import { listHref, pageCount } from '@/lib/list-url';

// 预警: the caller's current alerts, one row per project (or lead) with all its signals, projects
// with a red signal first, the most overdue first. Filters: kind, unit (leaders and admins) and
// colour. Each signal says what is late, by how much, and links to where it is fixed.

export const metadata = { title: '预警' };

const PAGE_SIZE = 50;
const SEVERITY = {
  red: { title: '红色预警', tone: 'red' as const, dot: 'bg-red-600', label: '红' },
  yellow: { title: '黄色预警', tone: 'amber' as const, dot: 'bg-amber-500', label: '黄' },
};
const SEVERITY_OPTIONS = [
  { value: 'red', label: '红色预警' },
  { value: 'yellow', label: '黄色预警' },
];

type Search = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function AlertsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireUser();
  const params = await searchParams;
  const seeAll = user.role === 'leader' || user.role === 'admin';
  const unitId = seeAll ? idSchema.safeParse(params.unitId).data : undefined;
  const kindParam = first(params.kind);
  const kind = kindParam && Object.hasOwn(ALERT_KIND_LABELS, kindParam) ? (kindParam as AlertKind) : undefined;
  const severityParam = first(params.severity);
  const severity = severityParam === 'red' || severityParam === 'yellow' ? severityParam : undefined;
  const { signals, groups, redGroups, kindsPresent: kinds } = alertCentre({ actor: user, unitId, kind, severity });
  const pages = pageCount(groups.length, PAGE_SIZE);
  const page = Math.min(pageSchema.safeParse(params.page).data ?? 1, pages);
  const shown = groups.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  // The kinds present before the kind filter, so the select offers only kinds that find something.
  const kindsPresent = new Set(kinds);
  const current = { unitId, kind, severity };
  const filtered = Boolean(unitId || kind || severity);
  const scope = seeAll
    ? '全市项目、督办和招商线索'
    : user.role === 'officer'
      ? `${user.unitName ?? '本单位'}及本人负责的项目、交办给本人的督办`
      : '本人负责的招商线索和项目';

  return (
    <div>
      <PageHeader
        title="预警"
        actions={
          signals > 0 ? (
            <ExportLink href={exportHref('/alerts/export', {}, { unitId: unitId ? String(unitId) : undefined })} />
          ) : null
        }
        description={
          <>
            {scope}：<strong data-testid="alert-project-count">{groups.length}</strong> 个项目（线索）有预警，其中{' '}
            {redGroups} 个有红色预警；共 {signals} 条预警信号。
          </>
        }
      />
      <form
        method="get"
        action="/alerts"
        role="search"
        aria-label="筛选预警"
        className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3"
      >
        <SelectField
          id="alerts-kind"
          name="kind"
          label="预警类型"
          placeholder="全部类型"
          defaultValue={kind ?? ''}
          options={(Object.keys(ALERT_KIND_LABELS) as AlertKind[])
            .filter((key) => kindsPresent.has(key) || key === kind)
            .map((key) => ({ value: key, label: ALERT_KIND_LABELS[key] }))}
          wrapperClassName="min-w-40"
        />
        {seeAll ? (
          <SelectField
            id="alerts-unit"
            name="unitId"
            label="单位"
            placeholder="全部单位"
            defaultValue={unitId ? String(unitId) : ''}
            options={listUnits().map((u) => ({ value: u.id, label: u.name }))}
            wrapperClassName="min-w-48"
          />
        ) : null}
        <SelectField
          id="alerts-severity"
          name="severity"
          label="级别"
          placeholder="红色和黄色"
          defaultValue={severity ?? ''}
          options={SEVERITY_OPTIONS}
          wrapperClassName="min-w-36"
        />
        <button type="submit" className={buttonClass('primary')}>
          筛选
        </button>
        {filtered ? (
          <Link href="/alerts" className={buttonClass('secondary')}>
            清除
          </Link>
        ) : null}
      </form>
      {groups.length === 0 ? (
        <EmptyState title={filtered ? '没有符合条件的预警' : '暂无预警'}>
          {filtered ? (
            <Link href="/alerts" className="text-brand-700 underline">
              清除筛选条件
            </Link>
          ) : (
            '所有事项都在时限内。'
          )}
        </EmptyState>
      ) : (
        <>
          {(['red', 'yellow'] as const).map((level) => {
            const rows = shown.filter((group) => group.severity === level);
            if (rows.length === 0) return null;
            return (
              <section key={level} aria-labelledby={`alerts-${level}`} className="mb-5">
                <h2
                  id={`alerts-${level}`}
                  className="mb-2 flex items-center gap-2 text-base font-semibold text-slate-800"
                >
                  <span className={`h-2.5 w-2.5 rounded-full ${SEVERITY[level].dot}`} aria-hidden="true" />
                  {level === 'red' ? '有红色预警的项目' : '仅有黄色预警的项目'}（
                  {level === 'red' ? redGroups : groups.length - redGroups}）
                </h2>
                <ul className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm">
                  {rows.map((group) => (
                    <AlertGroupRow key={group.key} group={group} />
                  ))}
                </ul>
              </section>
            );
          })}
          <Pager
            page={page}
            pages={pages}
            hrefFor={(target) => listHref('/alerts', current, { page: target })}
            summary={`第 ${page} / ${pages} 页，共 ${groups.length} 个项目（线索）`}
            className="mt-4"
          />
        </>
      )}
    </div>
  );
}

function AlertGroupRow({ group }: { group: AlertGroup }) {
  const red = group.alerts.filter((alert) => alert.severity === 'red').length;
  return (
    <li className="p-3" data-testid="alert-group">
      <div className="mb-2 flex flex-wrap items-center gap-x-3 gap-y-1">
        <span className={`h-2.5 w-2.5 shrink-0 rounded-full ${SEVERITY[group.severity].dot}`} aria-hidden="true" />
        <Link href={group.href} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
          {group.subject}
        </Link>
        {group.leadId != null ? <Tag>招商线索</Tag> : null}
        <span className="text-xs text-slate-500">
          {group.unitName ? `${group.unitName} · ` : ''}
          {group.alerts.length} 条预警{red ? `（红色 ${red} 条）` : ''}
        </span>
      </div>
      <ul className="space-y-1.5 border-l-2 border-slate-100 pl-3 sm:ml-1">
        {group.alerts.map((alert) => (
          <li key={alert.key} className="flex flex-col gap-1 sm:flex-row sm:items-center sm:gap-3" data-testid="alert">
            <div className="flex shrink-0 flex-wrap items-center gap-1.5 sm:w-60">
              <Tag tone={SEVERITY[alert.severity].tone}>{SEVERITY[alert.severity].label}</Tag>
              <Tag>{ALERT_KIND_LABELS[alert.kind]}</Tag>
              {alert.daysLate !== null ? (
                <span className={`text-xs font-medium ${alert.daysLate > 0 ? 'text-red-700' : 'text-amber-800'}`}>
                  {lateness(alert.daysLate)}
                </span>
              ) : null}
            </div>
            <p className="min-w-0 flex-1 text-sm text-slate-800">
              {alert.message}
              {alert.dueDate ? <span className="text-xs text-slate-500"> · 时限 {alert.dueDate}</span> : null}
            </p>
            <Link href={alert.href} className={`${buttonClass('secondary', 'sm')} self-start sm:self-center`}>
              去处理<span className="sr-only">：{alert.message}</span>
            </Link>
          </li>
        ))}
      </ul>
    </li>
  );
}
