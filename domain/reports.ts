import 'server-only';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { and, count, eq, gte, sql } from 'drizzle-orm';
import { dataDirectory, getDb } from '@/db';
import { writeAudit } from '@/db/audit';
import {
  monthlyReports,
  projects,
  reportCorrections,
  reportPhotos,
  type MonthlyReport,
  type ReportFigures,
  type ReportPhoto,
} from '@/db/schema';
import { AppError } from '@/lib/errors';
import { monthOf, nowIso, today } from '@/lib/rules/dates';
import { makeThumbnail } from './photo-images';
import { detectPhotoType, MAX_PHOTO_BYTES, MAX_PHOTOS_PER_REPORT, PHOTO_EXTENSIONS } from '@/lib/rules/photos';
import { monthLabel } from '@/lib/rules/report-month';
import { changedFields, correctionNeedsReason, reportFilingDeadline } from '@/lib/rules/report-correction';
import type { ReportCorrectInput, ReportCreateInput } from '@/lib/schemas/project-lists';
import { auditProjectChange } from './light';
import { editableProject } from './project-access';
import { reportedTotal } from './year-plans';
import { listReportCorrections } from '@/db/queries/projects';
import type { ActorContext } from '@/lib/rules/permissions';

// 进度清单: the monthly dispatch report. The cumulative figure is derived, never typed: it is the
// project's opening investment plus every report so far (this one included), and the project's
// cached completedInvestment is set to the same figure: one source of completed investment.

export function toReportDto(report: MonthlyReport) {
  return {
    id: report.id,
    projectId: report.projectId,
    month: report.month,
    investmentThisMonth: report.investmentThisMonth,
    cumulativeInvestment: report.cumulativeInvestment,
    progressPercent: report.progressPercent,
    narrative: report.narrative,
    problemsMet: report.problemsMet,
    createdBy: report.createdBy,
    createdAt: report.createdAt,
    version: report.version,
  };
}
export type ReportDto = ReturnType<typeof toReportDto>;

export function createReport(actor: ActorContext, projectId: number, input: ReportCreateInput): ReportDto {
  return toReportDto(
    getDb().transaction((tx) => {
      const project = editableProject(tx, actor, projectId);
      if (input.month > monthOf(today()))
        throw new AppError('validation_failed', undefined, { month: ['不能填报未来月份'] });
      const existing = tx
        .select({ id: monthlyReports.id })
        .from(monthlyReports)
        .where(and(eq(monthlyReports.projectId, projectId), eq(monthlyReports.month, input.month)))
        .get();
      if (existing)
        throw new AppError('conflict', `${monthLabel(input.month)}的进度报告已填报，每月只能填报一次`, {
          month: ['该月已填报'],
        });
      const cumulativeInvestment = project.openingInvestment + reportedTotal(tx, projectId) + input.investmentThisMonth;
      const at = nowIso();
      const report = tx
        .insert(monthlyReports)
        .values({
          projectId,
          ...input,
          problemsMet: input.problemsMet ?? null,
          cumulativeInvestment,
          createdBy: actor.id,
          createdAt: at,
        })
        .returning()
        .get();
      tx.update(projects)
        .set({ completedInvestment: cumulativeInvestment, version: project.version + 1, updatedAt: at })
        .where(eq(projects.id, projectId))
        .run();
      auditProjectChange(tx, actor, {
        action: 'create',
        entityType: 'report',
        entityId: report.id,
        projectId,
        after: toReportDto(report),
      });
      return report;
    }),
  );
}

const figuresOf = (report: ReportFigures): ReportFigures => ({
  investmentThisMonth: report.investmentThisMonth,
  progressPercent: report.progressPercent,
  narrative: report.narrative,
  problemsMet: report.problemsMet ?? null,
});

/**
 * 更正 a filed report (issue 18). The author corrects freely until the filing deadline (the 5th of
 * the next month); after it, and for any other project editor, a reason is required. A changed
 * 本月完成投资 moves this report's cumulative figure and every later-filed report's by the same
 * amount, and the project's completed investment with them, so the one source of completed
 * investment stays the sum of the reports. The correction is kept (before, after, reason).
 */
export function correctReport(actor: ActorContext, reportId: number, input: ReportCorrectInput): ReportDto {
  return toReportDto(
    getDb().transaction((tx) => {
      const report = tx.select().from(monthlyReports).where(eq(monthlyReports.id, reportId)).get();
      if (!report) throw new AppError('not_found', '进度报告不存在');
      const project = editableProject(tx, actor, report.projectId);
      if (input.version !== report.version) throw new AppError('stale_version', '该进度报告已被他人更正，请刷新后再试');
      const before = figuresOf(report);
      const after: ReportFigures = {
        investmentThisMonth: input.investmentThisMonth ?? before.investmentThisMonth,
        progressPercent: input.progressPercent ?? before.progressPercent,
        narrative: input.narrative ?? before.narrative,
        problemsMet: input.problemsMet === undefined ? before.problemsMet : input.problemsMet || null,
      };
      if (changedFields(before, after).length === 0)
        throw new AppError('validation_failed', '没有需要更正的内容，请修改至少一项再提交');
      const reason = input.reason?.trim() || null;
      if (!reason && correctionNeedsReason(report, actor.id, today())) {
        const why =
          report.createdBy === actor.id
            ? `已过报送期限（${reportFilingDeadline(report.month)}），更正须填写原因`
            : '更正他人填报的进度报告须填写原因';
        throw new AppError('validation_failed', why, { reason: [why] });
      }
      const at = nowIso();
      const delta = after.investmentThisMonth - before.investmentThisMonth;
      if (delta !== 0) {
        // Reports filed after this one counted it in their cumulative figure (see createReport).
        tx.update(monthlyReports)
          .set({ cumulativeInvestment: sql`${monthlyReports.cumulativeInvestment} + ${delta}` })
          .where(and(eq(monthlyReports.projectId, report.projectId), gte(monthlyReports.id, report.id)))
          .run();
        tx.update(projects)
          .set({
            completedInvestment: project.completedInvestment + delta,
            version: project.version + 1,
            updatedAt: at,
          })
          .where(eq(projects.id, project.id))
          .run();
      }
      const updated = tx
        .update(monthlyReports)
        .set({ ...after, version: report.version + 1 })
        .where(and(eq(monthlyReports.id, report.id), eq(monthlyReports.version, report.version)))
        .returning()
        .get();
      if (!updated) throw new AppError('stale_version', '该进度报告已被他人更正，请刷新后再试');
      tx.insert(reportCorrections).values({ reportId, at, byUserId: actor.id, reason, before, after }).run();
      auditProjectChange(tx, actor, {
        action: 'update',
        entityType: 'report',
        entityId: report.id,
        projectId: report.projectId,
        before: { month: report.month, ...before },
        after: { month: report.month, ...after, reason },
      });
      return updated;
    }),
  );
}

