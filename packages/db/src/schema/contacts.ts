import { foreignKey, index, pgTable, primaryKey, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { tenantColumns, tenantPolicies } from './columns';
import { ingestionColumns, ingestionConstraints } from './ingestion-columns';
import { shops } from './shops';

export const CONSENT_STATUSES = ['unknown', 'pending', 'subscribed', 'unsubscribed'] as const;
export const REJECT_REASONS = ['hard_bounce', 'soft_bounce', 'complaint', 'unsubscribe', 'invalid', 'manual'] as const;

/** Marketing contacts (who may be messaged, and how), distinct from customers (who bought). */
export const contacts = pgTable(
  'contacts',
  {
    ...ingestionColumns(),
    email: text('email'),
    phone: text('phone'),
    firstName: text('first_name'),
    lastName: text('last_name'),
    language: text('language'),
    emailConsent: text('email_consent', { enum: CONSENT_STATUSES }).notNull().default('unknown'),
    smsConsent: text('sms_consent', { enum: CONSENT_STATUSES }).notNull().default('unknown'),
    consentSource: text('consent_source'),
  },
  (t) => [...ingestionConstraints('contacts', t), unique('contacts_shop_id_key').on(t.shopId, t.id), index('contacts_shop_email_idx').on(t.shopId, t.email)],
);

/** Every consent change, written by a trigger on contacts (0016), so no write path can skip it. */
export const contactConsentEvents = pgTable(
  'contact_consent_events',
  {
    id: text('id').primaryKey(),
    ...tenantColumns,
    contactId: text('contact_id').notNull(),
    channel: text('channel', { enum: ['email', 'sms'] }).notNull(),
    status: text('status', { enum: CONSENT_STATUSES }).notNull(),
    source: text('source'),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('contact_consent_events_shop_contact_idx').on(t.shopId, t.contactId, t.occurredAt),
    foreignKey({ columns: [t.shopId, t.agencyId], foreignColumns: [shops.id, shops.agencyId] }),
    foreignKey({ columns: [t.shopId, t.contactId], foreignColumns: [contacts.shopId, contacts.id] }).onDelete('cascade'),
    ...tenantPolicies('contact_consent_events'),
  ],
);

/** Messages refused downstream (bounces, complaints): the suppression list. */
export const messageRejects = pgTable(
  'message_rejects',
  {
    ...ingestionColumns(),
    channel: text('channel', { enum: ['email', 'sms', 'whatsapp'] }).notNull(),
    address: text('address').notNull(),
    reason: text('reason', { enum: REJECT_REASONS }).notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [...ingestionConstraints('message_rejects', t), index('message_rejects_shop_address_idx').on(t.shopId, t.channel, t.address)],
);

export const contactLists = pgTable(
  'contact_lists',
  {
    ...ingestionColumns(),
    name: text('name').notNull(),
    description: text('description'),
  },
  (t) => [...ingestionConstraints('contact_lists', t), unique('contact_lists_shop_id_key').on(t.shopId, t.id)],
);

export const contactListMembers = pgTable(
  'contact_list_members',
  {
    ...tenantColumns,
    listId: text('list_id').notNull(),
    contactId: text('contact_id').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.listId, t.contactId] }),
    foreignKey({ columns: [t.shopId, t.agencyId], foreignColumns: [shops.id, shops.agencyId] }),
    // Composite keys: a membership can only join a list and a contact of its own shop.
    foreignKey({ columns: [t.shopId, t.listId], foreignColumns: [contactLists.shopId, contactLists.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.shopId, t.contactId], foreignColumns: [contacts.shopId, contacts.id] }).onDelete('cascade'),
    ...tenantPolicies('contact_list_members'),
  ],
);
