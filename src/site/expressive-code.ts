// Expressive Code helpers (used from ec.config.mjs, so only relative .ts imports).
import type { ExpressiveCodePlugin } from 'astro-expressive-code';
import { DEFAULT_LOCALE, SITE_LANGS } from './locales.ts';

/** Language of the page a code block is on: from content/<lang>/ in its source path, else from its URL. */
export function localeOfDocument(file: { path?: string; url?: URL }): string {
  const fromPath = file.path?.replace(/\\/g, '/').match(/\/content\/([^/]+)\//)?.[1];
  if (fromPath && (SITE_LANGS as string[]).includes(fromPath)) return fromPath;
  const fromUrl = file.url?.pathname.split('/').find((segment) => (SITE_LANGS as string[]).includes(segment));
  return fromUrl ?? DEFAULT_LOCALE;
}

/**
 * Expressive Code trims trailing whitespace and the final newline from what its copy button copies. A block given
 * the prop `exactCopy` (the file's text) copies exactly that text instead: what you copy is what you download.
 */
export function pluginExactCopy(): ExpressiveCodePlugin {
  return {
    name: 'field-guide:exact-copy',
    hooks: {
      postprocessRenderedBlock: ({ codeBlock, renderData }) => {
        const exact = (codeBlock.props as { exactCopy?: unknown }).exactCopy;
        if (typeof exact !== 'string') return;
        visit(renderData.blockAst, (node) => {
          if (node.tagName === 'button' && node.properties && 'dataCode' in node.properties) {
            node.properties.dataCode = exact.replace(/\n/g, '\u007f');
          }
        });
      },
    },
  };
}

interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

function visit(node: HastNode, fn: (node: HastNode) => void): void {
  fn(node);
  node.children?.forEach((child) => visit(child, fn));
}
