import { uploadRulesOf } from '../uploadRules';

const MB_20 = 20 * 1024 * 1024;

describe('uploadRulesOf', () => {
  it("takes the storage's size limit as the file manager does: 20 MB unless set, at least one byte", () => {
    expect(uploadRulesOf({ rules: null }, {}).maxBytes).toBe(MB_20);
    expect(uploadRulesOf({ rules: { size: 1024 } }, {}).maxBytes).toBe(1024);
    expect(uploadRulesOf({ rules: { size: 0 } }, {}).maxBytes).toBe(1);
  });

  it("keeps the stricter of the storage's and the workflow's size limits", () => {
    expect(uploadRulesOf({ rules: { size: 1024 } }, { maxFileSize: '5mb' }).maxBytes).toBe(1024);
    expect(uploadRulesOf({ rules: { size: MB_20 } }, { maxFileSize: '5mb' }).maxBytes).toBe(5 * 1024 * 1024);
    expect(uploadRulesOf(null, { maxFileSize: 100 }).maxBytes).toBe(100);
    expect(uploadRulesOf(null, {}).maxBytes).toBe(Number.POSITIVE_INFINITY);
  });

  it("requires a match in the storage's comma-separated type rule and in the workflow's list, when each is set", () => {
    expect(
      uploadRulesOf({ rules: { mimetype: 'image/png, image/gif' } }, { mimetypes: ['image/*'] }).typeRules,
    ).toEqual([['image/png', 'image/gif'], ['image/*']]);
    expect(uploadRulesOf({ rules: { mimetype: '' } }, { mimetypes: [' '] }).typeRules).toEqual([]);
  });
});
