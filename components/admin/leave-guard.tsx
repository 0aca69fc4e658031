'use client';

import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';

/** A cancel link that asks before it throws away what the user typed. */
export function CancelLink({
  href,
  dirty,
  children = '取消',
}: {
  href: string;
  dirty: boolean;
  children?: React.ReactNode;
}) {
  return (
    <Link
      href={href}
      className={buttonClass('secondary')}
      onClick={(event) => {
        if (dirty && !window.confirm('已填写的内容尚未保存，确定放弃吗？')) event.preventDefault();
      }}
    >
      {children}
    </Link>
  );
}
