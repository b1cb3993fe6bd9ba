import { describe, expect, it } from 'vitest';
import { shippedVocabulary } from '../../../test/support/skills-vocabulary.ts';
import { buildMatcher, skillCategory } from './matcher.ts';

const matcher = buildMatcher(shippedVocabulary);

/** A hand-written sample: what a person would call each skill's kind. */
const SAMPLE: Record<string, string> = {
  Python: 'language',
  JavaScript: 'language',
  'C#': 'language',
  Go: 'language',
  SQL: 'language',
  React: 'framework',
  '.NET': 'framework',
  'Spring Boot': 'framework',
  PyTorch: 'framework',
  Playwright: 'testing',
  JUnit: 'testing',
  PostgreSQL: 'database',
  MongoDB: 'database',
  Redis: 'database',
  'Amazon Web Services': 'cloud',
  'Microsoft Azure': 'cloud',
  'Google Cloud Platform': 'cloud',
  'Amazon Elastic Compute Cloud': 'cloud',
  EC2: 'cloud',
  Kubernetes: 'platform',
  Terraform: 'platform',
  Snowflake: 'platform',
  Git: 'tool',
  Jira: 'tool',
  Linux: 'os',
  'Microsoft Windows': 'os',
  Tableau: 'analytics',
  'Apache Hadoop': 'analytics',
  'Microsoft Excel': 'office',
  'Microsoft 365': 'office',
  Figma: 'design',
  Salesforce: 'business',
  SAP: 'business',
  Workday: 'business',
  Xero: 'business',
  ServiceNow: 'business',
  Epic: 'healthcare',
  Agile: 'practice',
  'Software Testing': 'practice',
  Automation: 'practice',
  'Quality Assurance': 'practice',
  'Software Architecture': 'practice',
  Maintenance: 'practice',
  Databases: 'practice',
  'Software Development Lifecycle': 'practice',
  'Open Source': 'practice',
  'Web Services': 'practice',
  'REST APIs': 'practice',
  'Machine Learning': 'practice',
  'Wound Care': 'practice',
  Bookkeeping: 'practice',
  Welding: 'practice',
  Communication: 'soft',
  Teamwork: 'soft',
  Organization: 'soft',
  English: 'spoken',
  German: 'spoken',
  Mandarin: 'spoken',
  'British Sign Language': 'spoken',
  'Financial Services': 'domain',
  Fintech: 'domain',
  'E-commerce': 'domain',
  'Information Technology': 'domain',
  'Artificial Intelligence': 'domain',
  Marketing: 'domain',
  'Product Lifecycle Management': 'domain',
  Healthcare: 'domain',
  Retail: 'domain',
  'Public Sector': 'domain',
  "Bachelor's Degree": 'qualification',
  BSc: 'qualification',
  PhD: 'qualification',
  'Computer Science': 'qualification',
  Nursing: 'qualification',
  'Driving Licence': 'qualification',
  ITIL: 'qualification',
  'Azure Kubernetes Service': 'cloud',
  'Council Tax': 'practice',
  'Personal Care': 'practice',
  'Loading and Unloading': 'practice',
  'First Fix': 'practice',
  'CSCS Card': 'qualification',
  'Driver CPC': 'qualification',
  NEBOSH: 'qualification',
  SystmOne: 'healthcare',
  EMIS: 'healthcare',
  VLOOKUP: 'office',
  'Pivot Tables': 'office',
  Reapit: 'business',
  'Social Care': 'domain',
  Logistics: 'domain',
  Patience: 'soft',
  Numeracy: 'soft',
  Instagram: 'platform',
};

describe('skill categories', () => {
  it('puts a hand-checked sample of at least fifty skills in the right group', () => {
    expect(Object.keys(SAMPLE).length).toBeGreaterThanOrEqual(50);
    const wrong = Object.entries(SAMPLE)
      .map(([name, want]) => [name, skillCategory(matcher, name) ?? 'missing', want] as const)
      .filter(([, got, want]) => got !== want);
    expect(wrong).toEqual([]);
  });

  it('keeps the source and licence of every entry', () => {
    const data = shippedVocabulary as unknown as {
      licences: Record<string, string>;
      skills: { name: string; source: string }[];
    };
    const missing = data.skills.filter((s) => !data.licences[s.source]).map((s) => s.name);
    expect(missing).toEqual([]);
  });
});
