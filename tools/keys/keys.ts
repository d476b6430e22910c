import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  API_ROLES,
  apiKeyEntryProblem,
  generateApiKey,
  hashApiKey,
  readApiKeyFile,
  type ApiKeyFile,
  type ApiRole,
} from '#platform';

const USAGE = `Parkmatch API keys (stored hashed; services read PARKMATCH_API_KEYS or PARKMATCH_API_KEYS_FILE)

  npm run keys -- create --role admin|partner|dashboard [--source <partner source>] [--id <name>] [--file keys.json]
      prints a new random key once, and its entry; with --file, adds the entry to that key file
  npm run keys -- revoke <id> --file keys.json      removes a key from the file (services notice within seconds)
  npm run keys -- list --file keys.json             ids, roles and sources (never keys)
  npm run keys -- hash <key>                        the sha256 to put in PARKMATCH_API_KEYS as role:source:sha256`;

const fail = (message: string): never => {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
};

const loadFile = (file: string): ApiKeyFile => {
  if (!existsSync(file)) return { keys: [] };
  readApiKeyFile(file);
  return JSON.parse(readFileSync(file, 'utf8')) as ApiKeyFile;
};

/** Written beside and renamed over, so a service never reads half a file. */
const saveFile = (file: string, content: ApiKeyFile): void => {
  writeFileSync(`${file}.tmp`, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
};

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    role: { type: 'string' },
    source: { type: 'string' },
    id: { type: 'string' },
    file: { type: 'string' },
  },
});
const command: string = positionals[0] ?? '';
const argument = positionals[1];

switch (command) {
  case 'create': {
    const role = values.role as ApiRole;
    if (!API_ROLES.includes(role)) fail(`--role must be one of ${API_ROLES.join(', ')}`);
    const key = generateApiKey();
    const sha256 = hashApiKey(key);
    const id = values.id ?? `${role}${values.source ? `-${values.source}` : ''}-${sha256.slice(0, 8)}`;
    const entry = { id, role, ...(values.source ? { source: values.source } : {}), sha256 };
    const problem = apiKeyEntryProblem(entry);
    if (problem) fail(problem);
    if (values.file) {
      const content = loadFile(values.file);
      if (content.keys.some((existing) => existing.id === id)) fail(`${values.file} already has a key ${id}`);
      saveFile(values.file, { keys: [...content.keys, { ...entry, createdAt: new Date().toISOString() }] });
    }
    console.log(`key (shown once, give it to its holder): ${key}`);
    console.log(`PARKMATCH_API_KEYS entry:                ${role}:${values.source ?? ''}:${sha256}`);
    if (values.file) console.log(`added to ${values.file} as ${id}`);
    break;
  }
  case 'revoke': {
    if (!values.file || !argument) fail('revoke needs a key id and --file');
    const content = loadFile(values.file!);
    const kept = content.keys.filter((entry) => entry.id !== argument && entry.sha256 !== argument);
    if (kept.length === content.keys.length) fail(`no key ${argument} in ${values.file}`);
    saveFile(values.file!, { keys: kept });
    console.log(`revoked ${argument}`);
    break;
  }
  case 'list': {
    if (!values.file) fail('list needs --file');
    for (const entry of loadFile(values.file!).keys) {
      console.log([entry.id, entry.role, entry.source ?? '-', entry.createdAt ?? ''].join('\t'));
    }
    break;
  }
  case 'hash': {
    if (!argument) fail('hash needs the key');
    console.log(hashApiKey(argument!));
    break;
  }
  default:
    fail(command ? `unknown command ${command}` : 'a command is needed');
    break;
}
