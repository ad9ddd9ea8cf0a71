import type { Role } from '@tessera/schema';
import { authenticate } from '../../packages/server/src/domain/api-keys.js';
import { createMember } from '../../packages/server/src/domain/people.js';
import { signIn, type AppClient } from '../../packages/server/test/support/app-client.js';
import type { TestServer } from '../../packages/server/test/support/harness.js';

export const PASSWORD = 'correct horse battery';

/**
 * A person with a fixed name and email in the suite's account, signed in over HTTP. Fixed, so the
 * screenshots the tests take are the same from run to run.
 */
export async function person(server: TestServer, roles: Role[], name: string): Promise<AppClient> {
  const { accountId } = await authenticate(server.server.store, `Bearer ${await server.key('test')}`);
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}@example.com`;
  await createMember(server.server.store.scoped({ accountId, env: 'live' }), { email, name, roles, password: PASSWORD });
  return signIn(server.url, email, PASSWORD);
}
