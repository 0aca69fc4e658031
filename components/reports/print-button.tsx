'use client';

import { buttonClass } from '@/components/ui/button';

/** Opens the browser's print dialog, where the report is printed or saved as PDF. */
export function PrintButton() {
  return (
    <button type="button" className={buttonClass('primary')} onClick={() => window.print()}>
      打印 / 导出PDF
    </button>
  );
}
