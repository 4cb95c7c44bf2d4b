import { WebhookRejection } from '../../Delivery';
import { parseMultipart } from '../multipart';

describe('parseMultipart', () => {
  it('refuses a Content-Type busboy cannot use without repeating it', async () => {
    const refused = await parseMultipart(Buffer.from('x'), 'text/plain; note=ct-marker-1').catch(
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(WebhookRejection);
    expect((refused as WebhookRejection).message).toBe('Malformed multipart body: Unsupported content type');
  });

  it("refuses a body without its boundary with busboy's own words", async () => {
    const refused = await parseMultipart(Buffer.from('x'), 'multipart/form-data').catch((error: unknown) => error);
    expect((refused as WebhookRejection).message).toBe('Malformed multipart body: Multipart: Boundary not found');
  });
});
