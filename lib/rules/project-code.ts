// GB/T 40058-2021 project code: YYMM-RRRRRR-DD-TT-NNNNNN, 24 characters.
const PROJECT_CODE_PATTERN = /^(\d{2})(\d{2})-(\d{6})-(\d{2})-(\d{2})-(\d{6})$/;

export function isValidProjectCode(code: string): boolean {
  const match = PROJECT_CODE_PATTERN.exec(code);
  if (!match) return false;
  const month = Number(match[2]);
  return month >= 1 && month <= 12;
}

export const PROJECT_CODE_MESSAGE = '项目代码格式应为 YYMM-RRRRRR-DD-TT-NNNNNN，例如 1801-220202-04-01-123456';
