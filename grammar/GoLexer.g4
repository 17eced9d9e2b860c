// The Go lexer, written from the Go specification (go.dev/ref/spec, "Lexical
// elements"), Go 1.22 syntax.
//
// What it does:
//  - every token of the spec: keywords, operators, identifiers (Unicode letters and
//    digits), all integer/float/imaginary/rune/string literal forms;
//  - automatic semicolon insertion, exactly per the spec, in nextToken() below: a
//    newline (or a block comment spanning lines, or EOF) becomes a SEMI token with
//    text "\n" when the last significant token was an identifier, a literal, one of
//    break/continue/fallthrough/return, or one of ++ -- ) ] }.
//
// What it does not do: give meaning to literals (the checker evaluates them) or
// report errors in gc's words. Malformed input becomes an ERROR_* token, and
// frontend/parser.cc turns those into gc's messages ("invalid character U+0040 '@'", "newline in string", ...). Positions are
// recomputed in bytes by frontend/parser.cc (ANTLR counts code points).
lexer grammar GoLexer;

@lexer::members {
  // Semicolon insertion (spec: "Semicolons"). ANTLR hands tokens out one at a time;
  // when a newline-equivalent arrives after a token that ends a statement, the
  // newline itself is turned into a SEMI token (text "\n"). At EOF a SEMI is
  // emitted first and the EOF token is held back for the following call.
  std::unique_ptr<antlr4::Token> nextToken() override {
    if (!pending_.empty()) {
      std::unique_ptr<antlr4::Token> t = std::move(pending_.front());
      pending_.pop_front();
      return t;
    }
    {  // every path returns one token
      std::unique_ptr<antlr4::Token> t = antlr4::Lexer::nextToken();
      size_t type = t->getType();
      if (type == NL || (type == BLOCK_COMMENT && t->getText().find('\n') != std::string::npos)) {
        if (!semi_allowed_) return t;  // stays off the default channel
        // For a block comment the semicolon stands where the comment starts, as in
        // go/scanner.
        semi_allowed_ = false;
        return MakeSemi(t.get(), t->getStartIndex());
      }
      if (type == antlr4::Token::EOF) {
        if (!semi_allowed_) return t;
        semi_allowed_ = false;
        auto semi = MakeSemi(t.get(), t->getStartIndex());
        pending_.push_back(std::move(t));
        return semi;
      }
      // Off-channel tokens (space, comments, ERROR_CHAR) go to the stream for
      // parser.cc's checks but leave semicolon insertion as it was.
      if (t->getChannel() != antlr4::Token::DEFAULT_CHANNEL) return t;
      switch (type) {
        case INT_LIT:
          RetypeNumber(t.get());
          semi_allowed_ = true;
          break;
        case IDENTIFIER: case RUNE_LIT: case STRING_LIT: case RAW_STRING_LIT:
        case BREAK: case CONTINUE: case FALLTHROUGH: case RETURN:
        case PLUS_PLUS: case MINUS_MINUS: case R_PAREN: case R_BRACKET: case R_CURLY:
        case ERROR_RAW_STRING: case ERROR_STRING: case ERROR_RUNE:
          semi_allowed_ = true;
          break;
        default:
          semi_allowed_ = false;
      }
      return t;
    }
  }

  void reset() override {
    antlr4::Lexer::reset();
    semi_allowed_ = false;
    pending_.clear();
  }

 private:
  // INT_LIT -> FLOAT_LIT or IMAGINARY_LIT, by the text (gc's scanner.number kinds).
  static void RetypeNumber(antlr4::Token* t) {
    std::string text = t->getText();
    size_t type = INT_LIT;
    bool hex = text.size() > 1 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X');
    for (char c : text) {
      if (c == '.' || c == 'p' || c == 'P' || (!hex && (c == 'e' || c == 'E'))) type = FLOAT_LIT;
    }
    if (!text.empty() && text.back() == 'i') type = IMAGINARY_LIT;
    if (auto* w = dynamic_cast<antlr4::WritableToken*>(t)) w->setType(type);
  }
  // A SEMI with text "\n" at char index `index`, on the line of `at`.
  std::unique_ptr<antlr4::Token> MakeSemi(antlr4::Token* at, size_t index) {
    return _factory->create({this, _input}, SEMI, "\n", antlr4::Token::DEFAULT_CHANNEL,
                            index, index, at->getLine(), at->getCharPositionInLine());
  }
  bool semi_allowed_ = false;
  std::deque<std::unique_ptr<antlr4::Token>> pending_;
 public:
}

@lexer::header {
#include <deque>
}

channels { COMMENTS_CHANNEL }

tokens { FLOAT_LIT, IMAGINARY_LIT }

