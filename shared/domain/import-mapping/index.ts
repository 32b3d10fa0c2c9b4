/**
 * Import of member lists from spreadsheets: the fields a column can fill, the automatic mapping of French column
 * titles, and the parsing of French values (dates, amounts, professions, civilities).
 *
 * Pure functions, no Node built-ins: the renderer shows the same field list and labels as the main process.
 */
export * from './fields';
export * from './headers';
export * from './values';
export * from './professions';
export * from './names';
