import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { Font } from '@react-pdf/renderer';

/** The font family every report uses. SVG <Text> does not inherit it: pass it explicitly there. */
export const FONT_FAMILY = 'Inter';

/** Weights shipped in resources/fonts (TTF: fontkit cannot subset WOFF2). */
const FONT_FILES = [
  { file: 'Inter-Regular.ttf', fontWeight: 400 },
  { file: 'Inter-SemiBold.ttf', fontWeight: 600 },
  { file: 'Inter-Bold.ttf', fontWeight: 700 },
] as const;

let registeredDir: string | null = null;

/**
 * Registers the Inter family from `fontsDir` (resources/fonts) by absolute path and turns hyphenation off.
 * Idempotent: calling it again with the same folder does nothing; another folder replaces the sources.
 */
export function registerFonts(fontsDir: string): void {
  const dir = isAbsolute(fontsDir) ? fontsDir : resolve(fontsDir);
  if (registeredDir === dir) return;

  const fonts = FONT_FILES.map(({ file, fontWeight }) => {
    const src = join(dir, file);
    if (!existsSync(src)) throw new Error(`police introuvable (${src})`);
    return { src, fontWeight, fontStyle: 'normal' as const };
  });

  // FontStore.register appends sources; drop an earlier registration so the new folder wins.
  delete Font.getRegisteredFonts()[FONT_FAMILY];
  Font.register({ family: FONT_FAMILY, fonts });

  // react-pdf hyphenates with English patterns by default, which splits French words badly.
  Font.registerHyphenationCallback((word) => [word]);
  registeredDir = dir;
}

/**
 * Clears the glyphs fontkit cached without their characters. When a document is subset at the end of a render,
 * fontkit loads some glyphs by id and caches them with empty code points (react-pdf #3404, fontkit #154); in the
 * NEXT document of the same process, textkit then drops those characters: the SemiBold « . », the Regular « ’ »,
 * combining accents… (« RCP26-EC6J9 » came out « RCP26- C6J9 »). The PDF worker renders job after job, so this
 * runs before each render. Returns how many glyphs were cleared.
 */
export function clearStaleGlyphs(): number {
  let cleared = 0;
  const family = Font.getRegisteredFonts()[FONT_FAMILY] as unknown as
    | { sources: { data: { _glyphs?: Record<string, { codePoints: number[] } | null> } | null }[] }
    | undefined;
  for (const source of family?.sources ?? []) {
    const glyphs = source.data?._glyphs;
    if (!glyphs) continue;
    for (const id of Object.keys(glyphs)) {
      if (glyphs[id] && glyphs[id].codePoints.length === 0) {
        delete glyphs[id];
        cleared += 1;
      }
    }
  }
  return cleared;
}
