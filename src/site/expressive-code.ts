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
 * Whether a file's exact text can be rebuilt from its rendered lines: Expressive Code keeps every line but drops
 * trailing whitespace, turns tabs into spaces and drops the final newline. For such text the copy button need not
 * carry a second copy of the file in the page (COPY_LINES_SCRIPT rebuilds it on click).
 */
export function copyableFromLines(text: string): boolean {
  return text.endsWith('\n') && !/[ \t\r]\n|\t|\n\n$|^\n/.test(text);
}

/**
 * The copy button of a block given the prop `exactCopy` (the file's text) copies exactly that text: rebuilt from the
 * rendered lines when `copyableFromLines` holds (the button gets `data-copy-lines` instead of `data-code`), else
 * embedded in full. Without this, Expressive Code copies the text minus the final newline and trailing whitespace.
 * Any other block whose copy text is just its lines (shell commands, output) gets `data-copy-lines="bare"` (no final
 * newline added) instead of a second copy of its text in `data-code`: a chapter carries ~0.5 KB (gzip) less.
 */
export function pluginExactCopy(): ExpressiveCodePlugin {
  return {
    name: 'field-guide:exact-copy',
    // Bundled into Expressive Code's own script file: no extra request.
    jsModules: [COPY_LINES_SCRIPT],
    hooks: {
      postprocessRenderedBlock: ({ codeBlock, renderData }) => {
        const exact = (codeBlock.props as { exactCopy?: unknown }).exactCopy;
        visit(renderData.blockAst, (node) => {
          if (node.tagName !== 'button' || !node.properties || !('dataCode' in node.properties)) return;
          if (typeof exact !== 'string') {
            const lines = codeBlock.getLines().map((line) => line.text);
            if (node.properties.dataCode === lines.join('\u007f') && copyableFromLines(lines.join('\n') + '\n')) {
              delete node.properties.dataCode;
              node.properties.dataCopyLines = 'bare';
            }
          } else if (copyableFromLines(exact)) {
            delete node.properties.dataCode;
            node.properties.dataCopyLines = '';
          } else {
            node.properties.dataCode = exact.replace(/\n/g, '\u007f');
          }
        });
      },
    },
  };
}

/**
 * Token spans coloured exactly like the code around them (`--0:<dark fg>;--1:<light fg>`, about a third of all spans in
 * a manifest: colons, spaces, plain values) are unwrapped: the text inherits the same colour from the block in every
 * theme, and the page carries ~1 KB (gzip) less markup per long chapter.
 */
export function pluginInheritCodeColor(): ExpressiveCodePlugin {
  return {
    name: 'field-guide:inherit-code-color',
    hooks: {
      postprocessRenderedBlock: ({ renderData, styleVariants }) => {
        const foregrounds = styleVariants.map((variant) => variant.resolvedStyleSettings.get('codeForeground'));
        if (foregrounds.some((fg) => !fg || !/^#[0-9a-f]+$/i.test(fg))) return;
        const plainStyle = foregrounds.map((fg, i) => `--${i}:${fg}`).join(';').toLowerCase();
        unwrapChildren(renderData.blockAst, (node) => {
          const props = node.properties ?? {};
          return node.tagName === 'span' && Object.keys(props).length === 1 && typeof props.style === 'string' && props.style.toLowerCase() === plainStyle;
        });
      },
    },
  };
}

/** Replaces every descendant matching `test` by its children. */
function unwrapChildren(node: HastNode, test: (node: HastNode) => boolean): void {
  if (!node.children) return;
  node.children = node.children.flatMap((child) => {
    unwrapChildren(child, test);
    return child.type === 'element' && test(child) ? (child.children ?? []) : [child];
  });
}

/**
 * Browser side: just before Expressive Code's copy handler runs, a button marked data-copy-lines gets its text rebuilt
 * from the block's rendered lines plus the final newline (none for data-copy-lines="bare"). An empty line is rendered as "\n" (to keep its height); no
 * other line holds a newline. Expressive Code's copy script turns U+007F back into newlines.
 */
export const COPY_LINES_SCRIPT = `document.addEventListener('click', (event) => {
  const button = event.target?.closest?.('button[data-copy-lines]');
  if (!button || button.dataset.code !== undefined) return;
  const lines = button.closest('figure')?.querySelectorAll('pre .ec-line') ?? [];
  const text = Array.from(lines, (line) => (line.textContent ?? '').replace(/\\n/g, ''));
  button.dataset.code = text.join('\\u007f') + (button.dataset.copyLines === 'bare' ? '' : '\\u007f');
}, { capture: true });`;

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
