/**
 * Last touches to the XML `docx` writes, before the file is handed over.
 *
 * The table of contents' entries written in advance. `docx` writes the TOC field empty and asks Word to fill it
 * when it opens the file (`updateFields`); LibreOffice and Word's « no » to that question would show the bare
 * field. So the field's result gets one line per heading of the levels the field lists (`\o "1-2"`), in document
 * order, without page numbers (Word puts them in when it updates the field).
 */
import JSZip from 'jszip';

const DOCUMENT = 'word/document.xml';

interface Heading {
  level: number;
  /** XML-escaped, as it is in the document. */
  text: string;
}

/** Every heading of a level from `first` to `last`, in document order. */
function headings(xml: string, first: number, last: number): Heading[] {
  const found: Heading[] = [];
  for (const match of xml.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<w:pStyle w:val="Heading(\d)"\/>(.*?)<\/w:p>/gs)) {
    const level = Number(match[1]);
    if (level < first || level > last) continue;
    const text = [...(match[2] ?? '').matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((run) => run[1]).join('');
    if (text.trim() !== '') found.push({ level, text });
  }
  return found;
}

/**
 * `xml` with the TOC field's result filled, or unchanged when it has no empty TOC field. The field is rewritten
 * as Word writes it (begin, instruction and separator in runs of their own, in the first line's paragraph) and
 * taken out of the content control `docx` wraps it in: LibreOffice shows the bare instruction otherwise.
 */
export function fillTableOfContents(xml: string): string {
  const field =
    /(?:<w:sdt><w:sdtPr>(?:(?!<\/w:sdtPr>).)*<\/w:sdtPr><w:sdtContent>)?<w:p><w:r><w:fldChar w:fldCharType="begin"( w:dirty="true")?\/>(<w:instrText[^>]*>TOC [^<]*<\/w:instrText>)<w:fldChar w:fldCharType="separate"\/><\/w:r><\/w:p>(<w:p><w:r><w:fldChar w:fldCharType="end"\/><\/w:r><\/w:p>)(?:<\/w:sdtContent><\/w:sdt>)?/s;
  const instruction = field.exec(xml)?.[2];
  if (!instruction) return xml;
  const range = /\\o &quot;(\d)-(\d)&quot;/.exec(instruction);
  const entries = headings(xml, Number(range?.[1] ?? 1), Number(range?.[2] ?? 3));
  if (entries.length === 0) return xml;
  const line = (entry: Heading, fieldStart = '') =>
    `<w:p><w:pPr><w:pStyle w:val="TOC${entry.level}"/></w:pPr>${fieldStart}<w:r><w:t xml:space="preserve">${entry.text}</w:t></w:r></w:p>`;
  return xml.replace(field, (_, dirty: string | undefined, _instruction: string, end: string) => {
    const start = `<w:r><w:fldChar w:fldCharType="begin"${dirty ?? ''}/></w:r><w:r>${instruction}</w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>`;
    const [first, ...rest] = entries;
    return `${first ? line(first, start) : ''}${rest.map((entry) => line(entry)).join('')}${end}`;
  });
}

/**
 * Every drawing (logo, photos) gets its own id: `docx` numbers them all 1, and Word may then call the file
 * damaged and offer to repair it.
 */
export function numberDrawings(xml: string): string {
  let next = 0;
  return xml.replace(/<wp:docPr id="\d+"/g, () => {
    next += 1;
    return `<wp:docPr id="${next}"`;
  });
}

/** The .docx with its table of contents' entries written in advance and its drawings numbered. */
export async function finishDocx(docx: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(docx);
  const document = zip.file(DOCUMENT);
  if (!document) return docx;
  zip.file(DOCUMENT, numberDrawings(fillTableOfContents(await document.async('string'))));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
