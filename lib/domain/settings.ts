// The province's settings that a regulation fixes and may change: each key with its default value. The source of
// each default (regulation and article) is in the catalogues under `settings.defaultSource.<key>` (the dot in the
// key nests it), rendered at the edge. A province overrides a value from a date by a `setting` row recorded with
// its decision and source (lib/db/setting-queries.ts reads the value in force at a date). Values are stored as
// text; `numericSetting` reads them as numbers. Every threshold the rules use is read from here, never a constant.

export type SettingDefinition = {
  /** The default value (as stored: text). */
  defaultValue: string;
  /** The smallest and largest value accepted when a province records its own. */
  min: number;
  max: number;
};

export const SETTINGS = {
  /** "Young": under this age at the date (structure of key posts and planning). */
  'structure.youngAge': { defaultValue: '35', min: 18, max: 60 },
  /** The 20% rule: excellent ≤ this percentage of those rated good (the good count excluding the excellent). */
  'rating.excellentPercentOfGood': { defaultValue: '20', min: 0, max: 100 },
  /** Planning: at most this many people planned for one place of a post (a post with n places: n × this). */
  'planning.maxPeoplePerPost': { defaultValue: '3', min: 1, max: 10 },
  /** Planning: one person planned for at most this many posts at the same level. */
  'planning.maxPostsPerPerson': { defaultValue: '3', min: 1, max: 10 },
  /** Structure targets (percent of key-post holders); 0 means the province sets none. */
  'structure.targetFemaleKeyPercent': { defaultValue: '0', min: 0, max: 100 },
  'structure.targetYoungKeyPercent': { defaultValue: '0', min: 0, max: 100 },
  'structure.targetEthnicMinorityKeyPercent': { defaultValue: '0', min: 0, max: 100 },
  /** Reception into the commune civil service: at least this many years of compulsory social insurance. */
  'reception.minInsuranceYears': { defaultValue: '5', min: 0, max: 40 },
  /** Ratings: no rating for less than this many months worked in the year. */
  'rating.minMonthsWorked': { defaultValue: '6', min: 0, max: 12 },
} as const satisfies Record<string, SettingDefinition>;

export type SettingKey = keyof typeof SETTINGS;

export function isSettingKey(key: string): key is SettingKey {
  return Object.prototype.hasOwnProperty.call(SETTINGS, key);
}

/** A stored value as a number; the default when the stored text is not a number within the key's bounds. */
export function numericSetting(key: SettingKey, stored: string | null | undefined): number {
  const definition: SettingDefinition = SETTINGS[key];
  const value = stored === null || stored === undefined ? Number.NaN : Number(stored);
  if (Number.isFinite(value) && value >= definition.min && value <= definition.max) return value;
  return Number(definition.defaultValue);
}

/** Whether a value a province records for `key` is acceptable (a number within the key's bounds). */
export function isValidSettingValue(key: SettingKey, value: string): boolean {
  const definition: SettingDefinition = SETTINGS[key];
  if (!/^\d+(\.\d+)?$/.test(value.trim())) return false;
  const n = Number(value);
  return n >= definition.min && n <= definition.max;
}
