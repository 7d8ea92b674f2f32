/**
 * Apex files parsed with @apexdevtools/apex-parser: the parse tree, the tokens (comments included) and the
 * syntax errors its error listener reported, lexer and parser both.
 */
import { ApexErrorListener, ApexParserFactory } from '@apexdevtools/apex-parser';
import type {
    ApexParserRuleContext as ParserRuleContext,
    ApexParseTree as ParseTree,
    ApexToken as Token
} from '@apexdevtools/apex-parser';

export interface SyntaxError {
    line: number;
    /** 1-based. */
    column: number;
    message: string;
}

export interface ParsedApex {
    file: string;
    text: string;
    tree: ParserRuleContext;
    /** Every token, hidden channels (whitespace, comments) included, in source order. */
    tokens: Token[];
    errors: SyntaxError[];
}

class CollectingErrorListener extends ApexErrorListener {
    readonly errors: SyntaxError[] = [];

    apexSyntaxError(line: number, column: number, msg: string): void {
        this.errors.push({ line, column: column + 1, message: msg });
    }
}

/** ANTLR prediction modes (antlr4's PredictionMode.SLL / LL). */
const SLL = 0;
const LL = 1;

function parseWith(file: string, text: string, predictionMode: number): ParsedApex {
    const listener = new CollectingErrorListener();
    const { parser } = ApexParserFactory.createLexerAndParser(text, listener);
    (parser as unknown as { _interp: { predictionMode: number } })._interp.predictionMode = predictionMode;
    const tree: ParserRuleContext = file.endsWith('.trigger') ? parser.triggerUnit() : parser.compilationUnit();
    const stream = parser.getTokenStream() as unknown as { tokens: Token[] };
    return { file, text, tree, tokens: stream.tokens, errors: listener.errors };
}

/**
 * Two-stage parse, the usual ANTLR speed-up: the fast SLL mode first; only a file it finds errors in is
 * parsed again in full LL mode, whose errors are the ones reported (SLL can reject valid input, never
 * accept invalid input).
 */
export function parseApexText(file: string, text: string): ParsedApex {
    const fast = parseWith(file, text, SLL);
    return fast.errors.length === 0 ? fast : parseWith(file, text, LL);
}

/** Depth-first walk over rule contexts. */
export function walkContexts(node: ParseTree, visit: (ctx: ParserRuleContext) => void): void {
    const ctx = node as ParserRuleContext;
    if (ctx.children === undefined || typeof (ctx as { ruleIndex?: unknown }).ruleIndex !== 'number') {
        return;
    }
    visit(ctx);
    for (const child of ctx.children ?? []) {
        walkContexts(child, visit);
    }
}

/** The exact source text of a context, whitespace and comments included. */
export function sourceText(parsed: ParsedApex, ctx: ParserRuleContext): string {
    return parsed.text.slice(ctx.start.start, ctx.stop ? ctx.stop.stop + 1 : ctx.start.stop + 1);
}
