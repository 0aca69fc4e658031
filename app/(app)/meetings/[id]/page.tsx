import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import {
  AddItemButton,
  AutoAgendaButton,
  CloseMeetingButton,
  DecideItemButton,
} from '@/components/meetings/meeting-forms';
import { Tag } from '@/components/ui/badges';
import { buttonClass } from '@/components/ui/button';
import { Card, EmptyState, PageHeader } from '@/components/ui/page';
import { projectOptions, projectScopes } from '@/db/queries/meetings';
import { listUnits, listUserOptions } from '@/db/queries/reference';
import { getMeeting, type MeetingItemDto } from '@/domain/meetings';
import { requireUser } from '@/lib/auth/next';
import { isAppError } from '@/lib/errors';
import { formatDateTime } from '@/lib/format-time';
import { today } from '@/lib/rules/dates';
import {
  MEETING_KIND_LABELS,
  MEETING_STATUS_LABELS,
  SUPERVISION_STATUS_LABELS,
  type SupervisionStatus,
} from '@/lib/rules/enums';
import { canEditProject } from '@/lib/rules/permissions';
import { addAgendaItemAction, autoAgendaAction, closeMeetingAction, decideItemAction } from '../actions';
import { canManageMeetings } from '@/lib/rules/permissions';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: `${loadMeeting((await params).id).title} · 调度会` };
}

function loadMeeting(raw: string) {
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  try {
    return getMeeting(id);
  } catch (error) {
    if (isAppError(error) && error.code === 'not_found') notFound();
    throw error;
  }
}

