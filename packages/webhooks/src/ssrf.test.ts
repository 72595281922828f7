import { describe, expect, it } from 'vitest';
import { checkWebhookUrl, classifyAddress, resolvePublicAddress } from './ssrf';

const strict = { requireHttps: true, allowLoopback: false };

describe('classifyAddress', () => {
  it('recognises every non-public kind, IPv4-mapped IPv6 included', () => {
    expect(classifyAddress('93.184.216.34')).toBe('public');
    expect(classifyAddress('2606:4700::1111')).toBe('public');
    expect(classifyAddress('127.0.0.1')).toBe('loopback');
    expect(classifyAddress('::1')).toBe('loopback');
    expect(classifyAddress('::ffff:127.0.0.1')).toBe('loopback');
    expect(classifyAddress('10.1.2.3')).toBe('private');
    expect(classifyAddress('172.16.0.1')).toBe('private');
    expect(classifyAddress('192.168.1.1')).toBe('private');
    expect(classifyAddress('fd12::1')).toBe('private');
    expect(classifyAddress('169.254.169.254')).toBe('metadata');
    expect(classifyAddress('169.254.1.1')).toBe('link_local');
    expect(classifyAddress('fe80::1')).toBe('link_local');
    expect(classifyAddress('100.64.0.1')).toBe('cgnat');
    expect(classifyAddress('0.0.0.0')).toBe('reserved');
    expect(classifyAddress('224.0.0.1')).toBe('reserved');
  });
});

describe('checkWebhookUrl', () => {
  it('accepts a public https URL', () => {
    expect(checkWebhookUrl('https://hooks.example.com/sumeru', strict)).toMatchObject({ ok: true });
  });

  it('refuses http in production, other schemes, credentials and internal hosts', () => {
    expect(checkWebhookUrl('http://hooks.example.com', strict)).toEqual({ ok: false, reason: 'url must use https' });
    expect(checkWebhookUrl('ftp://hooks.example.com', { ...strict, requireHttps: false })).toMatchObject({ ok: false });
    expect(checkWebhookUrl('https://user:pw@hooks.example.com', strict)).toMatchObject({ ok: false });
    expect(checkWebhookUrl('https://localhost/x', strict)).toMatchObject({ ok: false });
    expect(checkWebhookUrl('https://db.internal/x', strict)).toMatchObject({ ok: false });
    expect(checkWebhookUrl('not a url', strict)).toMatchObject({ ok: false });
  });

  it('refuses private, loopback, metadata and disguised IP literals', () => {
    for (const url of ['https://127.0.0.1/', 'https://2130706433/', 'https://0x7f000001/', 'https://[::ffff:127.0.0.1]/', 'https://169.254.169.254/latest', 'https://10.0.0.5/', 'https://[::1]/', 'https://100.64.1.1/']) {
      expect(checkWebhookUrl(url, strict), url).toMatchObject({ ok: false });
    }
  });

  it('allows loopback only when told to (development and tests)', () => {
    expect(checkWebhookUrl('http://127.0.0.1:4000/hook', { requireHttps: false, allowLoopback: true })).toMatchObject({ ok: true });
    expect(checkWebhookUrl('http://10.0.0.1/hook', { requireHttps: false, allowLoopback: true })).toMatchObject({ ok: false });
  });
});

describe('resolvePublicAddress', () => {
  it('refuses a name that resolves to loopback, and returns the address to pin otherwise', async () => {
    expect(await resolvePublicAddress('localhost', { allowLoopback: false })).toMatchObject({ error: expect.stringMatching(/loopback/) });
    expect(await resolvePublicAddress('localhost', { allowLoopback: true })).toMatchObject({ address: expect.stringMatching(/^(127\.0\.0\.1|::1)$/) });
    expect(await resolvePublicAddress('93.184.216.34', { allowLoopback: false })).toEqual({ address: '93.184.216.34', family: 4 });
    expect(await resolvePublicAddress('no-such-host.invalid', { allowLoopback: false })).toEqual({ error: 'host does not resolve' });
  });
});
