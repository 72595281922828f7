import { randomInt } from 'node:crypto';

/**
 * What a claim gives: the referee a one-use 10 % welcome voucher, the referrer a one-use
 * 10.00 voucher in the shop's currency. Shop-specific programmes would replace these
 * defaults with settings; the claim flow stays the same.
 */
export const REFEREE_REWARD = { discountType: 'percentage', amount: '10.00', description: 'Referral welcome: 10% off your first order' } as const;
export const REFERRER_REWARD = { discountType: 'fixed_amount', amount: '10.00', description: 'Referral reward: thank you for referring a friend' } as const;

// No 0/O or 1/I/L: codes are read aloud and typed from screenshots.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export const generateCode = (length = 8): string => Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
