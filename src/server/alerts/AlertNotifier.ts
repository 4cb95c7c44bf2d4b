import type { Application } from '@nocobase/server';
import type { AlertsConfig } from '../../common/types';
import type { Log } from '../support/Log';
import type { AlertMessage } from './alertMessages';

/** The in-app message channel type (`@nocobase/plugin-notification-in-app-message`). */
const IN_APP_TYPE = 'in-app-message';
/** The in-app channel alerts go to when a workflow names none; created on first use. */
export const DEFAULT_ALERT_CHANNEL = 'webhook-alerts';
/** How the notification manager's send log names the sender. */
const TRIGGER_FROM = 'workflow-webhook';

/** What this plugin uses of `@nocobase/plugin-notification-manager`'s server plugin. */
interface NotificationManagerPlugin {
  enabled?: boolean;
  channelTypes: { get(type: string): unknown };
  getChannel(name: string): Promise<unknown>;
  loadChannels(): Promise<void>;
  send(options: {
    channelName: string;
    message: Record<string, unknown>;
    data?: Record<string, unknown>;
    triggerFrom: string;
    receivers: { type: 'userId'; value: number[] };
  }): Promise<{ status: string; reason?: string }>;
}

/**
 * Sends alerts through NocoBase's notification manager to a workflow's chosen users and the users
 * of its chosen roles: on the channels it names, else in-app. Without the notification manager
 * (or, for the default channel, the in-app message plugin) it says so once in the log.
 */
export class AlertNotifier {
  private warned = new Set<string>();

  constructor(
    private readonly app: Application,
    private readonly logger: Log,
  ) {}

  /** The notification manager, when enabled in this app; warns once when it is not. */
  manager(): NotificationManagerPlugin | null {
    const plugin = this.app.pm.get('notification-manager') as unknown as NotificationManagerPlugin | undefined;
    if (plugin && plugin.enabled !== false && plugin.channelTypes) {
      return plugin;
    }
    this.warnOnce(
      'manager',
      '[webhook] alerts are set on a webhook workflow, but the notification manager plugin is not enabled: no alert is sent until it is',
    );
    return null;
  }

  /** Resolves when every channel has taken the message; false when there was no one or nowhere to send it. */
  async send(alerts: AlertsConfig, { message, data }: AlertMessage): Promise<boolean> {
    const manager = this.manager();
    if (!manager) {
      return false;
    }
    const userIds = await this.receivers(alerts);
    const channels = alerts.channels?.length ? alerts.channels : [await this.defaultChannel(manager)];
    if (!userIds.length || channels.some((channel) => !channel)) {
      return false;
    }
    for (const channelName of channels as string[]) {
      const result = await manager.send({
        channelName,
        message,
        data,
        triggerFrom: TRIGGER_FROM,
        receivers: { type: 'userId', value: userIds },
      });
      if (result.status !== 'success') {
        this.logger.warn(`[webhook] alert not sent through the channel "${channelName}"`, { reason: result.reason });
      }
    }
    return true;
  }

  /** The chosen users and the users of the chosen roles, once each. */
  private async receivers(alerts: AlertsConfig): Promise<number[]> {
    const ids = new Set((alerts.users ?? []).map(Number).filter((id) => Number.isInteger(id) && id > 0));
    if (alerts.roles?.length) {
      const users = await this.app.db.getRepository('users').find({
        filter: { 'roles.name': { $in: alerts.roles } },
        fields: ['id'],
      });
      users.forEach((user: { get(name: string): unknown }) => ids.add(Number(user.get('id'))));
    }
    return [...ids];
  }

  /**
   * The in-app channel `webhook-alerts` ("Webhook alerts" in the users' in-app messages), created
   * the first time an alert needs it: NocoBase has no in-app channel until an admin adds one.
   */
  private async defaultChannel(manager: NotificationManagerPlugin): Promise<string | null> {
    if (!manager.channelTypes.get(IN_APP_TYPE)) {
      this.warnOnce(
        'in-app',
        '[webhook] alerts without a channel go to in-app messages, but the in-app message plugin is not enabled: name a channel in the alert settings or enable it',
      );
      return null;
    }
    if (await manager.getChannel(DEFAULT_ALERT_CHANNEL)) {
      return DEFAULT_ALERT_CHANNEL;
    }
    try {
      await this.app.db.getRepository('notificationChannels').firstOrCreate({
        filterKeys: ['name'],
        values: {
          name: DEFAULT_ALERT_CHANNEL,
          title: 'Webhook alerts',
          notificationType: IN_APP_TYPE,
          options: {},
          description: 'Failed and given-up webhook deliveries (Workflow: Webhook).',
        },
      });
    } catch (error) {
      // Another instance created it at the same moment: it is there either way.
      if ((error as Error).name !== 'SequelizeUniqueConstraintError') {
        throw error;
      }
    }
    // The manager caches channels per instance; one created elsewhere is not in this cache yet.
    await manager.loadChannels();
    return DEFAULT_ALERT_CHANNEL;
  }

  private warnOnce(what: string, message: string) {
    if (!this.warned.has(what)) {
      this.warned.add(what);
      this.logger.warn(message);
    }
  }
}
