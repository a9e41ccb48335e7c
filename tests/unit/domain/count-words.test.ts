import { describe, expect, it } from 'vitest';
import { countOf } from '../../../src/domain/index.js';

describe('counted words', () => {
  it('say one thing in the singular and any other count in the plural', () => {
    expect(countOf(1, 'answered statement')).toBe('1 answered statement');
    expect(countOf(16, 'answered statement')).toBe('16 answered statements');
    expect(countOf(0, 'answer names', 'answers name')).toBe('0 answers name');
  });
});
