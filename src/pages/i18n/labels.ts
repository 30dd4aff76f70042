// The type of the enumerated labels each language must give: one entry per value of the data's enums, so a value
// added to the data model without a label in every language fails tsc.
import type {
  APPEAL_STATUSES,
  BASES,
  CATEGORIES,
  COUNTRY_CODES,
  DESIGNATION_STATUSES,
  DATE_KINDS,
  EVENT_KINDS,
  EXEMPTION_CONDITIONS,
  EXEMPTION_EFFECTS,
  GAP_TOPICS,
  MEASURES,
  PRACTICE_KINDS,
  QUALIFIERS,
  OUTCOMES,
  PENALTY_KINDS,
  PENALTY_ROLES,
  SIDES,
  SOURCE_KINDS,
  STANCES,
} from '../../domain/vocabulary.js';
import type { SEARCH_TYPES } from '../../domain/search.js';

type Of<T extends readonly string[]> = Record<T[number], string>;

export interface Labels {
  countries: Of<typeof COUNTRY_CODES>;
  /** Conduct codes come from data/conducts.yaml; a code missing here shows the data's English label. */
  conducts: Record<string, string>;
  /** `unknown` names a null outcome (the API has no 'unknown' value). */
  outcomes: Of<typeof OUTCOMES> & { unknown: string };
  penaltyKinds: Of<typeof PENALTY_KINDS>;
  roles: Of<typeof PENALTY_ROLES>;
  /** `unknown` names a null stance. */
  stances: Of<typeof STANCES> & { unknown: string };
  sides: Of<typeof SIDES>;
  conditions: Of<typeof EXEMPTION_CONDITIONS>;
  effects: Of<typeof EXEMPTION_EFFECTS>;
  gapTopics: Of<typeof GAP_TOPICS>;
  categories: Of<typeof CATEGORIES>;
  bases: Of<typeof BASES>;
  sourceKinds: Of<typeof SOURCE_KINDS>;
  dateKinds: Of<typeof DATE_KINDS>;
  events: Of<typeof EVENT_KINDS>;
  appeals: Of<typeof APPEAL_STATUSES>;
  searchTypes: Of<typeof SEARCH_TYPES>;
  measures: Of<typeof MEASURES>;
  qualifiers: Of<typeof QUALIFIERS>;
  practiceKinds: Of<typeof PRACTICE_KINDS>;
  designations: Of<typeof DESIGNATION_STATUSES>;
}
