import { POST } from '@/app/api/v1/imports/projects/route';
import { call } from './api';

// The project import API as the /import page calls it: upload a workbook for a preview, then commit it.

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** POST …?mode=preview with the workbook's bytes. */
export const previewProjects = (cookie: string, bytes: Uint8Array, fileName = 'api.xlsx') =>
  call(POST, {
    method: 'POST',
    path: `/api/v1/imports/projects?mode=preview&fileName=${encodeURIComponent(fileName)}`,
    cookie,
    rawBody: bytes,
    headers: { 'content-type': XLSX },
  });

/** POST …?mode=commit for a stored preview, optionally only its valid rows. */
export const commitProjects = (cookie: string, previewId: string, validOnly = false) =>
  call(POST, {
    method: 'POST',
    path: `/api/v1/imports/projects?mode=commit&previewId=${previewId}${validOnly ? '&validOnly=true' : ''}`,
    cookie,
  });
