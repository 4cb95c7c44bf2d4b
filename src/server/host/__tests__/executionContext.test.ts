import { Database } from '@nocobase/database';
import { useTestApp } from '../../__tests__/helpers/testApp';
import { checkExecutionContext } from '../executionContext';

describe("the engine's execution context the callback URLs are written into", () => {
  const current = useTestApp();

  it("is a JSON field of the installed engine's executions", () => {
    expect(checkExecutionContext(current().app.db)).toEqual({ ok: true });
  });

  it('says what changed when the field is gone or no longer JSON', async () => {
    const db = new Database({ dialect: 'sqlite', storage: ':memory:', logging: false });
    try {
      expect(checkExecutionContext(db)).toEqual({
        ok: false,
        problem: 'the `executions` collection has no `context` field',
      });
      db.collection({ name: 'executions', fields: [{ type: 'text', name: 'context' }] });
      expect(checkExecutionContext(db)).toEqual({
        ok: false,
        problem: '`executions.context` is of type "text", not JSON',
      });
    } finally {
      await db.close();
    }
  });
});
