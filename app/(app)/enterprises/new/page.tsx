import Link from 'next/link';
import { EnterpriseForm } from '@/components/enterprises/enterprise-form';
import { Card, PageHeader } from '@/components/ui/page';
import { listIndustries } from '@/db/queries/reference';
import { requireUser } from '@/lib/auth/next';
import { createEnterpriseAction } from '../actions';

export const metadata = { title: '登记企业' };

export default async function NewEnterprisePage() {
  await requireUser(['admin', 'investment']);
  return (
    <div>
      <PageHeader
        title="登记企业"
        actions={
          <Link href="/enterprises" className="text-sm text-brand-700 underline">
            返回企业库
          </Link>
        }
      />
      <Card>
        <EnterpriseForm industries={listIndustries()} initial={{}} contactCount={0} action={createEnterpriseAction} />
      </Card>
    </div>
  );
}
