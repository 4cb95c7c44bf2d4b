import type { TestApp } from './testApp';

export async function signIn(testApp: TestApp, account: string, password: string): Promise<string> {
  const response = await testApp.request('/api/auth:signIn', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Authenticator': 'basic' },
    body: JSON.stringify({ account, password }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { data: { token: string } }).data.token;
}

/**
 * Tokens of the three callers a permission test sets apart: the built-in admin, a second user
 * with the admin role (who may manage workflows) and a user with the member role (who may not).
 */
export async function signInThreeRoles(testApp: TestApp): Promise<{ admin: string; manager: string; member: string }> {
  const admin = await signIn(testApp, 'admin@nocobase.com', 'admin123');
  const users = testApp.app.db.getRepository('users');
  await users.create({ values: { email: 'member@example.com', password: 'member-pass', roles: ['member'] } });
  await users.create({ values: { email: 'manager@example.com', password: 'manager-pass', roles: ['admin'] } });
  return {
    admin,
    member: await signIn(testApp, 'member@example.com', 'member-pass'),
    manager: await signIn(testApp, 'manager@example.com', 'manager-pass'),
  };
}
