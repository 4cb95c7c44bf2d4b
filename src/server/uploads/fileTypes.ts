/** How NocoBase's file manager tells a file's type and matches it to a storage rule. */
export interface TypeReader {
  /** The type the bytes show (file-type), when they show one. */
  fromContent(content: Buffer): Promise<string | undefined>;
  /** The type the file's name implies (mime-types), when it implies one. */
  fromName(filename: string): string | undefined;
  /** Whether a type matches a pattern (mime-match: `image/*` takes `image/png`). */
  matches(type: string, pattern: string): boolean;
}

type FileTypeModule = { fileTypeFromBuffer(content: Uint8Array): Promise<{ mime: string } | undefined> };
type MimeTypesModule = { lookup(name: string): string | false };
type MimeMatch = (type: string, pattern: string) => boolean;

let reader: TypeReader | undefined;

/**
 * The file manager's own libraries, loaded from where it loads them, so that a delivered file is
 * judged exactly as one uploaded in NocoBase. file-type is an ES module, which only Node's own
 * require loads synchronously (Node 20.19 and later): the loader comes from the `module` built-in
 * itself, not from the require the plugin was given (bundlers and test sandboxes wrap that one).
 * Throws when they cannot be loaded; callers refuse what they cannot check.
 */
export function fileTypeReader(): TypeReader {
  if (!reader) {
    const load = process.getBuiltinModule('module').createRequire(require.resolve('@nocobase/plugin-file-manager'));
    const fileType = load('file-type') as FileTypeModule;
    const mimeTypes = load('mime-types') as MimeTypesModule;
    const mimeMatch = load('mime-match') as MimeMatch;
    reader = {
      fromContent: async (content) => (await fileType.fileTypeFromBuffer(new Uint8Array(content)))?.mime,
      fromName: (filename) => mimeTypes.lookup(filename) || undefined,
      matches: (type, pattern) => mimeMatch(type, pattern),
    };
  }
  return reader;
}
