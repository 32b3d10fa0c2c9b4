import { describe, it, expect } from 'vitest';
import {
  formatDateLong,
  formatDateTimeLong,
  formatDecimal,
  formatEurosFromCents,
  formatInteger,
  formatNumber,
  formatShare,
  formatVoix,
  keepNumbersTogether,
  NBSP,
  nonBreaking,
  normaliseSpaces,
  plural,
} from '@shared/format';

describe('French formatting', () => {
  it('writes dates the French way, with « 1er »', () => {
    expect(formatDateLong('2026-11-22')).toBe('22 novembre 2026');
    expect(formatDateLong('2026-09-01')).toBe('1er septembre 2026');
    expect(formatDateLong('2026-02-30')).toBe('');
    expect(formatDateLong(null)).toBe('');
    expect(formatDateTimeLong(new Date(2026, 10, 23, 14, 5))).toBe('23 novembre 2026 à 14 h 05');
  });

  it('groups thousands with a non-breaking space and writes euros', () => {
    expect(formatInteger(50361)).toBe('50\u00a0361');
    expect(formatInteger(1234567)).toBe('1\u00a0234\u00a0567');
    expect(formatEurosFromCents(123450)).toBe('1\u00a0234,50\u00a0€');
    // Whole euros without cents, as contracts and annexes write them; the same on every screen and document.
    expect(formatEurosFromCents(3_500_000)).toBe('35\u00a0000\u00a0€');
    expect(formatEurosFromCents(0)).toBe('0\u00a0€');
    expect(formatEurosFromCents(-0)).toBe('0\u00a0€');
    expect(formatEurosFromCents(-50_000)).toBe('-500\u00a0€');
    expect(formatEurosFromCents(5)).toBe('0,05\u00a0€');
    expect(plural(1, 'commune')).toBe('1 commune');
    expect(plural(3, 'commune')).toBe('3 communes');
  });

  it('writes decimals, vote weights and shares with one kind of non-breaking space', () => {
    expect(formatDecimal(1250.125)).toBe('1\u00a0250,13');
    expect(formatNumber(1250.125)).toBe('1\u00a0250,125');
    expect(formatVoix(1.5)).toBe('1,5');
    expect(formatVoix(12)).toBe('12');
    expect(formatShare(12, 300)).toBe('4,0\u00a0%');
    expect(formatShare(1, 0)).toBe('—');
    expect(normaliseSpaces('1\u202f234\u00a0€')).toBe(`1${NBSP}234${NBSP}€`);
  });

  it('keeps numbers with their digit groups and their word', () => {
    expect(keepNumbersTogether('40 000 habitants')).toBe(`40${NBSP}000 habitants`);
    expect(nonBreaking('avenant 2, taille 3')).toBe(`avenant${NBSP}2, taille${NBSP}3`);
  });
});
