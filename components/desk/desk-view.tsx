import Link from 'next/link';
import type { ReactNode } from 'react';
import type { Desk, DeskLead, DeskProblem, DeskSupervision } from '@/domain/desk';
import { buttonClass } from '@/components/ui/button';
import { LightBadge, Tag } from '@/components/ui/badges';
import { LightReason } from '@/components/projects/light-reason';
import { Card } from '@/components/ui/page';
import {
  LEAD_STAGE_LABELS,
  LIGHT_LABELS,
  LIGHTS,
  MEETING_KIND_LABELS,
  PROBLEM_LEVEL_LABELS,
  STAGE_LABELS,
  SUPERVISION_STATUS_LABELS,
  type Light,
} from '@/lib/rules/enums';
import { monthLabel } from '@/lib/rules/report-month';

// 工作台: one card per kind of work, each line a link to where it is done. A card with nothing
// in it says so in one line rather than disappearing, so the user knows it was checked.

/** Long city-wide lists and project lists show their first lines and link to the full page; one's own work shows whole. */
const SHOWN = 12;
/** The page asks getDesk for only as many of the caller's projects as it shows. */
export const DESK_PROJECTS_SHOWN = SHOWN;
const linkClass = 'font-medium text-brand-700 hover:underline focus-visible:underline';

function Section({
  id,
  title,
  count,
  empty,
  more,
  children,
}: {
  id: string;
  title: string;
  count: number;
  empty: string;
  more?: { href: string; label: string };
  children: ReactNode;
}) {
  return (
    <Card
      title={
        <span id={id}>
          {title}
          <span className={`ml-2 text-sm font-normal ${count > 0 ? 'text-slate-700' : 'text-slate-400'}`}>
            {count} 项
          </span>
        </span>
      }
      actions={
        more && count > SHOWN ? (
          <Link href={more.href} className="text-sm text-brand-700 hover:underline">
            {more.label}
          </Link>
        ) : null
      }
    >
      {count === 0 ? (
        <p className="text-sm text-slate-500">{empty}</p>
      ) : (
        <ul aria-labelledby={id} className="divide-y divide-slate-100">
          {children}
        </ul>
      )}
    </Card>
  );
}

function Line({ children }: { children: ReactNode }) {
  return <li className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 py-2 text-sm">{children}</li>;
}

const late = (overdue: boolean, date: string) =>
  overdue ? <Tag tone="red">逾期 · {date}</Tag> : <span className="text-slate-500">{date} 前</span>;

function SupervisionLines({
  items,
  who,
  limit = Infinity,
}: {
  items: DeskSupervision[];
  who: 'issuer' | 'assignee';
  limit?: number;
}) {
  return items.slice(0, limit).map((item) => (
    <Line key={item.id}>
      <span className="min-w-0 flex-1">
        {item.urgency === 'urgent' ? (
          <Tag tone="red" title="紧急督办">
            紧急
          </Tag>
        ) : null}{' '}
        <Link href={item.link} className={linkClass}>
          {item.content}
        </Link>
        <span className="block text-xs text-slate-500">
          {item.projectName} · {SUPERVISION_STATUS_LABELS[item.status]} ·{' '}
          {who === 'issuer' ? `督办人 ${item.issuerName}` : `责任人 ${item.assigneeName ?? '项目责任人'}`}
        </span>
      </span>
      {late(item.overdue, item.deadline)}
    </Line>
  ));
}

function ProblemLines({
  items,
  showLevel,
  limit = Infinity,
}: {
  items: DeskProblem[];
  showLevel?: boolean;
  limit?: number;
}) {
  return items.slice(0, limit).map((item) => (
    <Line key={item.id}>
      <span className="min-w-0 flex-1">
        {showLevel ? <Tag tone="violet">{PROBLEM_LEVEL_LABELS[item.level]}</Tag> : null}{' '}
        <Link href={item.link} className={linkClass}>
          {item.description}
        </Link>
        <span className="block text-xs text-slate-500">
          {item.projectName} · 责任单位 {item.unitName}
        </span>
      </span>
      {late(item.overdue, item.deadline)}
    </Line>
  ));
}

function LeadLines<L extends DeskLead>({ items, detail }: { items: L[]; detail: (lead: L) => ReactNode }) {
  return items.map((item) => (
    <Line key={item.id}>
      <span className="min-w-0 flex-1">
        <Link href={item.link} className={linkClass}>
          {item.company}
        </Link>
        <span className="block text-xs text-slate-500">
          {LEAD_STAGE_LABELS[item.stage]} · {item.ownerName}
        </span>
      </span>
      {detail(item)}
    </Line>
  ));
}

