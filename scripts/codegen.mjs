#!/usr/bin/env node
// graphql-codegen for a package of this repository, from local files only:
//   node ../../scripts/codegen.mjs [--config codegen.ts] [--silent]   (in the package)
//
// The same steps as `graphql-codegen --config codegen.ts` (@graphql-codegen/cli
// 7.4's executeCodegen, load options included), on @graphql-codegen/core and
// two loaders (.graphql files, GraphQL in TS code), so the output is byte for
// byte the CLI's. The CLI also brings every remote loader (URL, Apollo Engine,
// git, GitHub, with their fetch polyfills), prompts, a task renderer and a
// config-file search: about 18 MB of node_modules this repository never runs.
// What it does not do (watch mode, hooks, remote schemas, YAML configs) is
// refused by name rather than ignored.
//
// The config is the package's `codegen.ts` (typed by
// @graphql-codegen/plugin-helpers' Types.Config), compiled with the package's
// own TypeScript; presets and plugins resolve from the package, as the CLI's do.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { print } from 'graphql';
import { codegen } from '@graphql-codegen/core';
import {
  createNoopProfiler,
  getCachedDocumentNodeFromSchema,
  normalizeConfig,
  normalizeImportExtension,
  normalizeInstanceOrArray,
  normalizeOutputParam,
} from '@graphql-codegen/plugin-helpers';
import { CodeFileLoader } from '@graphql-tools/code-file-loader';
import { GraphQLFileLoader } from '@graphql-tools/graphql-file-loader';
import { loadDocuments, loadSchema, NoTypeDefinitionsFound } from '@graphql-tools/load';

const ROOT_KEYS = new Set([
  'schema',
  'documents',
  'generates',
  'config',
  'ignoreNoDocuments',
  'hooks',
]);
const OUTPUT_KEYS = new Set(['preset', 'presetConfig', 'plugins', 'config']);

const { values: args } = parseArgs({
  options: {
    config: { type: 'string', short: 'c', default: 'codegen.ts' },
    silent: { type: 'boolean', short: 's', default: false },
  },
});
const cwd = process.cwd();
const requireFromPackage = createRequire(path.join(cwd, 'package.json'));
const importFromPackage = async (name) =>
  import(pathToFileURL(requireFromPackage.resolve(name)).href);

/** The package's codegen.ts, compiled by its TypeScript (type-only imports vanish). */
async function loadConfig(file) {
  const ts = requireFromPackage('typescript');
  const source = fs.readFileSync(path.resolve(cwd, file), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    fileName: file,
  });
  const mod = await import(`data:text/javascript,${encodeURIComponent(outputText)}`);
  const config = mod.default ?? mod.config;
  if (!config || typeof config !== 'object') throw new Error(`${file} has no default export`);
  const unsupported = (keys, allowed) => Object.keys(keys).filter((k) => !allowed.has(k));
  const extra = unsupported(config, ROOT_KEYS);
  if (config.hooks && Object.keys(config.hooks).length) extra.push('hooks (non-empty)');
  for (const [out, o] of Object.entries(config.generates ?? {}))
    if (o && typeof o === 'object' && !Array.isArray(o))
      extra.push(...unsupported(o, OUTPUT_KEYS).map((k) => `generates["${out}"].${k}`));
  for (const pointer of [config.schema, config.documents].flat())
    for (const p of typeof pointer === 'string' ? [pointer] : Object.keys(pointer ?? {}))
      if (/^[a-z][a-z0-9+.-]+:/i.test(p)) extra.push(`remote pointer ${p}`);
  if (extra.length)
    throw new Error(`${file}: not supported by scripts/codegen.mjs: ${extra.join(', ')}`);
  if (!Object.keys(config.generates ?? {}).length) throw new Error(`${file}: no "generates"`);
  return config;
}

const sha256 = (s) => createHash('sha256').update(s).digest('hex');
const pointerMap = (pointers) => {
  const map = {};
  for (const p of pointers) {
    if (typeof p === 'string') map[p] = {};
    else if (p && typeof p === 'object') Object.assign(map, p);
  }
  return map;
};

async function loadSchemaFrom(pointers) {
  const schema = await loadSchema(pointerMap(pointers), {
    assumeValidSDL: true,
    sort: true,
    convertExtensions: true,
    includeSources: true,
    noSilentErrors: true,
    cwd,
    loaders: [new CodeFileLoader(), new GraphQLFileLoader()],
  });
  // As the CLI does: plugins may key caches on it.
  schema.extensions ??= {};
  schema.extensions.hash = sha256(print(getCachedDocumentNodeFromSchema(schema)));
  return schema;
}

async function loadDocumentsFrom(pointers, type, config) {
  const ignore = Object.keys(config.generates)
    .filter((out) => path.extname(out) !== '')
    .map((out) => path.join(cwd, out));
  let files;
  try {
    files = await loadDocuments(pointerMap(pointers), {
      sort: true,
      skipGraphQLImport: true,
      noSilentErrors: true,
      ignore,
      cwd,
      loaders: [new CodeFileLoader({ pluckConfig: { skipIndent: true } }), new GraphQLFileLoader()],
    });
  } catch (err) {
    if (err instanceof NoTypeDefinitionsFound && config.ignoreNoDocuments) return [];
    throw err;
  }
  for (const file of files) {
    file.hash = file.rawSDL
      ? sha256(file.rawSDL)
      : file.document
        ? sha256(print(file.document))
        : null;
    file.type = type;
  }
  return files;
}

