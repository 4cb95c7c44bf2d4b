import { defaultStorageOf, FileManager } from '../../uploads/fileManager';
import { fileTypeReader } from '../../uploads/fileTypes';
import { checkFile, uploadRulesOf } from '../../uploads/uploadRules';
import { Parsed, Stage, WebhookRejection } from '../Delivery';
import { metadataOf, ReceivedFile } from '../parsing/multipart';

/**
 * When the workflow stores uploads, every file must pass the default storage's rules (as NocoBase's
 * own upload applies them) and the workflow's: one that breaks a type rule refuses the delivery
 * with 415, a size rule with 413, before anything is stored. Files that are only listed are not
 * judged: nothing of them is kept but their name, type and size.
 */
export function checkUploads(fileManager: () => FileManager | null): Stage<Parsed, Parsed> {
  return async (delivery) => {
    const { uploads } = delivery;
    const config = delivery.config.uploads;
    if (!uploads?.length || !config?.store) {
      return delivery;
    }
    try {
      const manager = fileManager();
      const rules = uploadRulesOf(manager ? await defaultStorageOf(manager) : null, config);
      const checked: ReceivedFile[] = [];
      for (const [index, file] of uploads.entries()) {
        const type = await checkFile(file, index + 1, rules, fileTypeReader);
        checked.push(type ? { ...file, mimeType: type } : file);
      }
      return { ...delivery, uploads: checked, context: { ...delivery.context, files: metadataOf(checked) } };
    } catch (error) {
      if (error instanceof WebhookRejection) {
        throw error;
      }
      delivery.logger.error(`[webhook] workflow ${delivery.workflow.id}: uploaded files could not be checked`, {
        error,
      });
      throw new WebhookRejection(503, 'The uploaded files could not be checked, try again later', {
        'Retry-After': '5',
      });
    }
  };
}
