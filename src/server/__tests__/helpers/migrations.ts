import type { Migration } from '@nocobase/server';
import PluginWorkflowWebhookServer from '../../Plugin';
import type { TestApp } from './testApp';

type MigrationClass = new (context: ConstructorParameters<typeof Migration>[0]) => Migration;

/** Runs one of the plugin's migrations on a test app's database, with the context `upgrade` gives it. */
export async function runMigration(testApp: TestApp, MigrationClass: MigrationClass): Promise<void> {
  const { app } = testApp;
  const plugin = app.pm.get(PluginWorkflowWebhookServer);
  const { db } = app;
  // What NocoBase's migrator gives each migration: the database's context, the app and the plugin.
  const context = { db, sequelize: db.sequelize, queryInterface: db.sequelize.getQueryInterface(), app, plugin };
  const migration = new MigrationClass(context);
  await migration.up();
}

/** NocoBase's `upgrade`, as after a new version of the plugin is installed; then the migrations recorded as run. */
export async function upgrade(testApp: TestApp): Promise<string[]> {
  const { app } = testApp;
  await app.runCommandThrowError('upgrade');
  const table = `${app.db.options.tablePrefix ?? ''}migrations`;
  const rows = (await app.db.sequelize.getQueryInterface().select(null, table)) as Array<{ name: string }>;
  return rows.map((row) => row.name);
}
