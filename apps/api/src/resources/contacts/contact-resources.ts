import { z } from 'zod';
import { schema } from '@sumeru/db';
import type { ResourceSpec } from '../../listing/resource-spec';
import { crudEndpoints } from '../crud/crud-endpoints';

const c = schema.contacts;
const ZConsent = z.enum(['unknown', 'pending', 'subscribed', 'unsubscribed']);

export const contactSpec: ResourceSpec = {
  type: 'contact',
  table: c,
  id: c.id,
  shop: c.shopId,
  defaultSort: '-created_at',
  attributes: {
    external_id: { column: c.externalId, kind: 'string', filter: true, write: z.string() },
    email: { column: c.email, kind: 'string', filter: true, sort: true, write: z.email().max(254).transform((e) => e.toLowerCase()).nullable().optional() },
    phone: { column: c.phone, kind: 'string', filter: true, write: z.string().regex(/^\+?[0-9 ()-]{6,20}$/, 'phone must be digits, optionally starting with +').nullable().optional() },
    first_name: { column: c.firstName, kind: 'string', write: z.string().trim().max(100).nullable().optional() },
    last_name: { column: c.lastName, kind: 'string', sort: true, write: z.string().trim().max(100).nullable().optional() },
    language: { column: c.language, kind: 'string', filter: true, write: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'a language like en or pt-BR').nullable().optional() },
    email_consent: { column: c.emailConsent, kind: 'string', filter: true, write: ZConsent.optional() },
    sms_consent: { column: c.smsConsent, kind: 'string', filter: true, write: ZConsent.optional() },
    consent_source: { column: c.consentSource, kind: 'string', write: z.string().max(200).nullable().optional() },
    created_at: { column: c.createdAt, kind: 'datetime', filter: 'range', sort: true },
    updated_at: { column: c.updatedAt, kind: 'datetime', filter: 'range', sort: true },
  },
};

export const contactEndpoints = crudEndpoints({
  path: 'contacts', name: { pascal: 'Contact', words: 'contact' }, idKind: 'contact',
  scopes: { read: 'contacts:read', write: 'contacts:write' }, stability: 'beta', spec: contactSpec,
});

const r = schema.messageRejects;

export const messageRejectEndpoints = crudEndpoints({
  path: 'message-rejects', name: { pascal: 'MessageReject', words: 'message reject' }, idKind: 'messageReject',
  scopes: { read: 'contacts:read', write: 'contacts:write' }, stability: 'beta',
  spec: {
    type: 'message_reject', table: r, id: r.id, shop: r.shopId, defaultSort: '-occurred_at',
    attributes: {
      external_id: { column: r.externalId, kind: 'string', filter: true, write: z.string() },
      channel: { column: r.channel, kind: 'string', filter: true, write: z.enum(['email', 'sms', 'whatsapp']) },
      address: { column: r.address, kind: 'string', filter: true, write: z.string().trim().min(3).max(254).transform((a) => a.toLowerCase()) },
      reason: { column: r.reason, kind: 'string', filter: true, write: z.enum(['hard_bounce', 'soft_bounce', 'complaint', 'unsubscribe', 'invalid', 'manual']) },
      occurred_at: { column: r.occurredAt, kind: 'datetime', filter: 'range', sort: true, write: z.iso.datetime({ offset: true }) },
      created_at: { column: r.createdAt, kind: 'datetime', filter: 'range', sort: true },
    },
  },
});

const l = schema.contactLists;

export const contactListSpec: ResourceSpec = {
  type: 'list', table: l, id: l.id, shop: l.shopId, defaultSort: 'name',
  attributes: {
    external_id: { column: l.externalId, kind: 'string', filter: true, write: z.string() },
    name: { column: l.name, kind: 'string', filter: true, sort: true, write: z.string().trim().min(1).max(200) },
    description: { column: l.description, kind: 'string', write: z.string().max(2000).nullable().optional() },
    created_at: { column: l.createdAt, kind: 'datetime', filter: 'range', sort: true },
    updated_at: { column: l.updatedAt, kind: 'datetime', filter: 'range', sort: true },
  },
};

export const contactListEndpoints = crudEndpoints({
  path: 'lists', name: { pascal: 'List', words: 'list' }, idKind: 'contactList',
  scopes: { read: 'contacts:read', write: 'contacts:write' }, stability: 'beta', spec: contactListSpec,
});
