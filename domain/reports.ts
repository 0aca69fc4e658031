import 'server-only';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { and, count, eq } from 'drizzle-orm';
import { dataDirectory, getDb } from '@/db';
import { writeAudit } from '@/db/audit';
import { monthlyReports, projects, reportPhotos, type MonthlyReport, type ReportPhoto } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { monthOf, nowIso, today } from '@/lib/rules/dates';
import { makeThumbnail } from './photo-images';
import { detectPhotoType, MAX_PHOTO_BYTES, MAX_PHOTOS_PER_REPORT, PHOTO_EXTENSIONS } from '@/lib/rules/photos';
import { monthLabel } from '@/lib/rules/report-month';
import type { ReportCreateInput } from '@/lib/schemas/project-lists';
import { auditProjectChange } from './light';
import { editableProject } from './project-access';
import { reportedTotal } from './year-plans';
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
