import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/ui/page';
import { requireUser } from '@/lib/auth/next';

export const metadata: Metadata = { title: '管理' };

const SECTIONS = [
  { href: '/admin/users', title: '用户管理', text: '创建账号，调整角色、单位和招商小组，停用账号，重置密码。' },
  { href: '/admin/units', title: '单位管理', text: '县（市）区、开发区和市直部门：添加、改名、停用。' },
  { href: '/admin/industries', title: '行业管理', text: '项目和招商线索的产业分类。' },
  { href: '/admin/chains', title: '产业链管理', text: '各行业的产业链和环节：添加、改名、调整上下游顺序、停用。' },
  { href: '/admin/targets', title: '年度目标', text: '开工、投资、城建、储备和招商目标，按年度录入。' },
  { href: '/admin/settings', title: '系统设置', text: '密码最小长度，项目和线索各阶段的通常用时。' },
  { href: '/admin/tokens', title: 'API 令牌', text: '供其他政务系统调用接口的令牌：创建和吊销。' },
  { href: '/admin/webhook', title: '预警推送 Webhook', text: '每日预警摘要推送到指定地址，并查看投递记录。' },
] as const;

export default async function AdminHome() {
  await requireUser(['admin']);
  return (
    <div className="space-y-4">
      <PageHeader title="管理" description="账号、单位、行业、年度目标和系统设置。" />
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {SECTIONS.map((section) => (
          <li key={section.href}>
            <Link
              href={section.href}
              className="block h-full rounded-lg border border-slate-200 bg-white p-4 shadow-sm transition hover:border-brand-500 hover:shadow"
            >
              <span className="block text-base font-semibold text-brand-700">{section.title}</span>
              <span className="mt-1 block text-sm text-slate-600">{section.text}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
