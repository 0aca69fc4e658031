import Link from 'next/link';
import { Card, PageHeader } from '@/components/ui/page';
import { ProjectForm } from '@/components/projects/project-form';
import { listUnits } from '@/db/queries/reference';
import { loadProjectFormOptions } from '@/db/queries/project-options';
import { requireUser } from '@/lib/auth/next';
import { currentYear } from '@/domain/year-plans';
import { createProjectAction } from '../actions';

export const metadata = { title: '新建项目' };

export default async function NewProjectPage() {
  const user = await requireUser(['admin', 'leader', 'officer']);
  // Officers create projects only in their own unit.
  const units = listUnits().filter((unit) => user.role !== 'officer' || unit.id === user.unitId);
  const initial: Record<string, string> = {
    unitId: user.role === 'officer' && user.unitId ? String(user.unitId) : '',
    ownerId: user.role === 'officer' ? String(user.id) : '',
  };
  return (
    <>
      <PageHeader
        title="新建项目"
        description={
          <>
            新项目从“谋划储备”阶段开始，并自动生成前期手续清单。
            <Link href="/projects" className="text-brand-700 underline">
              返回项目库
            </Link>
          </>
        }
      />
      <Card>
        <ProjectForm
          mode="create"
          currentYear={currentYear()}
          action={createProjectAction}
          initial={initial}
          units={units}
          {...loadProjectFormOptions()}
        />
      </Card>
    </>
  );
}
