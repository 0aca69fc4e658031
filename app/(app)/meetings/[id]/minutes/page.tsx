import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PrintButton } from '@/components/reports/print-button';
import { buttonClass } from '@/components/ui/button';
import { decisionTail, minutesOf } from '@/domain/meeting-minutes';
import { getMeeting } from '@/domain/meetings';
import { requireUser } from '@/lib/auth/next';
import { isAppError } from '@/lib/errors';

export const metadata: Metadata = { title: '会议纪要' };

const PRINT_STYLES = `
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
@media print {
  #main { max-width: none; padding: 0; }
  .minutes { box-shadow: none; padding: 0; max-width: none; }
  .minutes li { break-inside: avoid; }
}`;

/** The 会议纪要 on A4 in the usual layout: title, date, place, chair, attendees, numbered decisions. */
export default async function MinutesPage({ params }: { params: Promise<{ id: string }> }) {
  await requireUser();
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  let meeting;
  try {
    meeting = getMeeting(id);
  } catch (error) {
    if (isAppError(error) && error.code === 'not_found') notFound();
    throw error;
  }
  const minutes = minutesOf(meeting);
  return (
    <>
      <style>{PRINT_STYLES}</style>
      <div className="no-print mb-4 flex flex-wrap items-center gap-2">
        <Link href={`/meetings/${meeting.id}`} className={buttonClass('secondary')}>
          ← 返回会议
        </Link>
        <PrintButton />
        <a href={`/meetings/${meeting.id}/minutes.docx`} className={buttonClass('secondary')} download>
          下载 Word
        </a>
        {meeting.status !== 'closed' ? (
          <span className="text-sm text-amber-700">会议尚未闭会，纪要为草稿。</span>
        ) : null}
      </div>
      <article
        className="minutes mx-auto max-w-[210mm] bg-white px-6 py-10 font-serif text-[16pt] leading-[1.75] text-slate-900 shadow-sm sm:px-16"
        aria-label="会议纪要"
      >
        <h1 className="mb-8 text-center text-[22pt] font-bold tracking-wide">{minutes.heading}</h1>
        <dl className="space-y-1">
          {(
            [
              ['时间', minutes.date],
              ['地点', minutes.location ?? '—'],
              ['主持', minutes.chair ?? '—'],
              ['参加', minutes.attendees ?? '—'],
            ] as const
          ).map(([label, value]) => (
            <div key={label} className="flex gap-2">
              <dt className="shrink-0">{label}：</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-6 indent-[2em]">
          {minutes.decisions.length
            ? '会议研究了重点项目推进中的有关问题，议定事项纪要如下：'
            : '本次会议未形成议定事项。'}
        </p>
        <ol className="mt-2 space-y-3">
          {minutes.decisions.map((decision) => (
            <li key={decision.number} className="indent-[2em]">
              <span className="font-bold">
                {decision.number}. {decision.subject}
              </span>
              <span className="block indent-[2em]">
                {decision.decision}
                {decisionTail(decision)}
              </span>
            </li>
          ))}
        </ol>
      </article>
    </>
  );
}
