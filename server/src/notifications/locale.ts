/**
 * A recipient's language, locale and time zone as Salesforce stores them on User, turned into what
 * templates and Intl need.
 *
 * - LanguageLocaleKey picks the template: `no` (Norwegian), `el` (Greek), `in` (Indonesian: Salesforce
 *   keeps the old ISO code), `en_US`... (Salesforce's language codes: Metadata API, "Translations",
 *   https://developer.salesforce.com/docs/platform/api-metadata/references/meta-types/metadata-translations.html).
 * - LocaleSidKey (`nb_NO`, `el_GR`, `in_ID`, `en_US`) shapes dates and numbers; TimeZoneSidKey is an
 *   IANA zone (`Europe/Oslo`) or `GMT`.
 */

/** Salesforce language codes that differ from the BCP 47 code Intl knows. */
const BCP47_LANGUAGE: Readonly<Record<string, string>> = { in: 'id', iw: 'he', ji: 'yi', no: 'nb' };

/** Other spellings of a shipped template language, so `id_ID` or `nb` still find `in` and `no`. */
const TEMPLATE_ALIASES: Readonly<Record<string, string>> = { id: 'in', nb: 'no', nn: 'no', he: 'iw' };

export const FALLBACK_LANGUAGE = 'en';

/**
 * The template names to try for a LanguageLocaleKey, most specific first, ending with English:
 * `pt_BR` → [`pt_BR`, `pt`, `en`]; `id_ID` → [`id_ID`, `in`, `en`].
 */
export function templateLanguages(languageLocaleKey: string | null | undefined): string[] {
    const key = (languageLocaleKey ?? '').trim().replace(/-/g, '_');
    const candidates: string[] = [];
    if (/^[A-Za-z]{2,3}(?:_[A-Za-z0-9]{2,8})*$/.test(key)) {
        const language = key.split('_')[0]!.toLowerCase();
        if (key.includes('_')) {
            candidates.push(key);
        }
        candidates.push(language);
        const alias = TEMPLATE_ALIASES[language];
        if (alias) {
            candidates.push(alias);
        }
    }
    candidates.push(FALLBACK_LANGUAGE);
    return [...new Set(candidates)];
}

/** A BCP 47 tag for Intl from a LocaleSidKey (or, when that is missing, the LanguageLocaleKey). */
export function intlLocale(localeSidKey: string | null | undefined, languageLocaleKey?: string | null): string {
    for (const key of [localeSidKey, languageLocaleKey]) {
        const parts = (key ?? '')
            .trim()
            .split(/[_-]/)
            .filter((part) => part !== '');
        if (parts.length === 0) {
            continue;
        }
        const language = parts[0]!.toLowerCase();
        const tag = [
            BCP47_LANGUAGE[language] ?? language,
            ...parts.slice(1, 2).map((region) => region.toUpperCase())
        ].join('-');
        try {
            return Intl.getCanonicalLocales(tag)[0] ?? 'en-US';
        } catch {
            continue;
        }
    }
    return 'en-US';
}

/** The zone if Intl knows it, UTC otherwise (a mistyped or retired zone must not stop a message). */
export function intlTimeZone(timeZoneSidKey: string | null | undefined): string {
    if (!timeZoneSidKey) {
        return 'UTC';
    }
    let zone = knownZones.get(timeZoneSidKey);
    if (zone === undefined) {
        try {
            new Intl.DateTimeFormat('en-US', { timeZone: timeZoneSidKey });
            zone = timeZoneSidKey;
        } catch {
            zone = 'UTC';
        }
        remember(knownZones, timeZoneSidKey, zone);
    }
    return zone;
}

/**
 * Intl objects are costly to build (a tenth of a 10,000-digest run went to building them) and depend
 * only on language, locale and zone, of which an org has few: kept per combination, the count capped.
 */
const CACHE_LIMIT = 500;
const knownZones = new Map<string, string>();

function remember<T>(cache: Map<string, T>, key: string, value: T): T {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, value);
    return value;
}

/** Everything a template needs to write dates, numbers and plurals the recipient's way. */
export interface RecipientLocale {
    /** The template language actually used (after fallback). */
    language: string;
    /** BCP 47 locale for Intl. */
    locale: string;
    timeZone: string;
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
    ['day', 86_400_000],
    ['hour', 3_600_000],
    ['minute', 60_000]
];

interface Formatters {
    dateTime: Intl.DateTimeFormat;
    dateOnly: Intl.DateTimeFormat;
    relative: Intl.RelativeTimeFormat;
    numbers: Intl.NumberFormat;
    plurals: Intl.PluralRules;
}

const formattersCache = new Map<string, Formatters>();

function formattersOf({ language: templateLanguage, locale, timeZone }: RecipientLocale): Formatters {
    const key = `${templateLanguage}|${locale}|${timeZone}`;
    const cached = formattersCache.get(key);
    if (cached) {
        return cached;
    }
    // Words ("3 hours ago", plural forms) follow the template's language; dates and numbers the locale.
    const language = intlLocale(null, templateLanguage);
    return remember(formattersCache, key, {
        dateTime: new Intl.DateTimeFormat(locale, {
            timeZone,
            year: 'numeric',
            month: 'short',
            day: 'numeric',
            hour: 'numeric',
            minute: '2-digit',
            timeZoneName: 'short'
        }),
        dateOnly: new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'long' }),
        relative: new Intl.RelativeTimeFormat(language, { numeric: 'auto' }),
        numbers: new Intl.NumberFormat(locale),
        plurals: new Intl.PluralRules(language)
    });
}

/** Formatters bound to one recipient and moment; one per message, its Intl objects shared. */
export class LocaleFormat {
    private readonly dateTime: Intl.DateTimeFormat;
    private readonly dateOnly: Intl.DateTimeFormat;
    private readonly relative: Intl.RelativeTimeFormat;
    private readonly numbers: Intl.NumberFormat;
    private readonly plurals: Intl.PluralRules;

    constructor(
        readonly recipient: RecipientLocale,
        private readonly now: Date
    ) {
        ({
            dateTime: this.dateTime,
            dateOnly: this.dateOnly,
            relative: this.relative,
            numbers: this.numbers,
            plurals: this.plurals
        } = formattersOf(recipient));
    }

    formatDateTime(value: Date | string | null | undefined): string {
        const date = toDate(value);
        return date ? this.dateTime.format(date) : '';
    }

    formatDate(value: Date | string | null | undefined): string {
        const date = toDate(value);
        return date ? this.dateOnly.format(date) : '';
    }

    /** "3 hours ago", "in 2 days", in the recipient's language. */
    formatRelative(value: Date | string | null | undefined): string {
        const date = toDate(value);
        if (!date) {
            return '';
        }
        const diff = date.getTime() - this.now.getTime();
        for (const [unit, ms] of UNITS) {
            if (Math.abs(diff) >= ms || unit === 'minute') {
                return this.relative.format(Math.round(diff / ms), unit);
            }
        }
        return '';
    }

    formatNumber(value: number): string {
        return this.numbers.format(value);
    }

    pluralCategory(value: number): Intl.LDMLPluralRule {
        return this.plurals.select(value);
    }
}

function toDate(value: Date | string | null | undefined): Date | undefined {
    if (value === null || value === undefined || value === '') {
        return undefined;
    }
    const date = value instanceof Date ? value : new Date(value);
    return Number.isNaN(date.getTime()) ? undefined : date;
}
