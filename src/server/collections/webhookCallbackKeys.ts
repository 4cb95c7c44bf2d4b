import { defineCollection } from '@nocobase/database';
import { CALLBACK_KEYS_COLLECTION } from '../constants';

/**
 * The installation's callback signing key: one row, 32 random bytes made on first use, the same on
 * every instance and across restarts. No API action reads or writes it (see `refuseKeyActions`).
 * Dumped with the app, so that a restored backup keeps its waiting runs' callback URLs valid.
 */
export default defineCollection({
  name: CALLBACK_KEYS_COLLECTION,
  dumpRules: 'required',
  shared: true,
  createdAt: true,
  updatedAt: false,
  fields: [
    { type: 'string', name: 'name', unique: true },
    // base64url of the key's bytes.
    { type: 'string', name: 'secret', length: 64 },
  ],
});
