import { listWebhookDeliveries } from '@/db/queries/webhooks';
import { getDigestWebhookUrl } from '@/domain/webhook';
import { requireUser } from '@/lib/auth/next';
import { Tag } from '@/components/ui/badges';
import { Card, EmptyState, PageHeader } from '@/components/ui/page';
import { ActionForm } from '@/components/problems/action-form';
import { saveWebhookAction } from './actions';
import { formatDateTime } from '@/lib/format-time';

// 预警推送: the optional URL that receives each day's alert digest as JSON. The digest script
// (npm run alerts:digest) does the delivery and its retries; this page only sets the URL and
// shows how recent deliveries went.

const STATUS = {
  pending: { label: '待推送', tone: 'slate' as const },
  delivered: { label: '已送达', tone: 'emerald' as const },
  failed: { label: '失败，待重试', tone: 'red' as const },
};

export default async function WebhookPage() {
  await requireUser(['admin']);
  const url = getDigestWebhookUrl();
  const deliveries = listWebhookDeliveries({ limit: 20 });
  return (
    <div className="space-y-4">
      <PageHeader
        title="预警推送"
        description="每日预警日报（npm run alerts:digest）生成后，以 JSON 推送到下面的地址，可接入短信或邮件网关。推送失败会自动重试并记录，不影响系统使用。"
      />
      <Card title="推送地址">
        <ActionForm
          idPrefix="webhook"
          action={saveWebhookAction}
          submitLabel="保存"
          successMessage="已保存。"
          fields={[
            {
              name: 'url',
              label: '推送地址（留空则不推送）',
              defaultValue: url ?? '',
              placeholder: 'https://gateway.example.gov.cn/digest',
            },
          ]}
        />
      </Card>
      <Card title="最近推送记录">
        {deliveries.length === 0 ? (
          <EmptyState title="暂无推送记录" />
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {deliveries.map((d) => (
              <li key={d.id} className="flex flex-wrap items-center gap-2 py-2">
                <Tag tone={STATUS[d.status].tone}>{STATUS[d.status].label}</Tag>
                <span>{d.digestDate} 日报</span>
                <span className="break-all text-slate-500">{d.url}</span>
                <span className="text-slate-500">已尝试 {d.attempts} 次</span>
                {d.lastError ? <span className="text-red-700">错误：{d.lastError}</span> : null}
                {d.nextAttemptAt ? (
                  <span className="text-slate-500">下次重试 {formatDateTime(d.nextAttemptAt)}</span>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
