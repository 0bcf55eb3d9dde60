// Starlight 0.42 finds a Markdown file's language (for aside titles, heading-anchor labels) and decides whether to
// transform it at all from its path under src/content/docs/<locale>/. Our pages live in content/<locale>/, so
// without this every page would get the default language's labels. This integration, placed after starlight(),
// hands Starlight's Markdown plugins the path the page would have under src/content/docs/. Nothing else sees it.
// Expressive Code's block language is set the same way in ec.config.mjs (localeOfDocument).
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';

type PluginFactory = (ctx: { fileURL?: URL }) => unknown;

/** /root/content/en/x.mdx -> /root/src/content/docs/en/x.mdx (other paths unchanged). */
export function starlightDocsPath(path: string, root: string, srcDir: string): string {
  const contentDir = root.replace(/\/?$/, '/') + 'content/';
  if (!path.startsWith(contentDir)) return path;
  return srcDir.replace(/\/?$/, '/') + 'content/docs/' + path.slice(contentDir.length);
}

function withDocsFileURL(factory: PluginFactory, root: string, srcDir: string): PluginFactory {
  return (ctx) => {
    const fileURL = ctx?.fileURL;
    if (!fileURL) return factory(ctx);
    const mapped = pathToFileURL(starlightDocsPath(fileURLToPath(fileURL), root, srcDir));
    // The context is frozen: derive from it rather than proxy it.
    return factory(Object.create(ctx, { fileURL: { value: mapped, enumerable: true } }));
  };
}

export function contentLanguage(): AstroIntegration {
  return {
    name: 'field-guide:content-language',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        const processor = config.markdown?.processor as
          | { name: string; options: { mdastPlugins: unknown[]; hastPlugins: unknown[] } }
          | undefined;
        if (processor?.name !== 'satteri') {
          logger.warn(`markdown.processor "${processor?.name}" is not Sätteri: aside and heading labels follow the default language`);
          return;
        }
        const root = fileURLToPath(config.root);
        const srcDir = fileURLToPath(config.srcDir);
        for (const list of [processor.options.mdastPlugins, processor.options.hastPlugins]) {
          list.forEach((plugin, index) => {
            if (typeof plugin === 'function') list[index] = withDocsFileURL(plugin as PluginFactory, root, srcDir);
          });
        }
      },
    },
  };
}
