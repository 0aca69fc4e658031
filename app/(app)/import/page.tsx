import { BatchList } from '@/components/import/batch-list';
import { UploadForm, type ImportKindOption } from '@/components/import/upload-form';
import { buttonClass } from '@/components/ui/button';
import { Card, PageHeader } from '@/components/ui/page';
import { listImportBatches } from '@/db/queries/imports';
import { requireUser } from '@/lib/auth/next';
import { IMPORT_ROLES, LEAD_IMPORT_ROLES, PROJECT_IMPORT_ROLES } from '@/lib/rules/import';
import { page as pageSchema } from '@/lib/validation';
import { pageCount } from '@/lib/list-url';
import { Pager } from '@/components/ui/pager';

export const metadata = { title: '导入' };

const HELP = {
  projects: [
    '按列名识别，列的顺序不限；“总投资（万元）”“总投资(万元)”“总投资”都可以。',
    '有项目代码的按代码匹配已有项目，否则按“项目名称 + 责任单位”匹配；匹配到的更新，其余新建。',
    '金额按列名的单位（默认万元）读，也可写“35.5亿元”“8亿”“1,200”“1200万元”，按四舍五入取整到万元；“—”“-”“/”“无”为空。',
    '日期可填 Excel 日期、YYYY-MM-DD，或“2026年5月”“2026.5”“2026年二季度”“2026年上半年”“2027年底”：计划开工取该期第一天，计划竣工取最后一天。预览中列出每个换算后的值。',
    '建设单位/项目业主按企业库匹配，没有的新建；“截至2025年底累计完成投资”为期初投资（须为上年年底）。',
  ],
  leads: [
    '按列名识别，列的顺序不限；“意向投资（万元）”“意向投资(万元)”“意向投资”都可以。',
    '按“企业名称 + 拟建项目”匹配已有线索：匹配到的更新（空白单元格保持原值），其余新建。',
    '负责人填招商专员姓名，空白为导入人本人；招商专员只能导入本人或本组负责的线索。',
    '阶段可填线索、接洽、洽谈、签约；已有线索的阶段须在线索页推进。',
    '意向投资可写“8亿”“1200万元”；日期可写“2026年5月”等，取该月第一天。',
  ],
} as const;

export default async function ImportPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser(IMPORT_ROLES);
  const params = await searchParams;
  const parsedPage = pageSchema.safeParse(Array.isArray(params.page) ? params.page[0] : params.page);
  const page = parsedPage.success ? parsedPage.data : 1;
  const kinds: ImportKindOption[] = [
    ...(PROJECT_IMPORT_ROLES.includes(user.role) ? [{ kind: 'projects' as const, label: '项目台账' }] : []),
    ...(LEAD_IMPORT_ROLES.includes(user.role) ? [{ kind: 'leads' as const, label: '招商线索' }] : []),
  ];
  const kind = kinds.find((option) => option.kind === params.kind)?.kind ?? kinds[0].kind;
  const ownOnly = user.role === 'officer' || user.role === 'investment';
  const batches = listImportBatches({ userId: ownOnly ? user.id : undefined, page, pageSize: 20 });
  const pages = pageCount(batches.total, batches.pageSize);
  const description =
    kind === 'leads'
      ? '把现有的招商线索台账（Excel）导入平台。先预览，确认后才写入。'
      : user.role === 'officer'
        ? `把本单位（${user.unitName ?? '未分配单位'}）现有的 Excel 台账导入平台。先预览，确认后才写入。`
        : '把各单位现有的 Excel 台账导入平台。先预览，确认后才写入。';
  return (
    <div className="space-y-4">
      <PageHeader
        title={kind === 'leads' ? '导入招商线索' : '导入项目台账'}
        description={description}
        actions={
          <a className={buttonClass('secondary')} href={`/import/template?kind=${kind}`} download>
            下载导入模板
          </a>
        }
      />
      <div className="grid gap-4 lg:grid-cols-3">
        <Card title="上传文件" className="lg:col-span-2">
          <UploadForm key={kind} kinds={kinds} initialKind={kind} />
        </Card>
        <Card title="导入说明">
          <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
            {HELP[kind].map((line) => (
              <li key={line}>{line}</li>
            ))}
            <li>有错误的文件默认一行都不导入；也可以勾选“只导入有效行”。</li>
            <li>大文件在后台检查和写入，页面显示进度，不影响其他用户使用。</li>
            <li>
              可直接上传市里和县区现有的台账：标题行、“单位：万元/亿元”行、两行表头（合并的“投资情况（万元）”等）、
              分区行（“一、政府投资项目（3项）”，其下各行取该类别）和合计/小计行（不导入，只核对金额）都能识别。
            </li>
            <li>不接受明细行含公式或超过 20 MB 的文件。</li>
          </ul>
        </Card>
      </div>
      <Card title={`导入记录（${batches.total}）`}>
        <BatchList batches={batches.items} auditLinks={user.role === 'admin'} />
        <Pager
          page={page}
          pages={pages}
          hrefFor={(target) => `/import?page=${target}`}
          label="导入记录分页"
          look="links"
          className="mt-3"
        />
      </Card>
    </div>
  );
}
