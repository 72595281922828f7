import type { Random } from './random';
import { pickInt, pickOne } from './random';

export type PeopleLocale = {
  firstNames: readonly string[];
  lastNames: readonly string[];
  formatPhone: (random: Random) => string;
};

// Reserved domains (RFC 2606), so a demo campaign can never mail a real person.
const EMAIL_DOMAINS = ['example.com', 'example.org', 'example.net'] as const;

export const EUROPEAN_PEOPLE: PeopleLocale = {
  firstNames: ['Lena', 'Jonas', 'Sophie', 'Lukas', 'Marie', 'Felix', 'Hannah', 'Paul', 'Emma', 'Leon', 'Clara', 'Maximilian', 'Anna', 'Elias', 'Lea', 'Noah', 'Mia', 'Finn', 'Julia', 'Matteo', 'Camille', 'Louis', 'Chloé', 'Hugo', 'Sanne', 'Daan', 'Fleur', 'Bram', 'Ingrid', 'Mats', 'Giulia', 'Lorenzo', 'Zoë', 'Jakob', 'Amélie', 'Tobias'],
  lastNames: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Hoffmann', 'Schäfer', 'Koch', 'Richter', 'Klein', 'Wolf', 'Neumann', 'Braun', 'Zimmermann', 'Hartmann', 'Dubois', 'Laurent', 'Moreau', 'de Vries', 'Jansen', 'Bakker', 'Visser', 'Rossi', 'Bianchi', 'Lindqvist', 'Berg', 'Novak', 'Kowalski', 'Huber', 'Gruber', 'Steiner'],
  formatPhone: (random) => `+49${pickOne(random, ['151', '160', '170', '176'])}${String(pickInt(random, 0, 99_999_999)).padStart(8, '0')}`,
};

export const AMERICAN_PEOPLE: PeopleLocale = {
  firstNames: ['Olivia', 'Liam', 'Ava', 'Ethan', 'Sophia', 'Mason', 'Isabella', 'Lucas', 'Amelia', 'Jackson', 'Harper', 'Aiden', 'Evelyn', 'Carter', 'Abigail', 'Logan', 'Emily', 'Caleb', 'Madison', 'Wyatt', 'Aaliyah', 'Jayden', 'Grace', 'Mateo', 'Chloe', 'Diego', 'Priya', 'Ravi', 'Mei', 'Kenji', 'Nia', 'Andre', 'Sofia', 'Gabriel', 'Layla', 'Owen'],
  lastNames: ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez', 'Lopez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Robinson', 'Walker', 'Young', 'Nguyen', 'Patel', 'Kim', 'Chen', 'Okafor', 'Rivera'],
  // 555-0100..0199 is the range reserved for fiction in North America.
  formatPhone: (random) => `+1${pickOne(random, ['212', '415', '512', '617', '312', '206'])}5550${String(pickInt(random, 100, 199))}`,
};

const foldToAscii = (value: string): string =>
  value.replace(/ß/g, 'ss').normalize('NFD').replace(/\p{M}/gu, '').replace(/[^A-Za-z]/g, '').toLowerCase();

/** A plausible personal address, unique within `taken` (which it extends). */
export const pickEmail = (random: Random, firstName: string, lastName: string, taken: Set<string>): string => {
  const first = foldToAscii(firstName);
  const last = foldToAscii(lastName);
  const local = pickOne(random, [`${first}.${last}`, `${first}${last}`, `${first[0]}${last}`, `${first}.${last}${pickInt(random, 1, 99)}`, `${first}_${last[0]}`]);
  const domain = pickOne(random, EMAIL_DOMAINS);
  let email = `${local}@${domain}`;
  for (let n = 2; taken.has(email); n++) email = `${local}${n}@${domain}`;
  taken.add(email);
  return email;
};