async function loadPreset(name) {
  for (const candidate of [`@graphql-codegen/${name}`, `@graphql-codegen/${name}-preset`, name]) {
    try {
      const mod = await importFromPackage(candidate);
      return mod.preset ?? mod.default ?? mod;
    } catch (err) {
      if (err.code !== 'MODULE_NOT_FOUND' && err.code !== 'ERR_MODULE_NOT_FOUND') throw err;
    }
  }
  throw new Error(`preset "${name}" is not installed in ${cwd}`);
}

async function loadPlugin(name) {
  for (const candidate of [`@graphql-codegen/${name}`, name]) {
    try {
      return await importFromPackage(candidate);
    } catch (err) {
      if (err.code !== 'MODULE_NOT_FOUND' && err.code !== 'ERR_MODULE_NOT_FOUND') throw err;
    }
  }
  throw new Error(`plugin "${name}" is not installed in ${cwd}`);
}

async function main() {
  const config = await loadConfig(args.config);
  const cacheMap = new Map();
  const cache = (namespace, key, factory) => {
    const k = `${namespace}:${key}`;
    if (!cacheMap.has(k)) cacheMap.set(k, factory());
    return cacheMap.get(k);
  };
  const pluginContext = {};
  const profiler = createNoopProfiler();
  const rootSchemas = normalizeInstanceOrArray(config.schema);
  const rootDocuments = normalizeInstanceOrArray(config.documents);
  const results = [];

  for (const [filename, raw] of Object.entries(config.generates)) {
    const output = normalizeOutputParam(raw);
    if (!output.preset && !output.plugins?.length)
      throw new Error(`generates["${filename}"] has neither a preset nor plugins`);
    const preset = output.preset ? await loadPreset(output.preset) : null;
    let outputDocuments = [];
    let externalDocuments = [];
    if (preset?.prepareDocuments) {
      outputDocuments = await preset.prepareDocuments(filename, outputDocuments);
      externalDocuments = await preset.prepareDocuments(filename, externalDocuments);
    }

    const schemaPointers = [...rootSchemas];
    const schemaAst = await cache('schema', JSON.stringify(pointerMap(schemaPointers)), () =>
      loadSchemaFrom(schemaPointers),
    );
    const schema = getCachedDocumentNodeFromSchema(schemaAst);

    const documentPointers = [...rootDocuments, ...outputDocuments];
    const standard = await cache('documents', JSON.stringify(pointerMap(documentPointers)), () =>
      loadDocumentsFrom(documentPointers, 'standard', config),
    );
    const external = await cache('documents', JSON.stringify(pointerMap(externalDocuments)), () =>
      loadDocumentsFrom(externalDocuments, 'external', config),
    );
    const seen = new Set();
    const documents = [];
    for (const file of [...standard, ...external]) {
      const id = (file.location || '') + (file.hash || '');
      if (seen.has(id)) continue;
      seen.add(id);
      documents.push(file);
    }

    const plugins = normalizeConfig(output.plugins);
    const pluginMap = {};
    for (const plugin of plugins) {
      const name = Object.keys(plugin)[0];
      pluginMap[name] = await loadPlugin(name);
    }
    const outputConfig = output.config ?? {};
    const rawConfig = {
      ...(config.config ?? {}),
      emitLegacyCommonJSImports: undefined,
      importExtension: undefined,
      ...(typeof outputConfig === 'string' ? { value: outputConfig } : outputConfig),
    };
    const importExtension = normalizeImportExtension({
      emitLegacyCommonJSImports: rawConfig.emitLegacyCommonJSImports,
      importExtension: rawConfig.importExtension,
    });
    const emitLegacyCommonJSImports = rawConfig.emitLegacyCommonJSImports ?? true;
    const mergedConfig = { ...rawConfig, importExtension, emitLegacyCommonJSImports };
    const common = {
      plugins,
      schema,
      schemaAst,
      documents,
      config: mergedConfig,
      pluginMap,
      pluginContext,
      profiler,
      documentTransforms: [],
    };
    const sections = preset
      ? await preset.buildGeneratesSection({
          ...common,
          baseOutputDir: filename,
          presetConfig: output.presetConfig ?? {},
        })
      : [{ ...common, filename }];
    for (const section of sections) {
      const content = await codegen({
        ...section,
        importExtension,
        emitLegacyCommonJSImports,
        cache,
      });
      results.push({ filename: section.filename, content });
    }
  }

  let written = 0;
  for (const { filename, content } of results) {
    if (!content) continue;
    const file = path.isAbsolute(filename) ? filename : path.join(cwd, filename);
    if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === content) continue;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    written++;
  }
  if (!args.silent)
    console.log(
      `codegen: ${results.length} file(s) generated, ${written} changed (${path.basename(cwd)})`,
    );
}

try {
  await main();
} catch (err) {
  // A document that does not validate, a schema that does not load: the
  // message names the file and the line; the stack would only bury it.
  console.error(
    `codegen (${path.basename(cwd)}): ${err instanceof Error ? err.message : String(err)}`,
  );
  process.exitCode = 1;
}
