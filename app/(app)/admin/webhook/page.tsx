import { listWebhookDeliveries } from '@/db/queries/webhooks';
import { getDigestWebhookConfig } from '@/domain/webhook';
import { WEBHOOK_FORMAT_LABELS, WEBHOOK_FORMATS } from '@/lib/digest-push';
import { requireUser } from '@/lib/auth/next';
import { Tag } from '@/components/ui/badges';
import { Card, EmptyState, PageHeader } from '@/components/ui/page';
import { ActionForm } from '@/components/problems/action-form';
import { clearWebhookSecretAction, saveWebhookAction, testWebhookAction } from './actions';
import { formatDateTime } from '@/lib/format-time';

// 预警推送: the optional URL that receives each day's alert digest, as JSON or as a 企业微信 / 钉钉
// group-robot message. The digest script (npm run alerts:digest) does the delivery and its
// retries; this page sets the URL, format and 钉钉 secret, sends a test message, and shows how
// recent deliveries went.

const STATUS = {
  pending: { label: '待推送', tone: 'slate' as const },
  delivered: { label: '已送达', tone: 'emerald' as const },
  failed: { label: '失败，待重试', tone: 'red' as const },
};

export const metadata = { title: '预警推送' };

export default async function WebhookPage() {
  await requireUser(['admin']);
  const { url, format, hasSecret } = getDigestWebhookConfig();
  const deliveries = listWebhookDeliveries({ limit: 20 });
  return (
    <div className="space-y-4">
      <PageHeader
        title="预警推送"
        description="每日预警日报（npm run alerts:digest）生成后推送到下面的地址：JSON 可接入短信或邮件网关，也可直接发到企业微信群或钉钉群的机器人（只含姓名、条数和链接，不含项目详情）。推送失败会自动重试并记录，不影响系统使用。"
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
              placeholder: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…',
            },
            {
              name: 'format',
              label: '推送格式',
              kind: 'select',
              defaultValue: format,
              options: WEBHOOK_FORMATS.map((value) => ({ value, label: WEBHOOK_FORMAT_LABELS[value] })),
            },
            {
              name: 'secret',
              label: '钉钉加签密钥（仅钉钉；SEC 开头）',
              defaultValue: '',
              placeholder: hasSecret ? '已设置，留空则保持不变' : '未设置；机器人开启“加签”时填写',
            },
          ]}
        />
        {format === 'dingtalk' && hasSecret ? (
          <ActionForm
            idPrefix="webhook-secret"
            className="mt-3"
            action={clearWebhookSecretAction}
            fields={[]}
            submitLabel="清除加签密钥"
            variant="secondary"
            confirm="清除后钉钉机器人若仍开启加签将拒收消息，确定清除吗？"
            successMessage="已清除加签密钥。"
          />
        ) : null}
        <p className="mt-3 text-sm text-slate-500">
          消息中的链接以环境变量 APP_BASE_URL（平台对外地址）开头；未设置时只写页面路径。
        </p>
      </Card>
      <Card title="测试推送">
        {url ? (
          <ActionForm
            idPrefix="webhook-test"
            action={testWebhookAction}
            fields={[]}
            submitLabel="发送测试消息"
            variant="secondary"
            successMessage="测试消息已送达。"
          />
        ) : (
          <p className="text-sm text-slate-500">保存推送地址后可发送测试消息。</p>
        )}
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
