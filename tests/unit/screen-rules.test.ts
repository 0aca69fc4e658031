import { describe, expect, it } from 'vitest';
import { rotatePanel } from '@/lib/rules/screen';

describe('大屏 rotation', () => {
  it('wraps both ways', () => {
    expect(rotatePanel(0, -1, 6)).toBe(5);
    expect(rotatePanel(5, 1, 6)).toBe(0);
    expect(rotatePanel(2, 1, 6)).toBe(3);
  });
});
