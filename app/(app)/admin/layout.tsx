import { requireUser } from '@/lib/auth/next';

// The role check sits above the section's loading skeleton, so a refused user gets the 403 page with
// a real 403 status (a check inside the streamed page could only show it under a 200).
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requireUser(['admin']);
  return children;
}
