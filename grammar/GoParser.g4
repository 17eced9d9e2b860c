// The Go parser, written from the Go specification (go.dev/ref/spec), Go 1.22
// syntax: generics (type parameter lists, constraints with ~T and unions,
// instantiation), labels, goto, select, type switches, method expressions.
//
// It follows go/parser more than the spec's EBNF where the two differ:
//  - types are operands (`[]byte(s)`, `interface{}(x)`, `case []int:`), so an
//    expression position also accepts a type and the checker sorts them out;
//  - a simple statement is one rule (`lhs [op rhs]`) and a type switch guard is an
//    ordinary simple statement whose expression is `x.(type)`: ast_builder.cc turns
//    those into TypeSwitchStmt, AssignStmt, IncDecStmt, ... and reports misuse;
//  - `T {` inside an if/for/switch header starts the block, not a composite literal,
//    when T is a bare type name (go/parser's exprLev < 0): the predicate on
//    literalType below, with exprLev raised inside ( ), [ ], { } and function bodies.
//
// What it does not do: build the AST (frontend/ast_builder*.cc) or word errors
// (frontend/parser.cc maps ANTLR's errors to gc's messages using the rule names).
parser grammar GoParser;

options { tokenVocab = GoLexer; }

@parser::members {
  // go/parser's exprLev: -1 inside an if/for/switch header, where a bare type name
  // followed by `{` is not a composite literal; raised inside brackets.
  int exprLev = 0;
  std::vector<int> savedLev;
  void EnterHeader() { savedLev.push_back(exprLev); exprLev = -1; }
  void LeaveHeader() {
    if (!savedLev.empty()) { exprLev = savedLev.back(); savedLev.pop_back(); }
  }
  // At `[` after a type's name: whether it opens a type parameter list. `type
  // T[P *C] E` also reads as an array type whose length is P*C; the spec makes it
  // one, as go/parser decides: a list only when the brackets hold a comma at their
  // top level, or when what follows `P *` has a type literal or ~ among its
  // operands (go/parser's isTypeElem). Brackets that do not start `[name *` are
  // left to the grammar: `[P any]` is no expression, `[N]` and `[N+1]` no list.
  bool TypeParamsAhead() {
    if (_input->LA(1) != L_BRACKET || _input->LA(2) != IDENTIFIER || _input->LA(3) != STAR)
      return true;
    int depth = 0;
    bool operand_start = true;  // just after `P *`
    for (ssize_t i = 4;; ++i) {
      size_t t = _input->LA(i);
      if (t == antlr4::Token::EOF) return true;
      if (depth == 0) {
        if (t == R_BRACKET) return false;
        if (t == COMMA || t == TILDE) return true;
        if (operand_start && (t == L_BRACKET || t == STRUCT || t == FUNC || t == INTERFACE ||
                              t == MAP || t == CHAN)) {
          return true;
        }
      }
      if (t == L_PAREN || t == L_BRACKET || t == L_CURLY) ++depth;
      if (t == R_PAREN || t == R_BRACKET || t == R_CURLY) --depth;
      operand_start = t == STAR || t == OR || t == RECEIVE;
    }
  }
}

// ---------------------------------------------------------------- files
// Semicolons are real tokens here (written or inserted by the lexer). A list whose
// last semicolon may be omitted before `)` or `}` is written `x? (SEMI x?)*`, which
// keeps every decision LL(1); an "empty alternative before a closing bracket" would
// let anything follow a statement in ANTLR's lookahead and spoil error positions.
sourceFile
  : packageClause SEMI (importDecl SEMI)* (topLevelDecl SEMI)* EOF
  ;

packageClause : PACKAGE IDENTIFIER ;

importDecl : IMPORT (importSpec | L_PAREN importSpec? (SEMI importSpec?)* R_PAREN) ;
importSpec : (DOT | IDENTIFIER)? string_ ;

topLevelDecl : declaration | functionDecl ;

// ---------------------------------------------------------------- declarations
declaration : constDecl | typeDecl | varDecl ;

constDecl : CONST (constSpec | L_PAREN constSpec? (SEMI constSpec?)* R_PAREN) ;
constSpec : identifierList (type_? ASSIGN expressionList)? ;

varDecl : VAR (varSpec | L_PAREN varSpec? (SEMI varSpec?)* R_PAREN) ;
varSpec : identifierList (type_ (ASSIGN expressionList)? | ASSIGN expressionList) ;

typeDecl : TYPE (typeSpec | L_PAREN typeSpec? (SEMI typeSpec?)* R_PAREN) ;
typeSpec : IDENTIFIER ({TypeParamsAhead()}? typeParameters)? ASSIGN? type_ ;

