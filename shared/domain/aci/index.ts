/**
 * The ACI CPTS: reference data (versions, missions, size classes, established amounts), the contract calendar
 * (contract years, mission deadlines, expected payments) and the indicator wording seen in signed contracts.
 */
export * from './reference';
export * from './calendar';
export * from './indicator-library';