/** One report's corrections (any signed-in reader: every role reads projects); 404 when missing. */
export function reportCorrectionsOf(reportId: number) {
  const report = getDb()
    .select({ id: monthlyReports.id })
    .from(monthlyReports)
    .where(eq(monthlyReports.id, reportId))
    .get();
  if (!report) throw new AppError('not_found', '进度报告不存在');
  return listReportCorrections([reportId]);
}

export function photoDirectory(): string {
  return path.join(dataDirectory(), 'photos');
}

/** The report a photo is for: 404 when missing, 403 when the actor may not edit its project. */
export function photoTarget(actor: ActorContext, reportId: number): MonthlyReport {
  const db = getDb();
  const report = db.select().from(monthlyReports).where(eq(monthlyReports.id, reportId)).get();
  if (!report) throw new AppError('not_found', '进度报告不存在');
  editableProject(db, actor, report.projectId);
  return report;
}

/**
 * Stores one 形象进度照片 for a report. Who may add it is checked before the bytes are looked at
 * (the route checks it before it even reads them). The file is written first and removed again if
 * the row cannot be.
 */
export async function addReportPhoto(actor: ActorContext, reportId: number, bytes: Uint8Array): Promise<ReportPhoto> {
  const report = photoTarget(actor, reportId);
  if (bytes.byteLength === 0) throw new AppError('validation_failed', undefined, { photo: ['请选择照片'] });
  if (bytes.byteLength > MAX_PHOTO_BYTES)
    throw new AppError('payload_too_large', '每张照片不能超过 10 MB', { photo: ['每张照片不能超过 10 MB'] });
  const mime = detectPhotoType(bytes);
  if (!mime)
    throw new AppError('unsupported_media_type', '只支持 JPEG、PNG 或 WebP 照片', {
      photo: ['只支持 JPEG、PNG 或 WebP 照片'],
    });
  // Refuses pixel bombs from the header, then makes the thumbnail lists show.
  const thumbnail = await makeThumbnail(bytes);
  const db = getDb();
  const storedName = `${report.id}-${randomBytes(12).toString('hex')}.${PHOTO_EXTENSIONS[mime]}`;
  const dir = photoDirectory();
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, storedName);
  fs.writeFileSync(file, bytes);
  fs.writeFileSync(thumbnailPath(file), thumbnail);
  try {
    return db.transaction((tx) => {
      const existing = tx.select({ n: count() }).from(reportPhotos).where(eq(reportPhotos.reportId, reportId)).get()!.n;
      if (existing >= MAX_PHOTOS_PER_REPORT) {
        throw new AppError('validation_failed', `每份报告最多 ${MAX_PHOTOS_PER_REPORT} 张照片`, {
          photo: [`每份报告最多 ${MAX_PHOTOS_PER_REPORT} 张照片`],
        });
      }
      const photo = tx
        .insert(reportPhotos)
        .values({ reportId, storedName, mime, size: bytes.byteLength, createdAt: nowIso() })
        .returning()
        .get();
      writeAudit(tx, {
        userId: actor.id,
        action: 'create',
        entityType: 'report_photo',
        entityId: photo.id,
        projectId: report.projectId,
        after: { month: report.month, photo: storedName, size: bytes.byteLength },
        ip: actor.ip ?? null,
      });
      return photo;
    });
  } catch (error) {
    fs.rmSync(file, { force: true });
    fs.rmSync(thumbnailPath(file), { force: true });
    throw error;
  }
}

const thumbnailPath = (file: string) => `${file}.thumb.webp`;

/**
 * A stored photo for any signed-in reader (every role reads projects): the original, or its
 * thumbnail (made now for a photo stored before thumbnails existed; a stored pixel bomb gets 400).
 */
export async function readReportPhoto(
  photoId: number,
  size: 'full' | 'thumb' = 'full',
): Promise<{ photo: ReportPhoto; bytes: Buffer; mime: string }> {
  const photo = getDb().select().from(reportPhotos).where(eq(reportPhotos.id, photoId)).get();
  if (!photo) throw new AppError('not_found', '照片不存在');
  const file = path.join(photoDirectory(), path.basename(photo.storedName));
  if (!fs.existsSync(file)) throw new AppError('not_found', '照片文件不存在');
  if (size === 'full') return { photo, bytes: fs.readFileSync(file), mime: photo.mime };
  const thumb = thumbnailPath(file);
  if (!fs.existsSync(thumb)) fs.writeFileSync(thumb, await makeThumbnail(fs.readFileSync(file)));
  return { photo, bytes: fs.readFileSync(thumb), mime: 'image/webp' };
}
