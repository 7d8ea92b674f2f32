import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { FALLBACK_LANGUAGE, templateLanguages } from './locale';
import { DEFAULT_TEMPLATES_DIR, TemplateError } from './templates';

/**
 * Web pages the service shows to recipients (the unsubscribe page), one HTML template per language
 * in <templates>/<page>/<language>.html beside the emails, compiled at start. Values are HTML-escaped;
 * a recipient whose language is not shipped gets English.
 */
export class PageTemplates {
    private readonly compiled = new Map<string, Handlebars.TemplateDelegate>();
    private readonly engine = Handlebars.create();

    constructor(
        readonly page: string,
        dir: string = DEFAULT_TEMPLATES_DIR
    ) {
        this.engine.registerHelper('eq', (a: unknown, b: unknown) => a === b);
        const pageDir = join(dir, page);
        const files = existsSync(pageDir) ? readdirSync(pageDir).filter((f) => f.endsWith('.html')) : [];
        for (const file of files) {
            const source = readFileSync(join(pageDir, file), 'utf8');
            try {
                this.engine.precompile(source);
                this.compiled.set(file.replace(/\.html$/, ''), this.engine.compile(source, { strict: false }));
            } catch (error) {
                throw new TemplateError(`${join(pageDir, file)}: ${(error as Error).message}`);
            }
        }
        if (!this.compiled.has(FALLBACK_LANGUAGE)) {
            throw new TemplateError(
                `${join(pageDir, `${FALLBACK_LANGUAGE}.html`)} is required (English is the fallback)`
            );
        }
    }

    /** The page in the language of `languageLocaleKey` (a LanguageLocaleKey or a BCP 47 tag), or English. */
    render(languageLocaleKey: string | null | undefined, context: object): { html: string; language: string } {
        const language =
            templateLanguages(languageLocaleKey).find((candidate) => this.compiled.has(candidate)) ?? FALLBACK_LANGUAGE;
        return { html: this.compiled.get(language)!({ ...context, language }), language };
    }
}
