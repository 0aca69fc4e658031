import 'server-only';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { MEETING_KIND_LABELS } from '@/lib/rules/enums';
import type { MeetingDto, MeetingItemDto } from './meetings';

// 会议纪要 of a 调度会, in the usual layout: title, date, place, chair, attendees, then the numbered
// decisions with their responsible unit and deadline. The print page and the .docx read the same lines.

export interface MinutesDecision {
  number: number;
  subject: string;
  decision: string;
  unit: string | null;
  assignee: string | null;
  deadline: string | null;
}

export interface Minutes {
  title: string;
  heading: string;
  date: string;
  location: string | null;
  chair: string | null;
  attendees: string | null;
  kind: string;
  decisions: MinutesDecision[];
}

/** 2026-11-20 → 2026年11月20日 */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export function minutesOf(meeting: MeetingDto): Minutes {
  const decided = meeting.items.filter((item): item is MeetingItemDto & { decision: string } => !!item.decision);
  return {
    title: meeting.title,
    heading: `${meeting.title}会议纪要`,
    date: chineseDate(meeting.date),
    location: meeting.location,
    chair: meeting.chairName,
    attendees: meeting.attendees,
    kind: MEETING_KIND_LABELS[meeting.kind],
    decisions: decided.map((item, index) => ({
      number: index + 1,
      subject: item.projectName ?? item.subject,
      decision: item.decision,
      unit: item.responsibleUnitName,
      assignee: item.assigneeName,
      deadline: item.deadline ? chineseDate(item.deadline) : null,
    })),
  };
}

/** The tail of a decision: （责任单位：…；责任人：…；完成时限：…） */
export function decisionTail(decision: MinutesDecision): string {
  const parts = [
    decision.unit ? `责任单位：${decision.unit}` : null,
    decision.assignee ? `责任人：${decision.assignee}` : null,
    decision.deadline ? `完成时限：${decision.deadline}前` : null,
  ].filter(Boolean);
  return parts.length ? `（${parts.join('；')}）` : '';
}

const FONT = { ascii: 'FangSong', eastAsia: '仿宋_GB2312', hAnsi: 'FangSong' };
const TITLE_FONT = { ascii: 'SimSun', eastAsia: '方正小标宋简体', hAnsi: 'SimSun' };
const BODY = 32; // 三号 = 16pt, in half-points

const line = (text: string, options: { bold?: boolean; indent?: boolean } = {}) =>
  new Paragraph({
    spacing: { line: 560 },
    indent: options.indent ? { firstLine: 640 } : undefined,
    children: [new TextRun({ text, font: FONT, size: BODY, bold: options.bold })],
  });

/** The minutes as a Word file (A4, 公文-style fonts and margins). */
export async function minutesDocx(minutes: Minutes): Promise<Buffer> {
  const children: Paragraph[] = [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      spacing: { after: 400 },
      children: [new TextRun({ text: minutes.heading, font: TITLE_FONT, size: 44 })],
    }),
    line(`会议类型：${minutes.kind}`),
    line(`时间：${minutes.date}`),
    line(`地点：${minutes.location ?? '—'}`),
    line(`主持：${minutes.chair ?? '—'}`),
    line(`参加：${minutes.attendees ?? '—'}`),
    line(
      minutes.decisions.length ? `会议研究了重点项目推进中的有关问题，议定事项纪要如下：` : '本次会议未形成议定事项。',
      { indent: true },
    ),
  ];
  for (const decision of minutes.decisions) {
    children.push(line(`${decision.number}. ${decision.subject}`, { bold: true, indent: true }));
    children.push(line(`${decision.decision}${decisionTail(decision)}`, { indent: true }));
  }
  const doc = new Document({
    creator: '吉林市重点项目管理平台',
    title: minutes.heading,
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 },
          },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

export function minutesFileName(minutes: Minutes): string {
  return `${minutes.heading}.docx`;
}
