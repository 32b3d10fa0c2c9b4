/**
 * French wording in one place: typography (non-breaking spaces), numbers, euros, percentages, voix, dates and
 * times. Screens, services and PDFs import it as `@shared/format`; wording proper to one report stays with it.
 */
export * from './typography';
export * from './numbers';
export * from './votes';
export * from './dates';
export * from './change';
