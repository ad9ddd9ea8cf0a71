import { expect, it } from 'vitest';
import { apiClient, describeEachBackend } from './support/harness.js';

describeEachBackend(
  'rate limits',
  (ctx) => {
    it('answers 429 with Retry-After past the budget, per account and environment', async () => {
      const api = ctx().client(await ctx().key('test', 'busy'));
      for (let i = 0; i < 5; i++) expect((await api.get('/v1/projects')).status).toBe(200);
      const limited = await api.get('/v1/projects');
      expect(limited.status).toBe(429);
      expect(limited.body).toMatchObject({ status_code: 429, error: expect.stringContaining('Too many requests') });
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      // Another key of the same account and environment shares the budget; other accounts do not.
      expect((await ctx().client(await ctx().key('test', 'busy')).get('/v1/projects')).status).toBe(429);
      expect((await ctx().client(await ctx().key('live', 'busy')).get('/v1/projects')).status).toBe(200);
      expect((await ctx().client(await ctx().key('test', 'calm')).get('/v1/projects')).status).toBe(200);
      // A bad key is still a 401.
      expect((await apiClient(ctx().url, 'test_nope').get('/v1/projects')).status).toBe(401);
    });
  },
  { rateLimit: { max: 5, windowMs: 60_000 } },
);
