import { formatBytes, renderProgress } from './progressBar';

describe('CLI progress bar', () => {
  it('fills in proportion and clamps what is out of range', () => {
    expect(renderProgress(0.5, 'x', 10)).toBe('[#####-----]  50%  x');
    expect(renderProgress(2, 'x', 4)).toBe('[####] 100%  x');
    expect(renderProgress(Number.NaN, 'x', 4)).toBe('[----]   0%  x');
  });

  it('formats bytes in binary units, ? when unknown', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(390 * 1024 * 1024)).toBe('390.0 MB');
    expect(formatBytes(null)).toBe('?');
  });
});
