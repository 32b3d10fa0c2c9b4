/**
 * Text measurement for the dense member tables, so that pages can be cut ahead of react-pdf.
 *
 * The explicit pagination of long lists (see MembersList) only works if every row's height is known before
 * layout: a row that react-pdf wraps onto one more line than planned pushes the last row of the page onto an
 * extra page. So the cells are wrapped here, with the real advance widths of Inter (generated from
 * resources/fonts with fontkit; kerning only makes text narrower), and each line is drawn as its own <Text>
 * that react-pdf never needs to wrap again.
 */

/** Advance widths in thousandths of an em, per code point range: [first code point, widths separated by spaces]. */
const ADVANCES: Record<'regular' | 'bold', readonly (readonly [number, string])[]> = {
  regular: [
    [
      0x20,
      '281 288 466 633 642 982 644 300 365 365 501 662 288 460 288 360 631 407 610 618 646 593 620 566 619 620 288 302 662 662 662 511 966 690 654 730 722 601 590 746 743 269 571 672 565 903 753 765 639 765 644 642 646 744 690 985 682 679 629 365 360 365 471 456 323 562 612 571 612 583 370 613 591 242 242 549 242 876 591 600 612 612 376 528 327 591 562 818 546 562 552 426 333 426 662',
    ],
    [
      0xa0,
      '281 288 571 611 725 550 270 568 591 914 454 583 662 0 666 478 456 662 442 446 323 586 603 288 268 304 482 583 802 847 882 511 690 690 690 690 690 690 994 730 601 601 601 601 269 269 269 269 735 753 765 765 765 765 765 662 765 744 744 744 744 679 636 616 562 562 562 562 562 562 917 571 583 583 583 583 242 242 242 242 583 591 600 600 600 600 600 662 600 591 591 591 591 562 612 562 690 562 690 562 690 562 730 571 730 571 730 571 730 571 722 710 735 612 601 583 601 583 601 583 601 583 601 583 746 613 746 613 746 613 746 613 743 591 776 591 269 242 269 242 269 242 269 242 269 242 839 484 571 242 672 549 525 565 242 565 242 565 340 563 359 595 242 753 591 753 591 753 591 0 753 591 765 600 765 600 765 600 1005 1000 644 376 644 376 644 376 642 528 642 528 642 528 642 528 646 327 646 376 646 327 744 591 744 591 744 591 744 591 744 591 744 591 985 818 679 562 679 629 552 629 552 629 552 314',
    ],
    [0x2010, '358 358 648 500 1000 1000 479 453 261 261 241 261 440 440 421 440 491 491 563 563 288 576 864'],
    [0x2030, '1335 1689 223 442 662 223 442 662 455 384 384'],
    [0x2212, '662'],
    [0x20ac, '667'],
  ],
  bold: [
    [
      0x20,
      '237 338 552 649 655 1016 672 339 377 377 559 679 334 468 334 388 674 431 630 646 676 622 649 582 651 649 334 343 679 679 679 560 1016 747 662 740 722 607 587 750 747 281 584 719 565 932 762 771 648 777 657 655 667 732 747 1038 738 731 664 377 388 377 487 476 365 581 630 588 630 596 398 632 623 271 271 580 271 913 623 613 630 630 407 560 366 623 600 850 580 602 573 469 372 469 679',
    ],
    [
      0xa0,
      '237 338 588 639 762 570 339 568 623 914 464 660 679 0 662 439 459 679 460 472 365 628 599 334 364 333 490 660 846 881 920 560 747 747 747 747 747 747 1022 740 607 607 607 607 281 281 281 281 760 762 771 771 771 771 771 679 771 732 732 732 732 731 669 657 581 581 581 581 581 581 910 588 596 596 596 596 271 271 271 271 599 623 613 613 613 613 613 679 613 623 623 623 623 602 630 602 747 581 747 581 747 581 740 588 740 588 740 588 740 588 722 754 760 630 607 596 607 596 607 596 607 596 607 596 750 632 750 632 750 632 750 632 747 623 807 623 281 271 281 271 281 271 281 271 281 271 865 542 584 271 719 580 586 565 271 565 271 565 395 578 449 605 271 762 623 762 623 762 623 0 762 623 771 613 771 613 771 613 1018 988 657 407 657 407 657 407 655 560 655 560 655 560 655 560 667 366 667 441 667 366 732 623 732 623 732 623 732 623 732 623 732 623 1038 850 731 602 731 664 573 664 573 664 573 345',
    ],
    [0x2010, '454 454 646 500 1000 1000 565 476 311 311 289 311 540 532 510 532 583 583 474 474 334 668 1002'],
    [0x2030, '1390 1764 274 547 820 274 547 820 548 431 431'],
    [0x2212, '679'],
    [0x20ac, '685'],
  ],
};

