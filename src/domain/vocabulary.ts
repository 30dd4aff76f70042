// The vocabulary of the dataset: every closed list of values (countries, kinds, outcomes, stances, ...) in one neutral
// module at the bottom of the layers, used alike by the data files' schemas (data/), the API's schemas (domain/),
// the queries and the pages. No list has an 'unknown' member: what the dataset does not know is null.

export const COUNTRY_CODES = ['KZ', 'KG', 'TJ', 'TM', 'UZ'] as const;
export const SOURCE_KINDS = [
  'official-text',
  'court-record',
  'government-statement',
  'ngo',
  'media',
  'legal-database',
  'academic',
] as const;
export const BASES = ['official-text', 'official-statement', 'reported'] as const;
export const INSTRUMENT_KINDS = ['criminal-code', 'law', 'amnesty-act', 'decree', 'court-guidance'] as const;
export const CATEGORIES = ['minor', 'less-grave', 'grave', 'especially-grave'] as const;
export const PENALTY_KINDS = [
  'imprisonment',
  'restriction-of-liberty',
  'fine',
  'correctional-labour',
  'confiscation',
  'deprivation-of-right',
  'deprivation-of-rank',
  'arrest',
  'community-service',
  'probation-supervision',
  'deportation',
  'deprivation-of-citizenship',
  'life-imprisonment',
  'death-penalty',
] as const;
export const PENALTY_UNITS = [
  'years',
  'months',
  'days',
  'hours',
  'monthly-indices',
  'calculation-indices',
  'base-amounts',
  'minimum-wages',
] as const;
export const PENALTY_ROLES = ['main', 'alternative', 'additional'] as const;
export const EXEMPTION_CONDITIONS = [
  'voluntary-return',
  'voluntary-surrender',
  'voluntary-cessation',
  'assistance',
  'no-other-crime',
  'first-offence',
  'active-repentance',
] as const;
export const EXEMPTION_EFFECTS = ['release-from-liability', 'mitigation'] as const;
export const COURT_LEVELS = ['first-instance', 'appeal', 'cassation', 'supreme', 'military'] as const;
/** How a case's date is known: decision (the court's date), reported (the report's date), inferred (worked out
 * from the source's own context), not-after (undated ruling; the date is that of the report, an upper bound). */
export const DATE_KINDS = ['decision', 'reported', 'inferred', 'not-after'] as const;
export const SIDES = ['russia', 'ukraine', 'other'] as const;
export const OUTCOMES = [
  'convicted',
  'acquitted',
  'charged',
  'dismissed',
  'released-under-amnesty',
  'exempted',
  'pending',
  'wanted',
] as const;
export const APPEAL_STATUSES = ['none-reported', 'filed', 'upheld', 'reduced', 'overturned'] as const;
export const EVENT_KINDS = [
  'amnesty',
  'pardon',
  'prisoner-exchange',
  're-enlistment',
  'flight',
  'release',
  'death',
  'detention',
  'extradition',
  'other',
] as const;
/** What a statistic counts (data/FORMAT.md). */
export const MEASURES = [
  'cases-opened',
  'persons-charged',
  'persons-wanted',
  'convicted',
  'sentenced',
  'acquitted',
  'exempted',
  'pardoned',
  'amnestied',
  'returned',
  'repatriated',
  'detained',
  'extradited',
  'killed',
  'departed',
  'fighting-abroad',
  'recruited',
  'deported',
  'citizenship-revoked',
  'citizenship-revocation-sought',
] as const;
export const QUALIFIERS = ['exact', 'at-least', 'at-most', 'about'] as const;
/** core: an article on the subject, modelled with its texts over time; related: another article the sources name in
 * a charge (attempt, illegal border crossing, terrorism), recorded with its number, heading and instrument. */
export const PROVISION_SCOPES = ['core', 'related'] as const;
export const PRACTICE_KINDS = ['practice', 'statistics', 'warning', 'policy', 'proposal', 'gap'] as const;
/** No enum has an 'unknown' member: what the dataset does not know is null, everywhere (a case's outcome, a note's
 * stance, a comparison's force). */
export const STANCES = ['prosecutes', 'rarely-prosecutes', 'does-not-prosecute'] as const;
export const FORCE_KINDS = ['state-armed-forces', 'private-military-company', 'volunteer-unit', 'armed-group'] as const;
export const DESIGNATION_STATUSES = ['terrorist', 'extremist', 'banned'] as const;
export const GAP_TOPICS = [
  'penalties',
  'history',
  'cases',
  'statistics',
  'practice',
  'amnesty',
  'exemptions',
  'other',
] as const;

/** The kinds of record that carry sources, as stored in record_sources.record_type. */
export const RECORD_TYPES = [
  'country',
  'conflict',
  'force',
  'designation',
  'instrument',
  'version',
  'penalty',
  'case',
  'event',
  'practice',
  'statistic',
] as const;
export type RecordType = (typeof RECORD_TYPES)[number];
