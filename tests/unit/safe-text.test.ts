import { describe, it, expect, afterEach } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { testBackend, FONTS_DIR } from '../helpers/handlers';
import { cleanText, pdfCanDraw, pdfTextProblem, undrawableInPdf } from '@shared/text';
import { PDF_FONT_RANGES } from '@shared/pdf-charset';
import { z } from '@shared/zod-fr';
import { meetingSchema, rcpCaseSchema } from '@shared/schemas/meetings';
import { memberSchema } from '@shared/schemas/members';
import { applyImport, openImport, previewImport } from '../../electron/services/members-import';
import { writeCsv } from '../fixtures/imports/builders';

type Backend = Awaited<ReturnType<typeof testBackend>>;
const backends: Backend[] = [];
async function backend(overrides: Parameters<typeof testBackend>[0] = {}) {
  const created = await testBackend(overrides);
  backends.push(created);
  return created;
}
afterEach(async () => {
  while (backends.length) await backends.pop()!.database.dispose();
});

/** Every invisible or bidi control character the schemas remove. */
const INVISIBLE = [
  ...Array.from({ length: 0x200f - 0x200b + 1 }, (_, i) => 0x200b + i),
  ...Array.from({ length: 0x202e - 0x202a + 1 }, (_, i) => 0x202a + i),
  ...Array.from({ length: 0x2069 - 0x2066 + 1 }, (_, i) => 0x2066 + i),
  0x2060,
  0xfeff,
  0x00ad,
].map((codePoint) => String.fromCodePoint(codePoint));

const FRENCH =
  'Élodie Œuvray, « cœur » – l’été : 1 234,50 € ; 3ᵉ âge, ça, où, naïf, Noël, ½, n° 5, 15 °C, M²… ÀÂÆÇÈÉÊËÎÏÔÙÛÜŸ';
const NBSP_TEXT = 'Réunion du 22\u00a0novembre, 1\u202f234,50\u00a0€';

describe('cleanText', () => {
  it('removes every invisible and bidi control character', () => {
    for (const ch of INVISIBLE) expect(cleanText(`Mme${ch} X${ch}`)).toBe('Mme X');
    expect(cleanText('\u202eRCP du 12 mars\u202c')).toBe('RCP du 12 mars');
  });

  it('composes accents typed apart (NFD → NFC) and keeps French text as it is', () => {
    expect(cleanText('Cafe\u0301 cre\u0300me')).toBe('Café crème');
    expect(cleanText(FRENCH)).toBe(FRENCH);
    expect(cleanText(NBSP_TEXT)).toBe(NBSP_TEXT);
    expect(cleanText('ligne 1\nligne 2\ttabulée')).toBe('ligne 1\nligne 2\ttabulée');
  });
});

describe('pdfTextProblem', () => {
  it('accepts accented French, œ, « », €, ’, –, no-break spaces and line breaks', () => {
    expect(pdfTextProblem(FRENCH)).toBeNull();
    expect(pdfTextProblem(NBSP_TEXT)).toBeNull();
    expect(pdfTextProblem('a\nb\r\nc\td')).toBeNull();
  });

  it('refuses an emoji, naming it', () => {
    expect(pdfTextProblem('Bravo à toute l’équipe 😀')).toBe(
      'Ce texte contient un caractère que les documents PDF ne peuvent pas afficher : « 😀 ». Retirez-le ou remplacez-le.',
    );
  });

  it('refuses Arabic and Chinese, naming each character once and at most five', () => {
    expect(pdfTextProblem('Traduction : مرحبا')).toBe(
      'Ce texte contient des caractères que les documents PDF ne peuvent pas afficher : « م », « ر », « ح », « ب », « ا ». Retirez-les ou remplacez-les.',
    );
    expect(pdfTextProblem('会议会议')).toContain('« 会 », « 议 ».');
    expect(pdfTextProblem('一二三四五六七')).toContain('« 一 », « 二 », « 三 », « 四 », « 五 », ….');
  });

  it('names a composed emoji whole, and a control character by its code', () => {
    expect(undrawableInPdf('ok 👍🏽')).toEqual(['👍🏽']);
    expect(pdfTextProblem('bip\u0007')).toContain(': U+0007.');
  });
});