export type FontWeightClass = 'regular' | 'bold';

/** Width of a character missing from the table (wider than any Latin letter of Inter, to stay on the safe side). */
const UNKNOWN_EM = 1.0;
/** Safety margin on measured widths: rounding of the table, sub-pixel positioning. */
export const WIDTH_SAFETY = 1.015;

function buildTable(ranges: readonly (readonly [number, string])[]): Map<number, number> {
  const table = new Map<number, number>();
  for (const [first, widths] of ranges) {
    widths.split(' ').forEach((width, index) => table.set(first + index, Number(width) / 1000));
  }
  return table;
}

const tables: Record<FontWeightClass, Map<number, number>> = {
  regular: buildTable(ADVANCES.regular),
  bold: buildTable(ADVANCES.bold),
};

/** Width of `text` in points at `fontSize` (semibold text is measured with the bold widths). */
export function textWidth(text: string, fontSize: number, weight: FontWeightClass = 'regular'): number {
  const table = tables[weight];
  let em = 0;
  for (const char of text) {
    const width = table.get(char.codePointAt(0) ?? 0);
    em += width === undefined || (width === 0 && char !== '\u00ad') ? UNKNOWN_EM : width;
  }
  return em * fontSize * WIDTH_SAFETY;
}

/** Pieces of a word too wide for a line: cut after a hyphen, slash, dot, @ or underscore, then by characters. */
function splitWord(word: string, maxWidth: number, measure: (text: string) => number): string[] {
  const pieces: string[] = [];
  for (const segment of word.match(/[^-/.@_]*[-/.@_]?/g) ?? [word]) {
    if (segment === '') continue;
    if (measure(segment) <= maxWidth) {
      pieces.push(segment);
      continue;
    }
    let piece = '';
    for (const char of segment) {
      if (piece !== '' && measure(piece + char) > maxWidth) {
        pieces.push(piece);
        piece = '';
      }
      piece += char;
    }
    if (piece !== '') pieces.push(piece);
  }
  return pieces;
}

/**
 * Greedy line split of `text` into lines no wider than `maxWidth` points: at spaces, long words cut after
 * a hyphen, slash, dot, @ or underscore (the French convention keeps the hyphen at the end of the line).
 * Always returns at least one line.
 */
export function wrapToWidth(
  text: string,
  maxWidth: number,
  fontSize: number,
  weight: FontWeightClass = 'regular',
): string[] {
  const measure = (value: string) => textWidth(value, fontSize, weight);
  if (measure(text) <= maxWidth) return [text];
  const lines: string[] = [];
  let line = '';
  const add = (piece: string, joiner: string) => {
    const candidate = line === '' ? piece : line + joiner + piece;
    if (line === '' || measure(candidate) <= maxWidth) line = candidate;
    else {
      lines.push(line);
      line = piece;
    }
  };
  for (const word of text.split(' ')) {
    if (word === '') continue;
    const pieces = measure(word) <= maxWidth ? [word] : splitWord(word, maxWidth, measure);
    pieces.forEach((piece, index) => add(piece, index === 0 ? ' ' : ''));
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}
