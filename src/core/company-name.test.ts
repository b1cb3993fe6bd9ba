import { describe, expect, it } from 'vitest';
import { normaliseCompanyName, normaliseRoleTitle, sameCompany } from './company-name.ts';

describe('normaliseCompanyName', () => {
  it('drops case, punctuation and legal suffixes', () => {
    expect(normaliseCompanyName('ACME, Inc.')).toBe('acme');
    expect(normaliseCompanyName('Acme Ltd')).toBe('acme');
    expect(normaliseCompanyName('Müller GmbH')).toBe('muller');
    expect(normaliseCompanyName('The Acme Corporation')).toBe('acme');
    expect(normaliseCompanyName('Northwind Labs G.m.b.H.')).toBe('northwind labs');
    expect(normaliseCompanyName('Smith & Sons Co.')).toBe('smith and sons');
  });

  it('keeps a name that is only a legal form, and keeps words that are not at the end', () => {
    expect(normaliseCompanyName('Inc.')).toBe('inc');
    expect(normaliseCompanyName('Group Nine Media')).toBe('group nine media');
  });

  it('tells different employers apart', () => {
    expect(sameCompany('Acme Inc', 'acme')).toBe(true);
    expect(sameCompany('Acme', 'Acme Analytics')).toBe(false);
  });
});

describe('normaliseRoleTitle', () => {
  it('ignores case and punctuation only', () => {
    expect(normaliseRoleTitle('Sr. Backend Engineer (Remote)')).toBe('sr backend engineer remote');
    expect(normaliseRoleTitle('Backend engineer')).not.toBe(normaliseRoleTitle('Frontend engineer'));
  });
});
