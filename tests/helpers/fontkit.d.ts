/** The few fontkit calls the tests make (fontkit ships no types; it comes with @react-pdf/renderer). */
declare module 'fontkit' {
  export interface Font {
    characterSet: number[];
    hasGlyphForCodePoint(codePoint: number): boolean;
    glyphForCodePoint(codePoint: number): { id: number };
  }
  export function openSync(path: string): Font;
}
