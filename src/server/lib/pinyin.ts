import { pinyin } from 'pinyin-pro';

/** Full pinyin without tones or spaces, and initials: 张三维 → "zhangsanwei", "zsw". Surnames read as surnames (单 → shan). */
export function pinyinKeys(name: string): { namePinyin: string; nameInitials: string } {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', nonZh: 'consecutive' });
  const clean = syllables.map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, '')).filter(Boolean);
  return { namePinyin: clean.join(''), nameInitials: clean.map((s) => s[0]).join('') };
}

/** A search text as it should be matched against pinyin keys, or null when it is not Latin letters. */
export function latinQuery(q: string): string | null {
  const t = q.trim().toLowerCase().replace(/\s+/g, '');
  return /^[a-z]+$/.test(t) ? t : null;
}