typeParameters    : L_BRACKET typeParameterDecl (COMMA typeParameterDecl)* COMMA? R_BRACKET ;
typeParameterDecl : identifierList typeElem ;
typeElem          : typeTerm (OR typeTerm)* ;
typeTerm          : TILDE? type_ ;

// A function or, with a receiver, a method. The body is optional (natives).
functionDecl : FUNC receiver=parameters? IDENTIFIER typeParameters? signature block? ;

identifierList : IDENTIFIER (COMMA IDENTIFIER)* ;
expressionList : expression (COMMA expression)* ;

// ---------------------------------------------------------------- types
type_
  : typeName typeArgs?
  | typeLit
  | L_PAREN type_ R_PAREN
  ;

typeName : IDENTIFIER (DOT IDENTIFIER)? ;
typeArgs : L_BRACKET type_ (COMMA type_)* COMMA? R_BRACKET ;

typeLit
  : arrayType
  | structType
  | pointerType
  | functionType
  | interfaceType
  | sliceType
  | mapType
  | channelType
  ;

arrayType   : L_BRACKET expression R_BRACKET type_ ;
sliceType   : L_BRACKET R_BRACKET type_ ;
pointerType : STAR type_ ;
mapType     : MAP L_BRACKET type_ R_BRACKET type_ ;
// `chan<- chan int` is `chan<- (chan int)`: the first alternative wins ties.
channelType : (CHAN RECEIVE? | RECEIVE CHAN) type_ ;
// A function type spells its signature out rather than sharing `signature`: in
// SLL prediction (parser.cc) the decision "is a result next?" looks past the rule's
// end into every place the rule is used, and a function type can be followed by
// `(`, `[`, `*`, ... (a conversion `func()(f)`, an index, a product). Shared, that
// made every declaration's signature an unbounded lookahead, most of the cold
// parse time; apart, declarations and literals (followed by `{` or `;`) decide on
// one token.
functionType : FUNC parameters result? ;

signature  : parameters result? ;
result     : parameters | type_ ;
parameters
@init { ++exprLev; }
  : L_PAREN (parameterDecl (COMMA parameterDecl)* COMMA?)? R_PAREN
  ;
finally { --exprLev; }
parameterDecl : identifierList? ELLIPSIS? type_ ;

structType : STRUCT L_CURLY fieldDecl? (SEMI fieldDecl?)* R_CURLY ;
fieldDecl  : (identifierList type_ | embeddedField) tag=string_? ;
embeddedField : STAR? typeName typeArgs? ;

interfaceType : INTERFACE L_CURLY interfaceElem? (SEMI interfaceElem?)* R_CURLY ;
interfaceElem : methodSpec | typeElem ;
methodSpec    : IDENTIFIER parameters result? ;

// ---------------------------------------------------------------- statements
block
  : L_CURLY statementList R_CURLY
  ;

// After a statement comes a semicolon or the end of the list; a case clause's list
// ending without one before `case` is reported by ast_builder_stmt.cc.
statementList : statement? (SEMI statement?)* ;

statement
  : declaration
  | labeledStmt
  | simpleStmt
  | goStmt
  | returnStmt
  | breakStmt
  | continueStmt
  | gotoStmt
  | fallthroughStmt
  | block
  | ifStmt
  | switchStmt
  | selectStmt
  | forStmt
  | deferStmt
  ;

labeledStmt : IDENTIFIER COLON statement? ;

// Every simple statement: an expression, a send, x++/x--, an assignment or a short
// variable declaration. ast_builder.cc checks the shapes (`a, b++` is an error).
simpleStmt
  : expressionList (assignOp expressionList | DECLARE_ASSIGN expressionList
                   | PLUS_PLUS | MINUS_MINUS | RECEIVE expression)?
  ;
assignOp
  : ASSIGN | PLUS_ASSIGN | MINUS_ASSIGN | STAR_ASSIGN | DIV_ASSIGN | MOD_ASSIGN
  | AND_ASSIGN | OR_ASSIGN | XOR_ASSIGN | LSHIFT_ASSIGN | RSHIFT_ASSIGN | BIT_CLEAR_ASSIGN
  ;

goStmt          : GO expression ;
deferStmt       : DEFER expression ;
returnStmt      : RETURN expressionList? ;
breakStmt       : BREAK IDENTIFIER? ;
continueStmt    : CONTINUE IDENTIFIER? ;
gotoStmt        : GOTO IDENTIFIER ;
fallthroughStmt : FALLTHROUGH ;

