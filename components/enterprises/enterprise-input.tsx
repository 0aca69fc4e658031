'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { FieldShell, controlClass } from '@/components/ui/field';

// 企业库 pick-or-create (issue 16): a name input that suggests registry enterprises as you type, a
// credit-code input, and a hidden id set when an existing enterprise is picked. Typing a new name
// (and its code) leaves the id blank: the server matches the name or code, or adds the enterprise.

export interface EnterpriseChoice {
  id: number;
  name: string;
  creditCode: string | null;
  region?: string | null;
}

interface Props {
  /** Form field names; defaults enterpriseId, company, creditCode. */
  names?: { id?: string; name?: string; code?: string };
  /** Prefix of the controls' ids (defaults to f-<name>). */
  idPrefix?: string;
  label?: string;
  codeLabel?: string;
  required?: boolean;
  /** What the form shows: the enterprise picked (id), or the name and code as typed. */
  defaultId?: string | number | null;
  defaultName?: string | null;
  defaultCode?: string | null;
  errors?: Record<string, string[] | undefined>;
  maxLength?: number;
}

const SUGGEST_LIMIT = 8;

export function EnterpriseInput({
  names = {},
  idPrefix,
  label = '企业名称',
  codeLabel = '统一社会信用代码',
  required,
  defaultId,
  defaultName,
  defaultCode,
  errors = {},
  maxLength = 100,
}: Props) {
  const idName = names.id ?? 'enterpriseId';
  const nameName = names.name ?? 'company';
  const codeName = names.code ?? 'creditCode';
  const nameId = `${idPrefix ?? 'f'}-${nameName}`;
  const codeId = `${idPrefix ?? 'f'}-${codeName}`;
  const listId = useId();
  const [enterpriseId, setEnterpriseId] = useState(defaultId ? String(defaultId) : '');
  const [name, setName] = useState(defaultName ?? '');
  const [code, setCode] = useState(defaultCode ?? '');
  const [suggestions, setSuggestions] = useState<EnterpriseChoice[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [loading, setLoading] = useState(false);
  const typed = useRef(false);

  // After a failed submit the server echoes the values: show them (React 19 resets the form).
  const defaultsKey = `${defaultId ?? ''}|${defaultName ?? ''}|${defaultCode ?? ''}`;
  const [shownDefaults, setShownDefaults] = useState(defaultsKey);
  if (shownDefaults !== defaultsKey) {
    setShownDefaults(defaultsKey);
    setEnterpriseId(defaultId ? String(defaultId) : '');
    setName(defaultName ?? '');
    setCode(defaultCode ?? '');
  }

  useEffect(() => {
    if (!typed.current) return;
    const q = name.trim();
    if (!q) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setLoading(true);
      try {
        const response = await fetch(`/api/v1/enterprises?q=${encodeURIComponent(q)}&pageSize=${SUGGEST_LIMIT}`, {
          signal: controller.signal,
          credentials: 'same-origin',
        });
        if (!response.ok) return;
        const body = (await response.json()) as { items: EnterpriseChoice[] };
        setSuggestions(body.items);
        setActive(-1);
      } catch {
        // Aborted or offline: the name is still sent as typed and matched on the server.
      } finally {
        if (!controller.signal.aborted) setLoading(false);
      }
    }, 200);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [name]);

  const pick = (choice: EnterpriseChoice) => {
    typed.current = false;
    setEnterpriseId(String(choice.id));
    setName(choice.name);
    setCode(choice.creditCode ?? '');
    setOpen(false);
    setSuggestions([]);
  };

  const nameError = errors[nameName] ?? errors[idName];
  const codeError = errors[codeName];
  const showList = open && name.trim() !== '' && !enterpriseId;
  const shown = name.trim() ? suggestions : [];
  const picked = Boolean(enterpriseId);

  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <input type="hidden" name={idName} value={enterpriseId} />
      <FieldShell
        id={nameId}
        label={label}
        required={required}
        error={nameError}
        hint={picked ? '已选用企业库中的企业；改动名称即改为另填' : '输入名称查找企业库，找不到时将按所填名称新建'}
      >
        <div className="relative">
          <input
            id={nameId}
            name={nameName}
            value={name}
            required={required}
            maxLength={maxLength}
            autoComplete="off"
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={showList}
            aria-controls={listId}
            aria-activedescendant={showList && active >= 0 ? `${listId}-${active}` : undefined}
            aria-invalid={Boolean(nameError?.length)}
            aria-describedby={nameError?.length ? `${nameId}-error` : undefined}
            className={controlClass}
            onChange={(event) => {
              typed.current = true;
              setName(event.target.value);
              setEnterpriseId('');
              setOpen(true);
            }}
            onFocus={() => setOpen(true)}
            onBlur={() => setTimeout(() => setOpen(false), 150)}
            onKeyDown={(event) => {
              if (!showList || !shown.length) return;
              if (event.key === 'ArrowDown') {
                event.preventDefault();
                setActive((i) => (i + 1) % shown.length);
              } else if (event.key === 'ArrowUp') {
                event.preventDefault();
                setActive((i) => (i <= 0 ? shown.length - 1 : i - 1));
              } else if (event.key === 'Enter' && active >= 0) {
                event.preventDefault();
                pick(shown[active]!);
              } else if (event.key === 'Escape') {
                setOpen(false);
              }
            }}
          />
          {showList ? (
            <ul
              id={listId}
              role="listbox"
              aria-label="企业库中的企业"
              className="absolute z-20 mt-1 max-h-64 w-full overflow-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg"
            >
              {loading && !shown.length ? (
                <li className="px-3 py-2 text-slate-500" role="presentation">
                  查找中…
                </li>
              ) : shown.length ? (
                shown.map((choice, index) => (
                  <li
                    key={choice.id}
                    id={`${listId}-${index}`}
                    role="option"
                    aria-selected={index === active}
                    className={`cursor-pointer px-3 py-2 ${index === active ? 'bg-brand-50' : 'hover:bg-slate-50'}`}
                    onMouseDown={(event) => {
                      event.preventDefault();
                      pick(choice);
                    }}
                  >
                    <span className="block break-words">{choice.name}</span>
                    <span className="block text-xs text-slate-500">
                      {choice.creditCode ?? '无信用代码'}
                      {choice.region ? ` · ${choice.region}` : ''}
                    </span>
                  </li>
                ))
              ) : (
                <li className="px-3 py-2 text-slate-500" role="presentation">
                  企业库中没有，保存时将新建该企业
                </li>
              )}
            </ul>
          ) : null}
        </div>
      </FieldShell>
      <FieldShell id={codeId} label={codeLabel} error={codeError} hint={picked ? undefined : '18 位，境外企业可不填'}>
        <input
          id={codeId}
          name={codeName}
          value={code}
          maxLength={30}
          autoComplete="off"
          readOnly={picked}
          aria-invalid={Boolean(codeError?.length)}
          aria-describedby={codeError?.length ? `${codeId}-error` : undefined}
          className={`${controlClass} font-mono read-only:bg-slate-50`}
          onChange={(event) => setCode(event.target.value)}
        />
      </FieldShell>
    </div>
  );
}
