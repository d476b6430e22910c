/** The parts of a JSON schema the page shows. */
interface SchemaNode {
  readonly $ref?: string;
  readonly type?: string | readonly string[];
  readonly format?: string;
  readonly const?: unknown;
  readonly enum?: readonly unknown[];
  readonly items?: SchemaNode;
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly required?: readonly string[];
  readonly description?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maxItems?: number;
  readonly pattern?: string;
}

interface Reference {
  readonly $ref: string;
}

interface MessageNode {
  readonly name: string;
  readonly contentType?: string;
  readonly headers?: SchemaNode;
  readonly payload: SchemaNode;
  readonly bindings?: { readonly kafka?: { readonly key?: SchemaNode } };
  readonly examples?: readonly { readonly name: string; readonly summary?: string; readonly payload: unknown }[];
}

interface ServerNode {
  readonly host: string;
  readonly protocol: string;
  readonly description?: string;
  readonly variables?: Readonly<Record<string, { readonly default?: string; readonly description?: string }>>;
  readonly security?: readonly Reference[];
}

/** The AsyncAPI 3 document as `buildAsyncApiDocument` shapes it. */
export interface AsyncApiDocumentView {
  readonly info: { readonly title: string; readonly version: string; readonly description?: string };
  readonly servers: Readonly<Record<string, ServerNode>>;
  readonly channels: Readonly<
    Record<
      string,
      { readonly address: string; readonly description?: string; readonly messages: Record<string, Reference> }
    >
  >;
  readonly components: {
    readonly messages: Readonly<Record<string, MessageNode>>;
    readonly schemas: Readonly<Record<string, SchemaNode>>;
    readonly securitySchemes: Readonly<Record<string, { readonly type: string; readonly description?: string }>>;
  };
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/** Descriptions use Markdown backticks for names; everything else is shown as written. */
const prose = (text: string | undefined): string =>
  escapeHtml(text ?? '').replace(/`([^`]+)`/g, (_, code: string) => `<code>${code}</code>`);

const lastSegment = (ref: string): string => ref.slice(ref.lastIndexOf('/') + 1);

const anchor = (kind: 'channel' | 'message' | 'schema', name: string): string => `${kind}-${name}`;

const link = (kind: 'channel' | 'message' | 'schema', name: string): string =>
  `<a href="#${anchor(kind, name)}">${escapeHtml(name)}</a>`;

const typeOf = (schema: SchemaNode): string => {
  if (schema.$ref) return link('schema', lastSegment(schema.$ref));
  if (schema.items) return `array of ${typeOf(schema.items)}`;
  const type = typeof schema.type === 'string' ? schema.type : (schema.type ?? ['any']).join(' or ');
  return escapeHtml(schema.format ? `${type} (${schema.format})` : type);
};

const constraintsOf = (schema: SchemaNode): string[] => {
  const item = schema.items ?? {};
  return [
    schema.const === undefined ? '' : `always <code>${escapeHtml(JSON.stringify(schema.const))}</code>`,
    schema.enum ? `one of ${schema.enum.map((value) => `<code>${escapeHtml(String(value))}</code>`).join(', ')}` : '',
    schema.minLength === undefined
      ? ''
      : schema.minLength === 1
        ? 'not empty'
        : `at least ${schema.minLength} characters`,
    schema.maxLength === undefined ? '' : `at most ${schema.maxLength} characters`,
    item.maxLength === undefined ? '' : `each at most ${item.maxLength} characters`,
    schema.maxItems === undefined ? '' : `at most ${schema.maxItems} items`,
    schema.minimum === undefined ? '' : `at least ${schema.minimum}`,
    schema.pattern === undefined ? '' : `matches <code>${escapeHtml(schema.pattern)}</code>`,
  ].filter((part) => part !== '');
};

const fieldTable = (schema: SchemaNode): string => {
  const rows = Object.entries(schema.properties ?? {}).map(([name, field]) => {
    const constraints = constraintsOf(field);
    const notes = [prose(field.description), constraints.length > 0 ? `<em>${constraints.join(', ')}</em>` : '']
      .filter((part) => part !== '')
      .join(' ');
    const required = schema.required?.includes(name) ? '<strong>required</strong>' : 'optional';
    return `<tr><td><code>${escapeHtml(name)}</code></td><td>${typeOf(field)}</td><td>${required}</td><td>${notes}</td></tr>`;
  });
  return [
    '<table>',
    '<thead><tr><th>Field</th><th>Type</th><th></th><th>Description</th></tr></thead>',
    `<tbody>${rows.join('\n')}</tbody>`,
    '</table>',
  ].join('\n');
};

const serverSection = (document: AsyncApiDocumentView): string =>
  Object.entries(document.servers)
    .map(([name, server]) => {
      const variables = Object.entries(server.variables ?? {}).map(
        ([variable, { default: value, description }]) =>
          `<li><code>{${escapeHtml(variable)}}</code>: ${prose(description)} (default <code>${escapeHtml(value ?? '')}</code>)</li>`,
      );
      const security = (server.security ?? []).map((reference) => {
        const scheme = document.components.securitySchemes[lastSegment(reference.$ref)];
        return `<li><code>${escapeHtml(scheme?.type ?? '')}</code>: ${prose(scheme?.description)}</li>`;
      });
      return [
        `<h3 id="server-${escapeHtml(name)}">${escapeHtml(name)}</h3>`,
        `<p><code>${escapeHtml(server.host)}</code>, protocol <code>${escapeHtml(server.protocol)}</code>. ${prose(server.description)}</p>`,
        variables.length > 0 ? `<ul>${variables.join('\n')}</ul>` : '',
        security.length > 0 ? `<p>Security, any one of:</p>\n<ul>${security.join('\n')}</ul>` : '',
      ]
        .filter((part) => part !== '')
        .join('\n');
    })
    .join('\n');

const channelSection = (document: AsyncApiDocumentView): string =>
  Object.entries(document.channels)
    .map(([id, channel]) => {
      const messages = Object.values(channel.messages).map((reference) => link('message', lastSegment(reference.$ref)));
      return [
        `<h3 id="${anchor('channel', id)}"><code>${escapeHtml(channel.address)}</code></h3>`,
        `<p>${prose(channel.description)}</p>`,
        `<p>Messages: ${messages.join(', ')}</p>`,
      ].join('\n');
    })
    .join('\n');

const messageSection = (document: AsyncApiDocumentView): string =>
  Object.entries(document.components.messages)
    .map(([name, message]) => {
      const examples = (message.examples ?? []).map(
        (example) =>
          `<p>Example: ${prose(example.summary ?? example.name)}</p>\n<pre>${escapeHtml(JSON.stringify(example.payload, null, 2))}</pre>`,
      );
      const key = message.bindings?.kafka?.key?.description;
      return [
        `<h3 id="${anchor('message', name)}">${escapeHtml(message.name)}</h3>`,
        `<p>Content type <code>${escapeHtml(message.contentType ?? '')}</code>${key ? `; Kafka key: ${prose(key)}` : ''}.</p>`,
        message.payload.properties ? fieldTable(message.payload) : `<p>${prose(message.payload.description)}</p>`,
        message.headers?.properties ? `<p>Headers</p>\n${fieldTable(message.headers)}` : '',
        ...examples,
      ]
        .filter((part) => part !== '')
        .join('\n');
    })
    .join('\n');

const schemaSection = (document: AsyncApiDocumentView): string =>
  Object.entries(document.components.schemas)
    .map(([name, schema]) =>
      [`<h3 id="${anchor('schema', name)}">${escapeHtml(name)}</h3>`, fieldTable(schema)].join('\n'),
    )
    .join('\n');

const STYLE = [
  'body{font-family:system-ui,sans-serif;max-width:72rem;margin:0 auto;padding:1rem 2rem;line-height:1.45;color:#1b1f24}',
  'table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}',
  'th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}',
  'th{background:#f6f8fa}',
  'pre{background:#f6f8fa;padding:.75rem;overflow:auto;font-size:.85rem}',
  'code{font-size:.9em}',
  'h2{border-bottom:1px solid #d0d7de;padding-bottom:.2rem;margin-top:2rem}',
].join('\n');

/**
 * A static, self-contained page of the AsyncAPI document for partner developers: servers and their security,
 * channels, messages with their envelope fields and examples, and payload schemas. No scripts, no external assets.
 */
export const renderAsyncApiHtml = (document: AsyncApiDocumentView): string =>
  [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(document.info.title)} ${escapeHtml(document.info.version)}</title>`,
    `<style>\n${STYLE}\n</style>`,
    '</head>',
    '<body>',
    '<!-- Generated by `npm run asyncapi` from libs/contracts. Do not edit by hand. -->',
    `<h1>${escapeHtml(document.info.title)} ${escapeHtml(document.info.version)}</h1>`,
    `<p>${prose(document.info.description)}</p>`,
    '<p>The same document as YAML: <a href="asyncapi.yaml">asyncapi.yaml</a>.</p>',
    '<h2 id="servers">Servers</h2>',
    serverSection(document),
    '<h2 id="channels">Channels</h2>',
    channelSection(document),
    '<h2 id="messages">Messages</h2>',
    messageSection(document),
    '<h2 id="schemas">Payload schemas</h2>',
    schemaSection(document),
    '</body>',
    '</html>',
    '',
  ].join('\n');