// The condition is parsed as a simple statement, as gc does, so that `if x = 1 {`
// gets gc's "cannot use assignment (x) = (1) as value" from ast_builder_stmt.cc.
ifStmt : IF ifHeader block (ELSE (ifStmt | block))? ;
ifHeader
@init { EnterHeader(); }
  : first=simpleStmt (SEMI cond=simpleStmt)?   // `x` or `init; cond`
  | SEMI cond=simpleStmt                        // `; cond`: the init left empty
  ;
finally { LeaveHeader(); }

// switch [init;] [tag | x.(type) | v := x.(type)] { ... }
switchStmt : SWITCH switchHeader? L_CURLY caseClause* R_CURLY ;
switchHeader
@init { EnterHeader(); }
  : simpleStmt (SEMI simpleStmt?)?
  | SEMI simpleStmt?
  ;
finally { LeaveHeader(); }
caseClause : (CASE expressionList | DEFAULT) COLON statementList ;

selectStmt : SELECT L_CURLY commClause* R_CURLY ;
commClause : (CASE simpleStmt | DEFAULT) COLON statementList ;

forStmt : FOR forHeader? block ;
forHeader
@init { EnterHeader(); }
  : expression
  | forClause
  | rangeClause
  ;
finally { LeaveHeader(); }
forClause   : init=simpleStmt? SEMI cond=expression? SEMI post=simpleStmt? ;
rangeClause : (expressionList (ASSIGN | DECLARE_ASSIGN))? RANGE expression ;

// ---------------------------------------------------------------- expressions
// Precedence, highest first: unary, * / % << >> & &^, + - | ^, comparisons, &&, ||.
expression
  : primaryExpr                                                          # primaryExpression
  | op=(PLUS | MINUS | EXCLAMATION | CARET | STAR | AMPERSAND | RECEIVE) expression # unaryExpr
  | expression op=(STAR | DIV | MOD | LSHIFT | RSHIFT | AMPERSAND | BIT_CLEAR) expression # binaryExpr
  | expression op=(PLUS | MINUS | OR | CARET) expression                 # binaryExpr
  | expression op=(EQUALS | NOT_EQUALS | LESS | LESS_OR_EQUALS | GREATER | GREATER_OR_EQUALS) expression # binaryExpr
  | expression op=LOGICAL_AND expression                                 # binaryExpr
  | expression op=LOGICAL_OR expression                                  # binaryExpr
  ;

primaryExpr
  : operand                                              # operandExpr
  | primaryExpr DOT IDENTIFIER                           # selectorExpr
  | primaryExpr DOT L_PAREN (type_ | TYPE) R_PAREN        # typeAssertExpr
  | primaryExpr index                                    # indexExpr
  | primaryExpr arguments                                # callExpr
  ;

// x[i], x[T1, T2] (instantiation), x[lo:hi], x[lo:hi:max].
index
@init { ++exprLev; }
  : L_BRACKET (expressionList COMMA? | lo=expression? COLON hi=expression? (COLON max=expression?)?) R_BRACKET
  ;
finally { --exprLev; }

arguments
@init { ++exprLev; }
  : L_PAREN (expressionList ELLIPSIS? COMMA?)? R_PAREN
  ;
finally { --exprLev; }

operand
  : basicLit
  | compositeLit
  | functionLit
  | IDENTIFIER
  | parenExpr
  | typeOperand
  ;

parenExpr
@init { ++exprLev; }
  : L_PAREN expression R_PAREN
  ;
finally { --exprLev; }

// A type used where an operand stands: conversions, make/new arguments, type
// switch cases. `<-chan T` parses as a receive of `chan T`; ast_builder.cc fixes it
// as go/parser does.
typeOperand
  : arrayType
  | sliceType
  | mapType
  | CHAN RECEIVE? type_
  | functionType
  | structType
  | interfaceType
  ;

basicLit
  : INT_LIT | FLOAT_LIT | IMAGINARY_LIT | RUNE_LIT
  | string_
  ;
string_ : STRING_LIT | RAW_STRING_LIT ;

compositeLit : literalType literalValue ;
literalType
  : structType
  | arrayType
  | L_BRACKET ELLIPSIS R_BRACKET type_
  | sliceType
  | mapType
  | {exprLev >= 0}? typeName typeArgs?
  ;
literalValue
@init { ++exprLev; }
  : L_CURLY (keyedElement (COMMA keyedElement)* COMMA?)? R_CURLY
  ;
finally { --exprLev; }
// `first` is the key when a second element follows the colon, else the value:
// deciding after the first element keeps the choice LL(1) (a key is as long as
// any expression; deciding before it made SLL scan to the colon).
keyedElement : first=element (COLON second=element)? ;
element      : expression | literalValue ;

functionLit : FUNC signature funcBody ;
funcBody
@init { ++exprLev; }
  : block
  ;
finally { --exprLev; }
