import { DESK_PROJECTS_SHOWN, DeskView } from '@/components/desk/desk-view';
import { PageHeader } from '@/components/ui/page';
import { getDesk } from '@/domain/desk';
import { requireUser } from '@/lib/auth/next';
import { ROLE_LABELS } from '@/lib/rules/enums';

// 工作台: each role's home page, the same list GET /api/v1/desk gives.
export const metadata = { title: '工作台' };

export default async function DeskPage() {
  const user = await requireUser();
  const desk = getDesk(user, { projectLimit: DESK_PROJECTS_SHOWN });
  return (
    <div>
      <PageHeader
        title="工作台"
        description={`${user.name}（${ROLE_LABELS[user.role]}）今天（${desk.today}）要办的事，点击每一行到办理的地方。`}
      />
      <DeskView desk={desk} userId={user.id} />
    </div>
  );
}
