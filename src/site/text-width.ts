// How wide a line of text is in a browser, estimated without one, for laying diagrams out before any font is loaded.
// Graphviz measures labels with its own tables of Latin fonts and counts every other character as a space, so a
// Korean label would be laid out about three times too narrow; the diagram renderer passes it these widths instead.

/** Helvetica's advance widths (1/1000 em) for ASCII 32..126: what Graphviz itself uses for fontname="Helvetica". */
// prettier-ignore
const HELVETICA = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space ! " # $ % & ' ( ) * + , - . /
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0-9 : ; < = > ?
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ A-O
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P-Z [ \ ] ^ _
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` a-o
  556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p-z { | } ~
];

/**
 * Latin text in the site's font stack (system-ui: Segoe UI, Roboto, DejaVu Sans, Noto Sans, ...) runs up to about
 * 12% wider than Helvetica; Hangul, CJK and full-width signs take a full em in every Korean font (Noto Sans CJK,
 * Apple SD Gothic Neo, Malgun Gothic).
 */
const LATIN_SCALE = 1.12;
/** Bold (font-weight 600) Latin runs about 8% wider again; Hangul keeps its full em. */
const BOLD_SCALE = 1.08;
const WIDE = /[\u1100-\u11ff\u2190-\u21ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/u;
const OTHER_EM = 0.62;

/** Estimated width of one line of text, in ems of its font size. */
export function textWidthEm(line: string, bold = false): number {
  let thousandths = 0;
  for (const char of line) {
    const code = char.codePointAt(0)!;
    if (code >= 32 && code <= 126) thousandths += HELVETICA[code - 32] * LATIN_SCALE * (bold ? BOLD_SCALE : 1);
    else if (WIDE.test(char)) thousandths += 1000;
    else thousandths += OTHER_EM * 1000;
  }
  return thousandths / 1000;
}

/** Graphviz's own estimate of a Helvetica line, in ems (what a layout proxy must add up to). */
export function helveticaWidthEm(line: string): number {
  let thousandths = 0;
  for (const char of line) {
    const code = char.codePointAt(0)!;
    thousandths += code >= 32 && code <= 126 ? HELVETICA[code - 32] : HELVETICA[0];
  }
  return thousandths / 1000;
}
