import fs from 'fs';
import path from 'path';
import PluginWorkflowServer from '@nocobase/plugin-workflow';
import { DELIVERIES_COLLECTION } from '../constants';
import { pruneFinished } from '../inbox/retention';
import { useTestApp } from './helpers/testApp';
import { waitUntil } from './helpers/waitUntil';
import { createWebhookWorkflow, executionsOf, waitForExecutions } from './helpers/workflows';

interface Part {
  field: string;
  filename?: string;
  type?: string;
  content: string | Buffer;
}

/** The first bytes of a PNG: enough for the file manager's type detection to recognise one. */
const PNG_16_BYTES = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const PNG_30_BYTES = Buffer.concat([PNG_16_BYTES, Buffer.alloc(14)]);
const HTML = '<!doctype html><html><body><script>alert(1)</script></body></html>';
const STORE = { uploads: { store: true } };
const RETENTION = { maxAgeDays: 7, maxRowsPerWorkflow: 1000, maxRefusedPerWorkflow: 1000 };

function multipart(parts: Part[]): { body: Buffer; contentType: string } {
  const boundary = '----hookflow-uploads';
  const chunks = parts.flatMap(({ field, filename, type, content }) => [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"${filename ? `; filename="${filename}"` : ''}\r\n` +
        (type ? `Content-Type: ${type}\r\n` : '') +
        '\r\n',
    ),
    Buffer.from(content),
    Buffer.from('\r\n'),
  ]);
  return {
    body: Buffer.concat([...chunks, Buffer.from(`--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

interface StoredFile {
  field: string;
  filename: string;
  mimeType: string;
  size: number;
  attachmentId?: number;
  url?: string;
}

interface DeliveryRow {
  id: number;
  state: string;
  uploadsKey: string | null;
  extras: { files?: StoredFile[] } | null;
}

describe('uploaded files', () => {
  const current = useTestApp(undefined, { extraPlugins: ['file-manager'] });
  const db = () => current().app.db;
  const attachments = () => db().getRepository('attachments');
  const storages = () => db().getRepository('storages');
  const attachmentCount = () => attachments().count();
  const rowsOf = async (workflowId: number) =>
    (
      await db()
        .getModel(DELIVERIES_COLLECTION)
        .findAll({ where: { workflowId }, order: [['id', 'ASC']] })
    ).map((row) => row.toJSON() as DeliveryRow);
  /** Where the default (local) storage keeps an attachment's file. */
  const fileOnDisk = async (id: number) => {
    const record = await attachments().findOne({ filterByTk: id });
    const storage = await storages().findOne({ filter: { default: true } });
    const root = (storage?.get('options') as { documentRoot: string }).documentRoot;
    return path.resolve(process.cwd(), root, String(record?.get('path') ?? ''), String(record?.get('filename')));
  };
  const post = (key: string, parts: Part[], headers: Record<string, string> = {}) => {
    const { body, contentType } = multipart(parts);
    return current().request(`/api/webhook:trigger/${key}`, {
      method: 'POST',
      body,
      headers: { 'Content-Type': contentType, ...headers },
    });
  };
  const setStorageRules = (rules: Record<string, unknown>) =>
    storages().update({ filter: { default: true }, values: { rules } });

  let defaultRules: Record<string, unknown>;
  beforeAll(async () => {
    defaultRules = (await storages().findOne({ filter: { default: true } }))?.get('rules') as Record<string, unknown>;
  });
  afterEach(async () => {
    await setStorageRules(defaultRules);
  });

  it('lists files by name, type and size without storing them when the workflow does not store uploads', async () => {
    const workflow = await createWebhookWorkflow(current());
    const before = await attachmentCount();
    const answer = await post(workflow.key, [
      { field: 'order', content: 'A-17' },
      { field: 'photo', filename: 'photo.png', type: 'image/png', content: PNG_16_BYTES },
    ]);
    expect(answer.status).toBe(200);
    const [run] = await waitForExecutions(current(), workflow.id, 1);
    expect(run.context.body).toEqual({ order: 'A-17' });
    expect(run.context.files).toEqual([{ field: 'photo', filename: 'photo.png', mimeType: 'image/png', size: 16 }]);
    expect(await attachmentCount()).toBe(before);
    const [row] = await rowsOf(workflow.id);
    expect(row.uploadsKey).toBeNull();
  });

  it('refuses a file of a type the storage does not allow with 415, and stores nothing', async () => {
    await setStorageRules({ mimetype: 'image/png', size: 20 });
    const workflow = await createWebhookWorkflow(current(), { config: STORE });
    const before = await attachmentCount();

    const html = await post(workflow.key, [{ field: 'page', filename: 'page.html', type: 'text/html', content: HTML }]);
    expect(html.status).toBe(415);
    expect(await html.json()).toEqual({
      error: {
        status: 415,
        message: 'Uploaded file #1 is of type text/html, which is not allowed (allowed: image/png)',
      },
    });
    // What the sender declares does not count, and PNG bytes may not be kept under a page's name.
    const declaredPng = await post(workflow.key, [
      { field: 'page', filename: 'page.html', type: 'image/png', content: PNG_16_BYTES },
    ]);
    expect(declaredPng.status).toBe(415);

    expect(await attachmentCount()).toBe(before);
    expect(await executionsOf(current(), workflow.id)).toHaveLength(0);
    expect((await rowsOf(workflow.id)).map((row) => row.state)).toEqual(['refused', 'refused']);
  });

  it('refuses a file larger than the storage allows with 413, and stores nothing', async () => {
    await setStorageRules({ mimetype: 'image/png', size: 20 });
    const workflow = await createWebhookWorkflow(current(), { config: STORE });
    const before = await attachmentCount();

    const large = await post(workflow.key, [
      { field: 'small', filename: 'small.png', type: 'image/png', content: PNG_16_BYTES },
      { field: 'large', filename: 'large.png', type: 'image/png', content: PNG_30_BYTES },
    ]);
    expect(large.status).toBe(413);
    expect((await large.json()).error.message).toBe('Uploaded file #2 is larger than the limit of 20B (20 bytes)');
    expect(await attachmentCount()).toBe(before);
    expect(await executionsOf(current(), workflow.id)).toHaveLength(0);
  });

  it("applies the workflow's own type and size rules as well: the stricter wins", async () => {
    const pdfOnly = await createWebhookWorkflow(current(), {
      config: { uploads: { store: true, mimetypes: ['application/pdf'] } },
    });
    const tenBytes = await createWebhookWorkflow(current(), {
      config: { uploads: { store: true, maxFileSize: '10b' } },
    });
    const before = await attachmentCount();
    const png = [{ field: 'photo', filename: 'photo.png', type: 'image/png', content: PNG_16_BYTES }];

    const wrongType = await post(pdfOnly.key, png);
    expect(wrongType.status).toBe(415);
    expect((await wrongType.json()).error.message).toBe(
      'Uploaded file #1 is of type image/png, which is not allowed (allowed: application/pdf)',
    );
    const tooLarge = await post(tenBytes.key, png);
    expect(tooLarge.status).toBe(413);
    expect((await tooLarge.json()).error.message).toBe('Uploaded file #1 is larger than the limit of 10B (10 bytes)');
    expect(await attachmentCount()).toBe(before);
  });

  it('stores an allowed file as an attachment of the default storage, under the type its bytes show', async () => {
    await setStorageRules({ mimetype: 'image/png', size: 20 });
    const workflow = await createWebhookWorkflow(current(), {
      config: { uploads: { store: true, mimetypes: ['image/*'], maxFileSize: '5mb' } },
    });

    const answer = await post(workflow.key, [
      { field: 'photo', filename: 'photo.png', type: 'application/octet-stream', content: PNG_16_BYTES },
    ]);
    expect(answer.status).toBe(200);
    const [run] = await waitForExecutions(current(), workflow.id, 1);
    const [file] = run.context.files as StoredFile[];
    expect(file).toEqual({
      field: 'photo',
      filename: 'photo.png',
      mimeType: 'image/png',
      size: 16,
      attachmentId: expect.anything(),
      url: expect.any(String),
    });
    const attachment = await attachments().findOne({ filterByTk: file.attachmentId });
    expect(attachment?.get('title')).toBe('photo.png');
    expect(attachment?.get('mimetype')).toBe('image/png');
    expect(fs.readFileSync(await fileOnDisk(file.attachmentId as number))).toEqual(PNG_16_BYTES);
    const [row] = await rowsOf(workflow.id);
    expect(row.uploadsKey).toEqual(expect.any(String));
    expect(row.extras?.files?.[0].attachmentId).toBe(file.attachmentId);
  });

  it('stores the files of a repeated delivery id only once', async () => {
    const workflow = await createWebhookWorkflow(current(), {
      config: { ...STORE, idempotency: { header: 'Idempotency-Key' } },
    });
    const before = await attachmentCount();
    const parts = [{ field: 'photo', filename: 'photo.png', type: 'image/png', content: PNG_16_BYTES }];

    expect((await post(workflow.key, parts, { 'Idempotency-Key': 'delivery-1' })).status).toBe(200);
    await waitForExecutions(current(), workflow.id, 1);
    const repeat = await post(workflow.key, parts, { 'Idempotency-Key': 'delivery-1' });
    expect(repeat.status).toBe(200);
    expect(repeat.headers.get('idempotent-replayed')).toBe('true');
    expect(await attachmentCount()).toBe(before + 1);

    // Copies sent at the same moment may both get past the first look; the one not written gives its files back.
    const copies = await Promise.all(
      [1, 2, 3].map(() => post(workflow.key, parts, { 'Idempotency-Key': 'delivery-2' })),
    );
    expect(copies.map((copy) => copy.status)).toEqual([200, 200, 200]);
    await waitForExecutions(current(), workflow.id, 2);
    await waitUntil(async () => (await attachmentCount()) === before + 2, 'one attachment per delivery id');
    expect(await executionsOf(current(), workflow.id)).toHaveLength(2);
  });

  it('prunes the attachments and their files with the deliveries that stored them', async () => {
    const workflow = await createWebhookWorkflow(current(), { config: STORE });
    expect(
      (await post(workflow.key, [{ field: 'photo', filename: 'photo.png', type: 'image/png', content: PNG_16_BYTES }]))
        .status,
    ).toBe(200);
    const [run] = await waitForExecutions(current(), workflow.id, 1);
    const { attachmentId } = (run.context.files as StoredFile[])[0];
    const file = await fileOnDisk(attachmentId as number);
    expect(fs.existsSync(file)).toBe(true);

    const old = new Date(Date.now() - 10 * 86_400_000);
    await db()
      .getModel(DELIVERIES_COLLECTION)
      .update({ state: 'finished', receivedAt: old }, { where: { workflowId: workflow.id } });
    await pruneFinished(db(), RETENTION, current().app.logger);

    expect(await rowsOf(workflow.id)).toHaveLength(0);
    expect(await attachments().findOne({ filterByTk: attachmentId })).toBeNull();
    expect(fs.existsSync(file)).toBe(false);
  });

  it("keeps files shared by a delivery's events until the last event's row is pruned", async () => {
    const workflow = await createWebhookWorkflow(current(), { config: { ...STORE, events: { path: 'item[*]' } } });
    const answer = await post(workflow.key, [
      { field: 'item', content: 'first' },
      { field: 'item', content: 'second' },
      { field: 'photo', filename: 'photo.png', type: 'image/png', content: PNG_16_BYTES },
    ]);
    expect(answer.status).toBe(200);
    const runs = await waitForExecutions(current(), workflow.id, 2);
    const ids = runs.map((run) => (run.context.files as StoredFile[])[0].attachmentId);
    expect(ids[0]).toBe(ids[1]);
    const [first, second] = await rowsOf(workflow.id);
    expect(first.uploadsKey).toBe(second.uploadsKey);

    const model = db().getModel(DELIVERIES_COLLECTION);
    const old = new Date(Date.now() - 10 * 86_400_000);
    await model.update({ state: 'finished', receivedAt: old }, { where: { id: first.id } });
    await pruneFinished(db(), RETENTION, current().app.logger);
    expect((await rowsOf(workflow.id)).map((row) => row.id)).toEqual([second.id]);
    expect(await attachments().findOne({ filterByTk: ids[0] })).not.toBeNull();

    await model.update({ state: 'finished', receivedAt: old }, { where: { id: second.id } });
    await pruneFinished(db(), RETENTION, current().app.logger);
    expect(await rowsOf(workflow.id)).toHaveLength(0);
    expect(await attachments().findOne({ filterByTk: ids[0] })).toBeNull();
  });

  it('refuses to save upload rules that would never match', () => {
    const trigger = (current().app.pm.get(PluginWorkflowServer) as PluginWorkflowServer).triggers.get('webhook')!;
    expect(trigger.validateConfig!({ uploads: { store: true, mimetypes: ['png'] } })).toBeTruthy();
    expect(trigger.validateConfig!({ uploads: { store: true, maxFileSize: 'big' } })).toBeTruthy();
    expect(
      trigger.validateConfig!({
        uploads: { store: true, mimetypes: ['image/*', 'application/pdf'], maxFileSize: '5mb' },
      }),
    ).toBeFalsy();
  });
});