function ItemFacts({ item }: { item: MeetingItemDto }) {
  return (
    <dl className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
      {item.projectId ? (
        <div>
          <dt className="inline">项目：</dt>
          <dd className="inline">
            <Link href={`/projects/${item.projectId}`} className="text-brand-700 hover:underline">
              {item.projectName}
            </Link>
          </dd>
        </div>
      ) : null}
      {item.responsibleUnitName ? (
        <div>
          <dt className="inline">责任单位：</dt>
          <dd className="inline">{item.responsibleUnitName}</dd>
        </div>
      ) : null}
      {item.assigneeName ? (
        <div>
          <dt className="inline">责任人：</dt>
          <dd className="inline">{item.assigneeName}</dd>
        </div>
      ) : null}
      {item.deadline ? (
        <div>
          <dt className="inline">办结时限：</dt>
          <dd className="inline tabular-nums">{item.deadline}</dd>
        </div>
      ) : null}
      {item.supervisionId ? (
        <div>
          <dt className="inline">督办：</dt>
          <dd className="inline">
            <Link
              href={`/projects/${item.projectId}/problems#supervision-${item.supervisionId}`}
              className="text-brand-700 hover:underline"
            >
              {item.supervisionStatus
                ? SUPERVISION_STATUS_LABELS[item.supervisionStatus as SupervisionStatus]
                : '已下达'}
            </Link>
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

export default async function MeetingPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const meeting = loadMeeting((await params).id);
  const canWrite = canManageMeetings(user) && meeting.status !== 'closed';
  const day = today();

  let units: { id: number; name: string }[] = [];
  let projects: { id: number; name: string }[] = [];
  const assigneesOf = new Map<number, { id: number; name: string }[]>();
  if (canWrite) {
    units = listUnits();
    projects = projectOptions();
    const people = listUserOptions();
    const scopes = projectScopes([...new Set(meeting.items.flatMap((i) => (i.projectId ? [i.projectId] : [])))]);
    for (const scope of scopes)
      assigneesOf.set(
        scope.id,
        people.filter((person) => person.role !== 'investment' && canEditProject(person, scope)),
      );
  }
  const toIssue = meeting.items.filter((i) => i.decision && i.deadline && i.projectId && !i.supervisionId).length;
  const undecided = meeting.items.filter((i) => !i.decision).length;

  return (
    <>
      <p className="no-print mb-2 text-sm">
        <Link href="/meetings" className="text-brand-700 hover:underline">
          ← 调度会
        </Link>
      </p>
      <PageHeader
        title={meeting.title}
        description={
          <>
            {MEETING_KIND_LABELS[meeting.kind]} · {meeting.date} · 主持：{meeting.chairName ?? '—'}
            {meeting.location ? ` · ${meeting.location}` : ''}{' '}
            <Tag tone={meeting.status === 'closed' ? 'slate' : 'brand'}>{MEETING_STATUS_LABELS[meeting.status]}</Tag>
            {meeting.closedAt ? ` 闭会于 ${formatDateTime(meeting.closedAt)}` : ''}
          </>
        }
        actions={
          <>
            <Link href={`/meetings/${meeting.id}/minutes`} className={buttonClass('secondary')}>
              会议纪要
            </Link>
            <a href={`/meetings/${meeting.id}/minutes.docx`} className={buttonClass('secondary')} download>
              下载 Word
            </a>
            {canWrite ? (
              <CloseMeetingButton
                action={closeMeetingAction}
                meetingId={meeting.id}
                version={meeting.version}
                toIssue={toIssue}
                undecided={undecided}
              />
            ) : null}
          </>
        }
      />
      {meeting.attendees ? <p className="mb-4 text-sm text-slate-600">参会人员：{meeting.attendees}</p> : null}

      {meeting.previousOpen && meeting.previousOpen.items.length ? (
        <Card
          className="mb-4"
          title={
            <>
              上次会议未办结事项（
              <Link href={`/meetings/${meeting.previousOpen.meetingId}`} className="text-brand-700 underline">
                {meeting.previousOpen.meetingTitle}
              </Link>
              ，{meeting.previousOpen.meetingDate}）
            </>
          }
        >
          <ul className="space-y-2 text-sm">
            {meeting.previousOpen.items.map((item) => (
              <li key={item.id}>
                <span className="font-medium">{item.subject}</span>
                {item.decision ? <span className="text-slate-600">——{item.decision}</span> : null}
                <ItemFacts item={item} />
              </li>
            ))}
          </ul>
          {canWrite ? <p className="mt-2 text-xs text-slate-500">“自动生成议程”会把这些事项带入本次议程。</p> : null}
        </Card>
      ) : null}

      <Card
        title={`议程（${meeting.items.length} 条）`}
        actions={
          canWrite ? (
            <div className="flex flex-wrap items-center gap-2">
              <AutoAgendaButton action={autoAgendaAction} meetingId={meeting.id} />
              <AddItemButton action={addAgendaItemAction} meetingId={meeting.id} projects={projects} />
            </div>
          ) : null
        }
      >
        {meeting.items.length === 0 ? (
          <EmptyState title="议程为空">
            {canWrite
              ? '“自动生成议程”加入红灯项目、上报市级协调会/市主要领导的问题、超期督办和上次会议未办结事项；也可手工添加议题。'
              : '会议组织者尚未安排议题。'}
          </EmptyState>
        ) : (
          <ol className="divide-y divide-slate-100">
            {meeting.items.map((item, index) => (
              <li key={item.id} className="flex flex-wrap items-start justify-between gap-3 py-3">
                <div className="min-w-0 flex-1">
                  <p className="text-sm font-medium text-slate-900">
                    {index + 1}. {item.subject}
                  </p>
                  {item.decision ? (
                    <p className="mt-1 text-sm text-slate-800">
                      <span className="text-brand-800 font-medium">决定：</span>
                      {item.decision}
                    </p>
                  ) : (
                    <p className="mt-1 text-xs text-slate-500">未作决定</p>
                  )}
                  <ItemFacts item={item} />
                </div>
                {canWrite ? (
                  <DecideItemButton
                    action={decideItemAction}
                    item={item}
                    units={units}
                    assignees={item.projectId ? (assigneesOf.get(item.projectId) ?? []) : []}
                    today={day}
                  />
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </Card>
    </>
  );
}
