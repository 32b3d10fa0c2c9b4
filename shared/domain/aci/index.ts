/**
 * The ACI CPTS: reference data (versions, missions, size classes, established amounts), the contract calendar
 * (contract years, mission deadlines, expected payments), the indicator wording seen in signed contracts and the
 * attainment maths (what each indicator earns, per mission and contract year).
 */
export * from './reference';
export * from './calendar';
export * from './indicator-vocabulary';
export * from './indicator-library';
export * from './attainment';
