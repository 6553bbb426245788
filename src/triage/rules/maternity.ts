import type { Recommendation } from './recommendation.ts';

/**
 * A pregnancy or after-birth emergency goes to the maternity unit first (policy §2):
 * the words of the instruction, the summary and the receptionist's script follow this.
 * (An emergency for someone unsure if pregnant goes to the emergency department first.)
 */
export const goesToMaternity = ({ urgency, specialist }: Pick<Recommendation, 'urgency' | 'specialist'>): boolean =>
  urgency === 'emergency' && specialist === 'obstetrician';
