// The seven chapters of the field guide, in book order, with their chapter numbers in both editions of
// "Kubernetes Patterns". One list feeds the sidebar, the chapter badges and the frontmatter check.
export interface Chapter {
  slug: string;
  /** Chapter number in the 1st edition (2019). */
  first: number;
  /** Chapter number in the 2nd edition (2023). */
  second: number;
}

export const CHAPTERS: readonly Chapter[] = [
  { slug: 'batch-job', first: 7, second: 7 },
  { slug: 'periodic-job', first: 8, second: 8 },
  { slug: 'daemon-service', first: 9, second: 9 },
  { slug: 'singleton-service', first: 10, second: 10 },
  { slug: 'stateful-service', first: 11, second: 12 },
  { slug: 'service-discovery', first: 12, second: 13 },
  { slug: 'self-awareness', first: 13, second: 14 },
];

/** Short sidebar badge text: both edition numbers, translated. */
export function chapterBadge(chapter: Chapter): Record<'ko' | 'en', string> {
  return {
    ko: `${chapter.first}장 · 2판 ${chapter.second}장`,
    en: `Ch. ${chapter.first} · 2nd ed. ${chapter.second}`,
  };
}
