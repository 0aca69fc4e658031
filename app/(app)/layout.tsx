import { AppShell } from '@/components/shell/app-shell';
import { countAlerts } from '@/domain/alerts';
import { requireUser } from '@/lib/auth/next';

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  // The same alerts GET /api/v1/alerts returns; cached per caller until the data or the day changes.
  return (
    <AppShell user={user} badges={{ '/alerts': countAlerts(user) }}>
      {children}
    </AppShell>
  );
}
