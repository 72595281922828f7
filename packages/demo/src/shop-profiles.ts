import type { Currency } from '@sumeru/domain';
import { HOME_CATALOGUE, OUTDOOR_CATALOGUE, type Catalogue } from './catalogues';
import { AMERICAN_PEOPLE, EUROPEAN_PEOPLE, type PeopleLocale } from './people';

/** Everything that makes one demo shop look like a real business of its own. */
export type ShopProfile = {
  name: string;
  domain: string;
  currency: Currency;
  timezone: string;
  skuPrefix: string;
  locations: readonly [string, string];
  catalogue: Catalogue;
  people: PeopleLocale;
};

// Two shops that differ in every dimension a console view or an API filter can show:
// currency, time zone, catalogue, customer names.
export const SHOP_PROFILES: readonly ShopProfile[] = [
  {
    name: 'Alpenglow Outfitters',
    domain: 'alpenglow-outfitters.example',
    currency: 'EUR',
    timezone: 'Europe/Berlin',
    skuPrefix: 'AO',
    locations: ['Munich Warehouse', 'Berlin Flagship'],
    catalogue: OUTDOOR_CATALOGUE,
    people: EUROPEAN_PEOPLE,
  },
  {
    name: 'Copper & Clay Home',
    domain: 'copperandclay.example',
    currency: 'USD',
    timezone: 'America/New_York',
    skuPrefix: 'CC',
    locations: ['Newark Fulfillment Center', 'Brooklyn Studio'],
    catalogue: HOME_CATALOGUE,
    people: AMERICAN_PEOPLE,
  },
];
