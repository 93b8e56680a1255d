import slugify from 'slugify';

/** A portal slug from a Vietnamese title: no diacritics, đ → d, lower case, hyphens (at most 100). */
export function slugFromTitle(title: string): string {
  const slug = slugify(title.normalize('NFC'), { lower: true, strict: true, locale: 'vi', trim: true });
  return slug.slice(0, 100).replace(/-+$/g, '') || 'bai-viet';
}