describe('the shipped font coverage table', () => {
  it('is the one the font files give (run scripts/font-coverage.mjs after changing them)', () => {
    const files = readdirSync(FONTS_DIR).filter((file) => /^Inter-.*\.ttf$/.test(file));
    expect(files.length).toBeGreaterThanOrEqual(3);
    // Code points every weight draws, printable ones only, as the script computes them.
    const drawnByEach = files.map((file) => {
      const font = fontkit.openSync(join(FONTS_DIR, file));
      return new Set(
        font.characterSet.filter(
          (codePoint) => font.hasGlyphForCodePoint(codePoint) && font.glyphForCodePoint(codePoint).id !== 0,
        ),
      );
    });
    const common = [...drawnByEach[0]!].filter((codePoint) => drawnByEach.every((drawn) => drawn.has(codePoint)));
    const expected = common
      .filter((codePoint) => codePoint >= 0x20 && (codePoint < 0x7f || codePoint > 0x9f))
      .sort((a, b) => a - b);
    const fromTable: number[] = [];
    for (let i = 0; i < PDF_FONT_RANGES.length; i += 2)
      for (let c = PDF_FONT_RANGES[i]!; c <= PDF_FONT_RANGES[i + 1]!; c++) fromTable.push(c);
    expect(fromTable).toEqual(expected);
    for (let i = 0; i < PDF_FONT_RANGES.length; i += 2) {
      expect(pdfCanDraw(PDF_FONT_RANGES[i]!)).toBe(true);
      expect(pdfCanDraw(PDF_FONT_RANGES[i + 1]!)).toBe(true);
      expect(pdfCanDraw(PDF_FONT_RANGES[i]! - 1)).toBe(false);
      expect(pdfCanDraw(PDF_FONT_RANGES[i + 1]! + 1)).toBe(false);
    }
    expect(pdfCanDraw(0x1f600)).toBe(false);
    expect(pdfCanDraw(0x0153)).toBe(true);
  });
});

describe('every schema string is cleaned and checked', () => {
  it('applies to any z.string() built from shared/zod-fr, before its own rules', () => {
    const schema = z.string().trim().min(2, 'Trop court.');
    expect(schema.parse('  \u200bAB\u200b  ')).toBe('AB');
    expect(schema.safeParse('\u200b\u200bA').error?.issues.map((issue) => issue.message)).toEqual(['Trop court.']);
  });

  it('strips invisible characters from a meeting title and a member name', () => {
    const meeting = meetingSchema.parse({
      type: 'ca',
      title: 'Conseil\u200b d’administration\u202e',
      date: '2026-03-12',
    });
    expect(meeting.title).toBe('Conseil d’administration');
    const member = memberSchema.parse({
      kind: 'person',
      lastName: 'Bern\u200bard',
      firstName: '\ufeffÉloïse',
      professionCode: '60',
    });
    expect([member.lastName, member.firstName]).toEqual(['Bernard', 'Éloïse']);
  });

  it('refuses an emoji or Arabic in a title, under the field', () => {
    const result = meetingSchema.safeParse({ type: 'ca', title: 'Fête de fin d’année 🎉', date: '2026-12-18' });
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ['title'], message: expect.stringContaining('« 🎉 »') }),
    ]);
  });

  it('an invisible character cannot hide a name from the RCP guard', () => {
    const result = rcpCaseSchema.safeParse({
      meetingId: 1,
      ageBand: '85+',
      over75: true,
      motifCode: 'chutes',
      summary: 'Mme Du\u200bpont chute souvent',
    });
    expect(result.error?.issues[0]?.message).toContain('« Mme Dupont »');
  });

  it('through IPC: refused text writes nothing, cleaned text is stored clean and prints in the PDF', async () => {
    const saved: string[] = [];
    const b = await backend({
      chooseSavePath: async (name) => (saved.push(join(b.database.dir, name)), saved.at(-1)!),
    });
    const refused = await b.call('members.create', { kind: 'person', lastName: '王', firstName: 'Wei' });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { lastName: expect.stringContaining('« 王 »') } },
    });
    expect(await b.database.db.selectFrom('member').selectAll().execute()).toEqual([]);

    const title = 'Bureau\u200b – « cœur » de l’été\u202e';
    const meeting = await b.ok('meetings.create', {
      type: 'bureau',
      title,
      date: '2026-07-02',
      place: 'Salle 1 234,50 €',
    });
    const stored = await b.database.db
      .selectFrom('meeting')
      .select(['title', 'place'])
      .where('id', '=', meeting.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ title: 'Bureau – « cœur » de l’été', place: 'Salle 1 234,50 €' });
    await b.ok('reports.exportMeetingMinutes', { meetingId: meeting.id });
    const text = execFileSync('pdftotext', ['-raw', saved.at(-1)!, '-'])
      .toString()
      .replace(/[\u00a0\u202f]/g, ' ');
    expect(text).toContain('Bureau – « cœur » de l’été');
    expect(text).toContain('Salle 1 234,50 €');
  });

  it('in a member import: invisible characters are removed, an emoji puts its row in error', async () => {
    const b = await backend();
    const file = writeCsv(
      b.database.dir,
      'adherents.csv',
      [
        ['Nom', 'Prénom', 'Profession'],
        ['Ber\u200bnard', '\u202aÉloïse\u202c', 'Infirmier'],
        ['Petit 😀', 'Lucie', 'Kinésithérapeute'],
      ],
      ';',
      'utf8',
    );
    const opened = await openImport(file);
    const preview = await previewImport(b.database.db, opened.token, opened.mapping);
    expect(preview.toCreate.map((row) => row.displayName)).toEqual(['BERNARD Éloïse']);
    expect(preview.errors).toEqual([expect.objectContaining({ line: 3, errors: [expect.stringContaining('« 😀 »')] })]);
    await applyImport(b.database.db, opened.token, opened.mapping);
    expect(await b.database.db.selectFrom('member').select(['last_name', 'first_name']).execute()).toEqual([
      { last_name: 'Bernard', first_name: 'Éloïse' },
    ]);
  });
});
