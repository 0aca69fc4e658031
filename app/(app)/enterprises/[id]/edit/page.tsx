import Link from 'next/link';
import { notFound } from 'next/navigation';
import { EnterpriseForm, type EnterpriseFormValues } from '@/components/enterprises/enterprise-form';
import { Card, PageHeader } from '@/components/ui/page';
import { getDb } from '@/db';
import { listIndustries } from '@/db/queries/reference';
import { findEnterprise } from '@/domain/enterprises';
import { isAppError } from '@/lib/errors';
import { requireUser } from '@/lib/auth/next';
import { id as idSchema } from '@/lib/validation';
import { updateEnterpriseAction } from '../../actions';

export const metadata = { title: '编辑企业' };

export default async function EditEnterprisePage({ params }: { params: Promise<{ id: string }> }) {
  await requireUser(['admin', 'investment']);
  const parsed = idSchema.safeParse((await params).id);
  if (!parsed.success) notFound();
  let enterprise;
  try {
    enterprise = findEnterprise(getDb(), parsed.data);
  } catch (error) {
    if (isAppError(error) && error.code === 'not_found') notFound();
    throw error;
  }
  const initial: EnterpriseFormValues = {
    name: enterprise.name,
    creditCode: enterprise.creditCode ?? '',
    region: enterprise.region ?? '',
    industryId: enterprise.industryId == null ? '' : String(enterprise.industryId),
  };
  enterprise.contacts.forEach((contact, index) => {
    initial[`contacts.${index}.name`] = contact.name;
    initial[`contacts.${index}.title`] = contact.title ?? '';
    initial[`contacts.${index}.phone`] = contact.phone ?? '';
    initial[`contacts.${index}.email`] = contact.email ?? '';
  });
  return (
    <div>
      <PageHeader
        title={`编辑企业：${enterprise.name}`}
        actions={
          <Link href={`/enterprises/${enterprise.id}`} className="text-sm text-brand-700 underline">
            返回企业
          </Link>
        }
      />
      <Card>
        <EnterpriseForm
          industries={listIndustries()}
          initial={initial}
          contactCount={enterprise.contacts.length}
          enterprise={{ id: enterprise.id, version: enterprise.version }}
          action={updateEnterpriseAction}
        />
      </Card>
    </div>
  );
}
