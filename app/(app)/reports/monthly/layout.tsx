import { requireUser } from '@/lib/auth/next';

// Checked above the report's loading skeleton, so a refused user gets a real 403 status (see admin/layout.tsx).
export default async function MonthlyReportLayout({ children }: { children: React.ReactNode }) {
  await requireUser(['admin', 'leader']);
  return children;
}
