import type { Metadata } from 'next';
import Link from 'next/link';
import { CreateMeetingButton } from '@/components/meetings/meeting-forms';
import { Tag } from '@/components/ui/badges';
import { EmptyState, PageHeader } from '@/components/ui/page';
import { listUserOptions } from '@/db/queries/reference';
import { listMeetings } from '@/domain/meetings';
import { requireUser } from '@/lib/auth/next';
import { today } from '@/lib/rules/dates';
import { MEETING_KIND_LABELS, MEETING_STATUS_LABELS } from '@/lib/rules/enums';
import { createMeetingAction } from './actions';
import { canManageMeetings } from '@/lib/rules/permissions';
import { SCREEN_ROLES } from '@/lib/rules/screen';

export const metadata: Metadata = { title: '调度会' };

const cell = 'px-3 py-2';

export default async function MeetingsPage() {
  const user = await requireUser();
  const canWrite = canManageMeetings(user);
  const meetings = listMeetings();
  const leaders = canWrite ? listUserOptions().filter((u) => u.role === 'leader' || u.role === 'admin') : [];
  return (
    <>
      <PageHeader
        title="调度会"
        description="周调度会、月调度会和专题协调会：议程、会议决定和会议纪要；闭会时每条有时限的决定生成督办。"
        actions={
          <div className="flex flex-wrap items-center gap-2">
            {SCREEN_ROLES.includes(user.role) ? (
              <Link
                href="/screen"
                className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50"
              >
                打开调度大屏
              </Link>
            ) : null}
            {canWrite ? (
              <CreateMeetingButton
                action={createMeetingAction}
                leaders={leaders}
                defaultChairId={user.role === 'leader' ? user.id : null}
                defaultDate={today()}
              />
            ) : null}
          </div>
        }
      />
      {meetings.length === 0 ? (
        <EmptyState title="还没有调度会">{canWrite ? '点击“新建调度会”安排第一次会议。' : null}</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="w-full min-w-[40rem] text-sm">
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                <th scope="col" className={cell}>
                  日期
                </th>
                <th scope="col" className={cell}>
                  会议名称
                </th>
                <th scope="col" className={cell}>
                  类型
                </th>
                <th scope="col" className={cell}>
                  主持人
                </th>
                <th scope="col" className={`${cell} text-right`}>
                  议题
                </th>
                <th scope="col" className={cell}>
                  状态
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {meetings.map((meeting) => (
                <tr key={meeting.id}>
                  <td className={`${cell} whitespace-nowrap tabular-nums`}>{meeting.date}</td>
                  <td className={cell}>
                    <Link href={`/meetings/${meeting.id}`} className="font-medium text-brand-700 hover:underline">
                      {meeting.title}
                    </Link>
                  </td>
                  <td className={`${cell} whitespace-nowrap`}>{MEETING_KIND_LABELS[meeting.kind]}</td>
                  <td className={`${cell} whitespace-nowrap`}>{meeting.chairName ?? '—'}</td>
                  <td className={`${cell} text-right tabular-nums`}>{meeting.itemCount}</td>
                  <td className={`${cell} whitespace-nowrap`}>
                    <Tag tone={meeting.status === 'closed' ? 'slate' : meeting.status === 'held' ? 'amber' : 'brand'}>
                      {MEETING_STATUS_LABELS[meeting.status]}
                    </Tag>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
