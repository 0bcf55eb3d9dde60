// Node only: the file access the registry is given for local schema folders and path templates
// (-schema-location). The Node library API (index.ts) and worker threads pass it to createEngine.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SchemaFiles } from './types.ts';

export const nodeSchemaFiles: SchemaFiles = {
  exists: (path) => existsSync(path),
  isFile: (path) => existsSync(path) && statSync(path).isFile(),
  isFolder: (path) => existsSync(path) && statSync(path).isDirectory(),
  readText: (path) => readFileSync(path, 'utf8'),
  dirname,
};
