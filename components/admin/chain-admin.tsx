'use client';

import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { SelectField, TextField, idOptions } from '@/components/ui/field';
import { Notice } from '@/components/ui/page';
import type { ChainDto, ChainLinkDto } from '@/domain/chains';

type Errors = Record<string, string[]>;
interface Failure {
  message: string;
  fields: Errors;
}

/** Sends one chain write to the API; answers the chain it returns, or the refusal's message and fields. */
async function send(method: 'POST' | 'PATCH', url: string, body: unknown): Promise<ChainDto | Failure> {
  try {
    const response = await fetch(url, {
      method,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const data = await response.json().catch(() => null);
    if (response.ok) return data as ChainDto;
    return { message: data?.error?.message ?? '保存失败，请重试', fields: data?.error?.fields ?? {} };
  } catch {
    return { message: '网络错误，请重试', fields: {} };
  }
}
const failed = (result: ChainDto | Failure): result is Failure => 'message' in result && !('id' in result);

/** 产业链管理: add chains and links, rename, move links up or down the chain, deactivate. Writes go through /api/v1. */
export function ChainAdmin({
  initialChains,
  industries,
}: {
  initialChains: ChainDto[];
  industries: Array<{ id: number; name: string }>;
}) {
  const [chains, setChains] = useState(initialChains);
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [createErrors, setCreateErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  const put = (chain: ChainDto) =>
    setChains((all) =>
      all.some((c) => c.id === chain.id) ? all.map((c) => (c.id === chain.id ? chain : c)) : [...all, chain],
    );

  async function run(method: 'POST' | 'PATCH', url: string, body: unknown, done: string): Promise<Errors | null> {
    setBusy(true);
    const result = await send(method, url, body);
    setBusy(false);
    if (failed(result)) {
      setNotice({ tone: 'error', text: result.message });
      return result.fields;
    }
    put(result);
    setNotice({ tone: 'success', text: done });
    return null;
  }

  async function createChain(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const links = String(data.get('links') ?? '')
      .split(/[\n→>、,，]/)
      .map((name) => name.trim())
      .filter(Boolean);
    const errors = await run(
      'POST',
      '/api/v1/chains',
      { industryId: Number(data.get('industryId')) || 0, name: String(data.get('name') ?? ''), links },
      '已新建产业链',
    );
    setCreateErrors(errors ?? {});
    if (!errors) form.reset();
  }

  return (
    <div className="space-y-4">
      <div aria-live="polite">{notice ? <Notice tone={notice.tone}>{notice.text}</Notice> : null}</div>
      {chains.map((chain) => (
        <ChainCard key={chain.id} chain={chain} busy={busy} run={run} />
      ))}
      <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby="new-chain-title">
        <h2 id="new-chain-title" className="mb-3 text-base font-semibold">
          新建产业链
        </h2>
        <form onSubmit={createChain} className="grid gap-3 md:grid-cols-3" noValidate>
          <SelectField
            id="new-chain-industryId"
            name="industryId"
            label="行业"
            required
            placeholder="请选择"
            options={idOptions(industries)}
            error={createErrors.industryId}
          />
          <TextField
            id="new-chain-name"
            name="name"
            label="产业链名称"
            required
            maxLength={50}
            error={createErrors.name}
          />
          <TextField
            id="new-chain-links"
            name="links"
            label="环节（自上游到下游）"
            placeholder="如 原丝→碳丝→复合材料"
            hint="用 → 或逗号分隔"
            error={Object.entries(createErrors)
              .filter(([key]) => key.startsWith('links'))
              .flatMap(([, messages]) => messages)}
          />
          <div className="md:col-span-3">
            <Button type="submit" disabled={busy}>
              新建产业链
            </Button>
          </div>
        </form>
      </section>
    </div>
  );
}

type Run = (method: 'POST' | 'PATCH', url: string, body: unknown, done: string) => Promise<Errors | null>;

function ChainCard({ chain, busy, run }: { chain: ChainDto; busy: boolean; run: Run }) {
  const [nameErrors, setNameErrors] = useState<string[] | undefined>();
  const [linkErrors, setLinkErrors] = useState<string[] | undefined>();
  const prefix = `chain-${chain.id}`;

  async function rename(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get('name') ?? '');
    const errors = await run('PATCH', `/api/v1/chains/${chain.id}`, { version: chain.version, name }, '已改名');
    setNameErrors(errors?.name ?? errors?.version);
  }

  async function addLink(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const name = String(new FormData(form).get('name') ?? '');
    const errors = await run('POST', `/api/v1/chains/${chain.id}/links`, { name }, `已添加环节"${name.trim()}"`);
    setLinkErrors(errors?.name);
    if (!errors) form.reset();
  }

  return (
    <section
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      aria-labelledby={`${prefix}-title`}
      data-testid={prefix}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h2 id={`${prefix}-title`} className="text-base font-semibold">
          {chain.name}
          <span className="ml-2 text-sm font-normal text-slate-500">{chain.industryName}</span>
          {chain.active ? null : <span className="ml-2 text-sm font-normal text-amber-700">（已停用）</span>}
        </h2>
        <Button
          variant="secondary"
          size="sm"
          disabled={busy}
          onClick={() =>
            run(
              'PATCH',
              `/api/v1/chains/${chain.id}`,
              { version: chain.version, active: !chain.active },
              chain.active ? '已停用产业链' : '已启用产业链',
            )
          }
        >
          {chain.active ? '停用产业链' : '启用产业链'}
        </Button>
      </div>
      <form onSubmit={rename} className="mt-2 flex flex-wrap items-end gap-2" noValidate>
        <TextField
          id={`${prefix}-name`}
          name="name"
          label="产业链名称"
          defaultValue={chain.name}
          maxLength={50}
          error={nameErrors}
          wrapperClassName="min-w-48 flex-1"
        />
        <Button type="submit" variant="secondary" disabled={busy}>
          改名
        </Button>
      </form>
      <ol className="mt-3 space-y-2" aria-label={`${chain.name}的环节，自上游到下游`}>
        {chain.links.map((link, index) => (
          <LinkRow
            key={link.id}
            link={link}
            first={index === 0}
            last={index === chain.links.length - 1}
            position={index + 1}
            busy={busy}
            run={run}
          />
        ))}
        {chain.links.length === 0 ? <li className="text-sm text-slate-500">尚无环节</li> : null}
      </ol>
      <form onSubmit={addLink} className="mt-3 flex flex-wrap items-end gap-2" noValidate>
        <TextField
          id={`${prefix}-new-link`}
          name="name"
          label="新增环节（加在最下游）"
          maxLength={50}
          error={linkErrors}
          wrapperClassName="min-w-48 flex-1"
        />
        <Button type="submit" variant="secondary" disabled={busy}>
          添加环节
        </Button>
      </form>
    </section>
  );
}

function LinkRow({
  link,
  first,
  last,
  position,
  busy,
  run,
}: {
  link: ChainLinkDto;
  first: boolean;
  last: boolean;
  position: number;
  busy: boolean;
  run: Run;
}) {
  const [errors, setErrors] = useState<string[] | undefined>();
  const url = `/api/v1/chain-links/${link.id}`;
  const patch = async (body: Record<string, unknown>, done: string) => {
    const result = await run('PATCH', url, { version: link.version, ...body }, done);
    setErrors(result ? (result.name ?? result.position ?? Object.values(result)[0]) : undefined);
  };
  return (
    <li
      className="flex flex-wrap items-end gap-2 rounded-md border border-slate-100 bg-slate-50 p-2"
      data-testid={`link-${link.id}`}
    >
      <span className="w-6 pb-2 text-right text-sm text-slate-500 tabular-nums">{position}.</span>
      <form
        className="flex min-w-48 flex-1 flex-wrap items-end gap-2"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void patch({ name: String(new FormData(event.currentTarget).get('name') ?? '') }, '已改名');
        }}
      >
        <TextField
          id={`link-${link.id}-name`}
          name="name"
          label={`环节名称${link.active ? '' : '（已停用）'}`}
          defaultValue={link.name}
          maxLength={50}
          error={errors}
          wrapperClassName="min-w-40 flex-1"
        />
        <Button type="submit" variant="secondary" size="sm" disabled={busy}>
          改名
        </Button>
      </form>
      <div className="flex gap-1 pb-0.5">
        <Button
          variant="secondary"
          size="sm"
          disabled={busy || first}
          aria-label={`上移 ${link.name}`}
          onClick={() => patch({ position: position - 1 }, `已上移"${link.name}"`)}
        >
          上移
        </Button>
        <Button
          variant="secondary"
          size="sm"
          disabled={busy || last}
          aria-label={`下移 ${link.name}`}
          onClick={() => patch({ position: position + 1 }, `已下移"${link.name}"`)}
        >
          下移
        </Button>
        <Button
          variant="secondary"
          size="sm"
          disabled={busy}
          onClick={() => patch({ active: !link.active }, link.active ? `已停用"${link.name}"` : `已启用"${link.name}"`)}
        >
          {link.active ? '停用' : '启用'}
        </Button>
      </div>
    </li>
  );
}
