import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Handlebars from 'handlebars';
import { FALLBACK_LANGUAGE, LocaleFormat, templateLanguages, type RecipientLocale } from './locale';
import { MESSAGE_KINDS, type MessageKind } from './messageKinds';

/** Where the shipped templates live: server/templates/<kind>/<language>.txt|.html (+ partials/). */
export const DEFAULT_TEMPLATES_DIR = resolve(__dirname, '../../templates');

export interface RenderedMessage {
    subject: string;
    text: string;
    html: string;
    /** The template language used (the recipient's, or English when theirs is not shipped). */
    language: string;
}

interface CompiledPair {
    subject: Handlebars.TemplateDelegate;
    text: Handlebars.TemplateDelegate;
    html: Handlebars.TemplateDelegate;
}

/** Thrown at start when a template is missing or does not compile; names the file. */
export class TemplateError extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'TemplateError';
    }
}

const SUBJECT_LINE = /^Subject:[ \t]*(.*)\r?\n(?:\r?\n)?/;

/**
 * The message templates, read and compiled once at start (a broken template stops the service there,
 * not at 3 a.m. when the first digest is due). HTML templates escape every `{{value}}`; the plain text
 * ones do not (they are not HTML), and a `.txt` starts with a `Subject:` line.
 */
export class TemplateStore {
    private readonly compiled = new Map<string, CompiledPair>();
    private readonly engine = Handlebars.create();

    constructor(readonly dir: string = DEFAULT_TEMPLATES_DIR) {
        registerHelpers(this.engine);
        const partials = join(dir, 'partials');
        if (existsSync(partials)) {
            for (const file of readdirSync(partials).filter((name) => name.endsWith('.html'))) {
                this.engine.registerPartial(file.replace(/\.html$/, ''), readFileSync(join(partials, file), 'utf8'));
            }
        }
        for (const kind of MESSAGE_KINDS) {
            const kindDir = join(dir, kind);
            const files = existsSync(kindDir) ? readdirSync(kindDir) : [];
            const languages = new Set(
                files.filter((f) => /\.(txt|html)$/.test(f)).map((f) => f.replace(/\.(txt|html)$/, ''))
            );
            if (!languages.has(FALLBACK_LANGUAGE)) {
                throw new TemplateError(
                    `${join(kindDir, `${FALLBACK_LANGUAGE}.txt`)} and .html are required (English is every message's fallback)`
                );
            }
            for (const language of languages) {
                this.compiled.set(`${kind}/${language}`, this.compilePair(kindDir, language));
            }
        }
    }

    /** The languages shipped for a kind (file names without extension). */
    languages(kind: MessageKind): string[] {
        return [...this.compiled.keys()]
            .filter((key) => key.startsWith(`${kind}/`))
            .map((key) => key.slice(kind.length + 1));
    }

    /** Renders `kind` for a recipient, in their language or the nearest shipped one. */
    render(
        kind: MessageKind,
        recipient: Omit<RecipientLocale, 'language'> & { languageLocaleKey: string | null | undefined },
        context: object,
        now = new Date()
    ): RenderedMessage {
        const language =
            templateLanguages(recipient.languageLocaleKey).find((candidate) =>
                this.compiled.has(`${kind}/${candidate}`)
            ) ?? FALLBACK_LANGUAGE;
        const pair = this.compiled.get(`${kind}/${language}`)!;
        const fmt = new LocaleFormat({ language, locale: recipient.locale, timeZone: recipient.timeZone }, now);
        const options = { data: { fmt } };
        return {
            subject: pair.subject(context, options).replace(/\s+/g, ' ').trim(),
            text: pair.text(context, options),
            html: pair.html(context, options),
            language
        };
    }

    private compilePair(kindDir: string, language: string): CompiledPair {
        const textFile = join(kindDir, `${language}.txt`);
        const htmlFile = join(kindDir, `${language}.html`);
        for (const file of [textFile, htmlFile]) {
            if (!existsSync(file)) {
                throw new TemplateError(
                    `${file} is missing: every language of a message needs both a .txt and an .html template`
                );
            }
        }
        const textSource = readFileSync(textFile, 'utf8');
        const subject = SUBJECT_LINE.exec(textSource);
        if (!subject) {
            throw new TemplateError(`${textFile} must start with a "Subject: ..." line`);
        }
        const compile = (source: string, file: string, noEscape: boolean) => {
            try {
                const template = this.engine.compile(source, { noEscape, strict: false });
                // Compiling is lazy in Handlebars; precompile now so a syntax error names its file at start.
                this.engine.precompile(source, { noEscape });
                return template;
            } catch (error) {
                throw new TemplateError(`${file}: ${(error as Error).message}`);
            }
        };
        return {
            subject: compile(subject[1]!, textFile, true),
            text: compile(textSource.slice(subject[0].length), textFile, true),
            html: compile(readFileSync(htmlFile, 'utf8'), htmlFile, false)
        };
    }
}

type HelperOptions = Handlebars.HelperOptions & { data: { fmt: LocaleFormat } };

/** Helpers templates use for dates, numbers and plurals, each in the recipient's locale and zone. */
function registerHelpers(engine: typeof Handlebars): void {
    engine.registerHelper('datetime', (value: string | null, options: HelperOptions) =>
        options.data.fmt.formatDateTime(value)
    );
    engine.registerHelper('date', (value: string | null, options: HelperOptions) => options.data.fmt.formatDate(value));
    engine.registerHelper('ago', (value: string | null, options: HelperOptions) =>
        options.data.fmt.formatRelative(value)
    );
    engine.registerHelper('number', (value: number, options: HelperOptions) =>
        options.data.fmt.formatNumber(Number(value))
    );
    // {{plural count one="# lead" other="# leads"}}: the form the language's plural rules choose, # = the number.
    engine.registerHelper('plural', (value: number, options: HelperOptions) => {
        const forms = options.hash as Record<string, string>;
        const form = forms[options.data.fmt.pluralCategory(Number(value))] ?? forms.other ?? '';
        return form.replace(/#/g, options.data.fmt.formatNumber(Number(value)));
    });
}