function LightCounts({
  counts,
  href,
  label,
}: {
  counts: Record<Light, number>;
  href: (light: Light) => string;
  label: string;
}) {
  return (
    <ul aria-label={label} className="grid grid-cols-4 gap-2">
      {LIGHTS.map((light) => (
        <li key={light}>
          <Link
            href={href(light)}
            aria-label={`${LIGHT_LABELS[light]} ${counts[light]} 个`}
            className="hover:border-brand-300 block rounded-md border border-slate-200 px-2 py-2 text-center hover:bg-brand-50"
          >
            <span className="block text-xs text-slate-500">{LIGHT_LABELS[light]}</span>
            <span className="block text-lg font-semibold text-slate-900">{counts[light]}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

function ProjectsCard({ desk, title, scope }: { desk: Desk; title: string; scope: string }) {
  const total = LIGHTS.reduce((sum, light) => sum + desk.myProjects[light], 0);
  return (
    <Section
      id="desk-projects"
      title={title}
      count={total}
      empty="暂无项目。"
      more={{ href: `/projects?${scope}`, label: `全部 ${total} 个` }}
    >
      <li className="py-2">
        <LightCounts
          counts={desk.myProjects}
          label={`${title}按灯色`}
          href={(light) => `/projects?${scope}&light=${light}`}
        />
      </li>
      {desk.projects.slice(0, SHOWN).map((project) => (
        <Line key={project.id}>
          <span className="min-w-0 flex-1">
            <Link href={project.link} className={linkClass}>
              {project.name}
            </Link>
            <span className="block text-xs text-slate-500">
              {project.unitName} · {STAGE_LABELS[project.stage]}
            </span>
            <LightReason light={project.light} reasons={project.reason ? [project.reason] : []} />
          </span>
          <LightBadge light={project.light} />
        </Line>
      ))}
    </Section>
  );
}

export function DeskView({ desk, userId }: { desk: Desk; userId: number }) {
  const cards: ReactNode[] = [];
  const cityCard = (city: Record<Light, number>) => (
    <Card key="city" title="全市项目">
      <LightCounts counts={city} label="全市项目按灯色" href={(light) => `/projects?light=${light}`} />
    </Card>
  );

  if (desk.role === 'officer') {
    cards.push(
      // A leader's 督办 is the most pressing line of an officer's day: it comes first.
      <Section
        key="answer"
        id="desk-answer"
        title="待我回复的督办"
        count={desk.supervisionsToAnswer.length}
        empty="没有等待您回复的督办。"
      >
        <SupervisionLines items={desk.supervisionsToAnswer} who="issuer" />
      </Section>,
      <Section
        key="reports"
        id="desk-reports"
        title="本月应报月报"
        count={desk.reportsDue.length}
        empty="本月应报的月度进度均已填报。"
      >
        {desk.reportsDue.map((item) => (
          <Line key={item.projectId}>
            <span className="min-w-0 flex-1">
              <span className="font-medium text-slate-800">{item.projectName}</span>
              <span className="block text-xs text-slate-500">
                {monthLabel(item.month)}月报 ·{' '}
                {item.overdue ? `已逾期（${item.dueDate} 前应报）` : `${item.dueDate} 前报送`}
              </span>
            </span>
            <Link
              href={item.link}
              className={buttonClass('primary', 'sm')}
              aria-label={`填报 ${item.projectName} ${monthLabel(item.month)}月报`}
            >
              填报
            </Link>
          </Line>
        ))}
      </Section>,
      <Section key="tasks" id="desk-tasks" title="逾期任务" count={desk.tasksOverdue.length} empty="没有逾期任务。">
        {desk.tasksOverdue.map((item) => (
          <Line key={item.id}>
            <span className="min-w-0 flex-1">
              <Link href={item.link} className={linkClass}>
                {item.title}
              </Link>
              <span className="block text-xs text-slate-500">{item.projectName}</span>
            </span>
            <Tag tone="red">
              逾期 {item.daysLate} 天 · {item.dueDate}
            </Tag>
          </Line>
        ))}
      </Section>,
      <Section
        key="problems"
        id="desk-problems"
        title="超期未解决的问题"
        count={desk.problemsOverdue.length}
        empty="没有超过时限的问题。"
      >
        <ProblemLines items={desk.problemsOverdue} />
      </Section>,
      <ProjectsCard key="projects" desk={desk} title="我负责的项目" scope={`ownerId=${userId}`} />,
    );
  }

  if (desk.role === 'leader') {
    cards.push(
      <ProjectsCard key="projects" desk={desk} title="我包保的项目" scope={`leaderId=${userId}`} />,
      <Section
        key="close"
        id="desk-close"
        title="待我办结的督办"
        count={desk.supervisionsToClose.length}
        empty="没有已回复待办结的督办。"
      >
        <SupervisionLines items={desk.supervisionsToClose} who="assignee" />
      </Section>,
    );
  }

  if (desk.role === 'admin' && desk.cityProjects) cards.push(cityCard(desk.cityProjects));
  if (desk.role === 'admin') {
    cards.push(
      <Section
        key="overdue"
        id="desk-supervisions-overdue"
        title="逾期督办（全市）"
        count={desk.supervisionsOverdue.length}
        empty="没有逾期的督办。"
        more={{ href: '/alerts', label: '全部预警' }}
      >
        <SupervisionLines items={desk.supervisionsOverdue} who="assignee" limit={SHOWN} />
      </Section>,
    );
  }

  if (desk.role === 'leader' || desk.role === 'admin') {
    cards.push(
      <Card key="meeting" title="下一次调度会">
        {desk.nextMeeting ? (
          <p className="text-sm">
            <Link href={desk.nextMeeting.link} className={linkClass}>
              {desk.nextMeeting.title}
            </Link>
            <span className="block text-xs text-slate-500">
              {desk.nextMeeting.date} · {MEETING_KIND_LABELS[desk.nextMeeting.kind]} · 主持 {desk.nextMeeting.chairName}
              {desk.nextMeeting.location ? ` · ${desk.nextMeeting.location}` : ''}
            </span>
          </p>
        ) : (
          <p className="text-sm text-slate-500">暂无已安排的调度会。</p>
        )}
      </Card>,
      <Section
        key="escalated"
        id="desk-escalated"
        title="上报至市级的问题"
        count={desk.problemsEscalated.length}
        empty="没有上报至市级协调会或市主要领导的问题。"
        more={{ href: '/problems', label: '问题清单' }}
      >
        <ProblemLines items={desk.problemsEscalated} showLevel limit={SHOWN} />
      </Section>,
    );
  }

  if (desk.role === 'leader' && desk.cityProjects) cards.push(cityCard(desk.cityProjects));

  if (desk.role === 'investment') {
    cards.push(
      <Section
        key="followups"
        id="desk-followups"
        title="本周应跟进及逾期的线索"
        count={desk.followUpsDue.length}
        empty="本周没有到期的跟进。"
      >
        <LeadLines
          items={desk.followUpsDue}
          detail={(lead) =>
            lead.overdue ? (
              <Tag tone="red">逾期 · {lead.nextFollowUpDate}</Tag>
            ) : (
              <span className="text-slate-500">{lead.nextFollowUpDate} 跟进</span>
            )
          }
        />
      </Section>,
      <Section
        key="aging"
        id="desk-aging"
        title="阶段停留超期的线索"
        count={desk.leadsAging.length}
        empty="没有在同一阶段停留过久的线索。"
      >
        <LeadLines items={desk.leadsAging} detail={(lead) => <Tag tone="amber">已停留 {lead.daysInStage} 天</Tag>} />
      </Section>,
      <Section
        key="stale"
        id="desk-stale"
        title="长期未跟进的线索"
        count={desk.leadsStale.length}
        empty="所有在谈线索近期都有跟进。"
      >
        <LeadLines
          items={desk.leadsStale}
          detail={(lead) => (
            <Tag tone={lead.severity === 'red' ? 'red' : 'amber'}>
              {lead.daysSinceFollowup} 天未跟进 · 最近 {lead.lastFollowupDate}
            </Tag>
          )}
        />
      </Section>,
      <Section
        key="signed"
        id="desk-signed"
        title="已签约未转项目的线索"
        count={desk.leadsSignedNotConverted.length}
        empty="签约线索均已转为项目。"
      >
        <LeadLines
          items={desk.leadsSignedNotConverted}
          detail={() => <span className="text-slate-500">去转为项目</span>}
        />
      </Section>,
    );
  }

  // Two columns on a wide screen, read top to bottom; each card whole in one column.
  return (
    <div className="gap-4 lg:columns-2">
      {cards.map((card, index) => (
        <div key={index} className="mb-4 break-inside-avoid">
          {card}
        </div>
      ))}
    </div>
  );
}
