import Link from 'next/link';
import { listUnits } from '@/db/queries/reference';
import { listAlerts, type Alert } from '@/domain/alerts';
import { requireUser } from '@/lib/auth/next';
import { ALERT_KIND_LABELS, lateness } from '@/lib/rules/alerts';
import { id as idSchema, page as pageSchema } from '@/lib/validation';
import { buttonClass } from '@/components/ui/button';
import { SelectField } from '@/components/ui/field';
import { Tag } from '@/components/ui/badges';
import { EmptyState, PageHeader } from '@/components/ui/page';
import { ExportLink, exportHref } from '@/components/reports/export-link';
import { Pager } from '@/components/ui/pager';
import { listHref, pageCount } from '@/lib/list-url';

// 预警: the caller's current alerts, red before yellow, earliest due first. Each says what is late,
// by how much, and links to where it is fixed.

const PAGE_SIZE = 100;
const SEVERITY = {
  red: { title: '红色预警', tone: 'red' as const, dot: 'bg-red-600' },
  yellow: { title: '黄色预警', tone: 'amber' as const, dot: 'bg-amber-500' },
};

type Search = Record<string, string | string[] | undefined>;

export default async function AlertsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireUser();
  const params = await searchParams;
  const seeAll = user.role === 'leader' || user.role === 'admin';
  const unitId = seeAll ? idSchema.safeParse(params.unitId).data : undefined;
  const alerts = listAlerts({ actor: user, unitId });
  const page = pageSchema.safeParse(params.page).data ?? 1;
  const pages = pageCount(alerts.length, PAGE_SIZE);
  const shown = alerts.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const red = alerts.filter((a) => a.severity === 'red').length;
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
          alerts.length > 0 ? (
            <ExportLink href={exportHref('/alerts/export', {}, { unitId: unitId ? String(unitId) : undefined })} />
          ) : null
        }
        description={
          <>
            {scope}：共 {alerts.length} 条，其中红色 {red} 条、黄色 {alerts.length - red} 条。
          </>
        }
      />
      {seeAll ? (
        <form
          method="get"
          action="/alerts"
          className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3"
        >
          <SelectField
            name="unitId"
            label="单位"
            placeholder="全部单位"
            defaultValue={unitId ? String(unitId) : ''}
            options={listUnits().map((u) => ({ value: u.id, label: u.name }))}
            wrapperClassName="min-w-48"
          />
          <button type="submit" className={buttonClass('primary')}>
            筛选
          </button>
        </form>
      ) : null}
      {alerts.length === 0 ? (
        <EmptyState title="暂无预警">所有事项都在时限内。</EmptyState>
      ) : (
        <>
          {(['red', 'yellow'] as const).map((severity) => {
            const group = shown.filter((a) => a.severity === severity);
            if (group.length === 0) return null;
            return (
              <section key={severity} aria-labelledby={`alerts-${severity}`} className="mb-5">
                <h2
                  id={`alerts-${severity}`}
                  className="mb-2 flex items-center gap-2 text-base font-semibold text-slate-800"
                >
                  <span className={`h-2.5 w-2.5 rounded-full ${SEVERITY[severity].dot}`} aria-hidden="true" />
                  {SEVERITY[severity].title}（{severity === 'red' ? red : alerts.length - red}）
                </h2>
                <ul className="divide-y divide-slate-100 overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm">
                  {group.map((alert) => (
                    <AlertRow key={alert.key} alert={alert} />
                  ))}
                </ul>
              </section>
            );
          })}
          <Pager
            page={page}
            pages={pages}
            hrefFor={(target) => listHref('/alerts', { unitId }, { page: target })}
            summary={`第 ${page} / ${pages} 页，共 ${alerts.length} 条`}
            className="mt-4"
          />
        </>
      )}
    </div>
  );
}

function AlertRow({ alert }: { alert: Alert }) {
  return (
    <li className="flex flex-col gap-1 p-3 sm:flex-row sm:items-center sm:gap-3" data-testid="alert">
      <div className="flex shrink-0 flex-wrap items-center gap-1.5 sm:w-56">
        <Tag tone={SEVERITY[alert.severity].tone}>{alert.severity === 'red' ? '红' : '黄'}</Tag>
        <Tag>{ALERT_KIND_LABELS[alert.kind]}</Tag>
        {alert.daysLate !== null ? (
          <span className={`text-xs font-medium ${alert.daysLate > 0 ? 'text-red-700' : 'text-amber-800'}`}>
            {lateness(alert.daysLate)}
          </span>
        ) : null}
      </div>
      <div className="min-w-0 flex-1">
        <p className="text-sm text-slate-900">{alert.message}</p>
        <p className="text-xs text-slate-500">
          {alert.subject}
          {alert.unitName ? ` · ${alert.unitName}` : ''}
          {alert.dueDate ? ` · 时限 ${alert.dueDate}` : ''}
        </p>
      </div>
      <Link href={alert.href} className={`${buttonClass('secondary', 'sm')} self-start sm:self-center`}>
        去处理<span className="sr-only">：{alert.message}</span>
      </Link>
    </li>
  );
}