// ---------------------------------------------------------------- keywords
BREAK       : 'break';
CASE        : 'case';
CHAN        : 'chan';
CONST       : 'const';
CONTINUE    : 'continue';
DEFAULT     : 'default';
DEFER       : 'defer';
ELSE        : 'else';
FALLTHROUGH : 'fallthrough';
FOR         : 'for';
FUNC        : 'func';
GO          : 'go';
GOTO        : 'goto';
IF          : 'if';
IMPORT      : 'import';
INTERFACE   : 'interface';
MAP         : 'map';
PACKAGE     : 'package';
RANGE       : 'range';
RETURN      : 'return';
SELECT      : 'select';
STRUCT      : 'struct';
SWITCH      : 'switch';
TYPE        : 'type';
VAR         : 'var';

IDENTIFIER : LETTER (LETTER | UNICODE_DIGIT)*;

// ---------------------------------------------------------------- operators
// Longest match first is automatic in ANTLR lexers; order only breaks ties.
L_PAREN       : '(';
R_PAREN       : ')';
L_CURLY       : '{';
R_CURLY       : '}';
L_BRACKET     : '[';
R_BRACKET     : ']';
ASSIGN        : '=';
COMMA         : ',';
SEMI          : ';';
COLON         : ':';
DOT           : '.';
PLUS_PLUS     : '++';
MINUS_MINUS   : '--';
DECLARE_ASSIGN: ':=';
ELLIPSIS      : '...';
LOGICAL_OR    : '||';
LOGICAL_AND   : '&&';
EQUALS        : '==';
NOT_EQUALS    : '!=';
LESS          : '<';
LESS_OR_EQUALS: '<=';
GREATER       : '>';
GREATER_OR_EQUALS: '>=';
OR            : '|';
DIV           : '/';
MOD           : '%';
LSHIFT        : '<<';
RSHIFT        : '>>';
BIT_CLEAR     : '&^';
EXCLAMATION   : '!';
PLUS          : '+';
MINUS         : '-';
CARET         : '^';
STAR          : '*';
AMPERSAND     : '&';
RECEIVE       : '<-';
TILDE         : '~';
// Assignment operators (op=).
PLUS_ASSIGN   : '+=';
MINUS_ASSIGN  : '-=';
STAR_ASSIGN   : '*=';
DIV_ASSIGN    : '/=';
MOD_ASSIGN    : '%=';
AND_ASSIGN    : '&=';
OR_ASSIGN     : '|=';
XOR_ASSIGN    : '^=';
LSHIFT_ASSIGN : '<<=';
RSHIFT_ASSIGN : '>>=';
BIT_CLEAR_ASSIGN : '&^=';

// ---------------------------------------------------------------- literals
// Literals are lexed the way gc's scanner consumes them, which is more than the
// valid forms: `089`, `0x`, `1__0`, `'ab'`, "\q" are one token each, and
// frontend/scan.cc checks them with gc's messages ("invalid digit '8' in octal
// literal"). Every number lexes as INT_LIT; nextToken() retypes floats and
// imaginaries from the text.
INT_LIT
  : ( '0' [xX] [0-9a-fA-F_]* ('.' [0-9a-fA-F_]*)?
    | '0' [oObB] [0-9_]* ('.' [0-9_]*)?
    | [0-9] [0-9_]* ('.' [0-9_]*)?
    | '.' [0-9] [0-9_]*
    ) ([eEpP] [+-]? [0-9_]*)? 'i'?
  ;

RUNE_LIT       : '\'' (~['\\\n] | '\\' ~[\n])* '\'';
RAW_STRING_LIT : '`' ~'`'* '`';
STRING_LIT     : '"' (~["\\\n] | '\\' ~[\n])* '"';

// ---------------------------------------------------------------- hidden
WS            : [ \t\r\u000C]+ -> channel(HIDDEN);
// The byte order mark is ignored at the start of a file (parser.cc drops it).
NL            : [\n] -> channel(HIDDEN);  // a set, so no literal name with a raw newline is generated
BLOCK_COMMENT : '/*' .*? '*/' -> channel(COMMENTS_CHANNEL);
LINE_COMMENT  : '//' ~[\n]* -> channel(COMMENTS_CHANNEL);

// ---------------------------------------------------------------- errors
// Literals cut short by a newline or EOF (the newline is left for semicolon
// insertion) and characters no rule takes. parser.cc reports each in gc's words,
// then retypes the literal ones so that parsing goes on as gc's does; ERROR_CHAR is
// hidden and leaves semicolon insertion as it was, as in gc.
ERROR_BLOCK_COMMENT : '/*' (~'*' | '*'+ ~[*/])* '*'* EOF -> channel(COMMENTS_CHANNEL);
ERROR_RAW_STRING    : '`' ~'`'* EOF;
ERROR_STRING        : '"' (~["\\\n] | '\\' ~[\n])* '\\'?;
ERROR_RUNE          : '\'' (~['\\\n] | '\\' ~[\n])* '\\'?;
ERROR_CHAR          : . -> channel(HIDDEN);

// ---------------------------------------------------------------- fragments
fragment LETTER : [\p{L}_];
fragment UNICODE_DIGIT : [\p{Nd}];
