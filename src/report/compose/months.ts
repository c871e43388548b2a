/**
 * Short month names for chart categories written as text ("Dec 25 (59)"), where a date format
 * cannot add the answers behind each month.
 */
import type { Language } from '../../errors/catalogue';
import { civilFromDay } from '../../kpi/calendar/days';

const SHORT = {
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  es: ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sept', 'oct', 'nov', 'dic'],
} as const;

/** "Dec 2024", "Q4 2024" / "dic 2024", "T4 2024", "2024": a period in a few characters. */
export function shortPeriod(language: Language, kind: 'month' | 'quarter' | 'year', index: number): string {
  if (kind === 'year') return String(index);
  if (kind === 'quarter') return `${language === 'es' ? 'T' : 'Q'}${(index % 4) + 1} ${Math.floor(index / 4)}`;
  return `${SHORT[language][index % 12]} ${Math.floor(index / 12)}`;
}

/** "Dec 25" / "dic 25" for the month holding a day number. */
export function shortMonth(language: Language, dayNumber: number): string {
  const { year, month } = civilFromDay(dayNumber);
  return `${SHORT[language][month - 1]} ${String(year % 100).padStart(2, '0')}`;
}
