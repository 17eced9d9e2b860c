// Scanning: the Scan, Scanln and Scanf families, written for gojit's fmt (whose
// printing half is a C++ engine, format.cc). The behaviour, messages included, is
// gc's, as fmt's package documentation defines it; the code is this file's own.
//
// One type, scanner, does all the reading. It takes runes from an
// io.RuneScanner (the reader itself when it is one, else a byteRunes wrapper
// that reads a byte at a time, so that no more than one rune is taken past what
// a call consumes) and keeps three pieces of state:
//
//   - how newlines count: as spaces (Scan), as the end of the input (Scanln:
//     ReadRune reports EOF after the first '\n'), or as themselves (Scanf,
//     where only the format can consume them);
//   - a limit on the runes read: the current operand's width, on top of any
//     limit of an enclosing scanner (a Scanner method that scans its ScanState
//     with Fscan reads through the outer scanner, limits and all);
//   - a token buffer, reused across operands.
//
// Errors stop the whole call: they are raised as a scanFailure panic and turned
// into the returned error by finish. Running out of input raises io.EOF itself,
// which callers see as io.EOF when nothing at all was left for an operand, and
// as io.ErrUnexpectedEOF when an item was cut short (a quoted string, a hex
// byte, a literal of the format).
//
// Scanf's format is first split into directives (literal runes, runs of spaces
// and newlines, verbs with their widths, %%), then run against the input.
//
// The file joins package fmt only in programs that use its names
// (frontend/loader.cc, "files loaded on use"): its imports, reflect and
// strconv, cost every other program nothing.
//gojit:load-on-use ScanState Scanner Scan Scanln Scanf Sscan Sscanln Sscanf Fscan Fscanln Fscanf

package fmt

import (
	"errors"
	"io"
	"os"
	"reflect"
	"strconv"
	"unicode/utf8"
)

// ScanState is what a Scanner's Scan method reads its input through.
type ScanState interface {
	// ReadRune returns the next rune of the input. Under Scanln and its
	// kin it reports io.EOF after the first newline, and under a width it
	// reports io.EOF once the width is used up.
	ReadRune() (r rune, size int, err error)
	// UnreadRune puts back the rune ReadRune last returned.
	UnreadRune() error
	// SkipSpace skips spaces, treating newlines as the calling function
	// does (see the package documentation).
	SkipSpace()
	// Token optionally skips spaces, then returns the longest run of runes
	// satisfying f (non-spaces when f is nil). The slice is valid until the
	// next call that reads from the ScanState.
	Token(skipSpace bool, f func(rune) bool) (token []byte, err error)
	// Width returns the operand's width and whether the format gave one.
	Width() (wid int, ok bool)
	// Read is not for scanning: it always fails. Use ReadRune.
	Read(buf []byte) (n int, err error)
}

// Scanner is implemented by values that scan themselves: Scan reads the
// value's text from state, for the given verb, and stores it in the receiver.
type Scanner interface {
	Scan(state ScanState, verb rune) error
}

// Scan reads space-separated values from standard input into the operands,
// newlines counting as spaces. It returns how many operands it filled and,
// when that is fewer than len(a), why.
func Scan(a ...any) (n int, err error) { return Fscan(os.Stdin, a...) }

// Scanln is Scan that stops at a newline, which must follow the last operand
// (or the input must end there).
func Scanln(a ...any) (n int, err error) { return Fscanln(os.Stdin, a...) }

// Scanf reads standard input as format directs (see the package
// documentation), storing values into the operands.
func Scanf(format string, a ...any) (n int, err error) { return Fscanf(os.Stdin, format, a...) }

// Sscan is Scan over the string str.
func Sscan(str string, a ...any) (n int, err error) { return Fscan(&stringRunes{s: str}, a...) }

// Sscanln is Scanln over the string str.
func Sscanln(str string, a ...any) (n int, err error) { return Fscanln(&stringRunes{s: str}, a...) }

// Sscanf is Scanf over the string str.
func Sscanf(str string, format string, a ...any) (n int, err error) {
	return Fscanf(&stringRunes{s: str}, format, a...)
}

// Fscan is Scan over r.
func Fscan(r io.Reader, a ...any) (n int, err error) {
	s := newScanner(r, newlineIsSpace)
	defer s.finish(&err)
	s.scanOperands(a, false, &n)
	return n, nil
}

// Fscanln is Scanln over r.
func Fscanln(r io.Reader, a ...any) (n int, err error) {
	s := newScanner(r, newlineEnds)
	defer s.finish(&err)
	s.scanOperands(a, true, &n)
	return n, nil
}

// Fscanf is Scanf over r.
func Fscanf(r io.Reader, format string, a ...any) (n int, err error) {
	s := newScanner(r, newlineIsText)
	defer s.finish(&err)
	s.scanFormat(format, a, &n)
	return n, nil
}

// --- input ---------------------------------------------------------------------

// eof is what nextRune returns at the end of the input (or of the width).
const eof = -1

// noLimit is the limit of a scanner without a width.
const noLimit = int(^uint(0) >> 1)

type newlineMode int

const (
	newlineIsSpace newlineMode = iota // Scan: a newline separates like a space
	newlineEnds                       // Scanln: a newline is the last rune read
	newlineIsText                     // Scanf: a newline matches only a newline
)

// scanFailure carries an error out of the scanning code to finish.
type scanFailure struct{ err error }

type scanner struct {
	src      io.RuneScanner
	newlines newlineMode
	ended    bool // src reported EOF, or a newline ended a Scanln line
	read     int  // runes taken from src so far (unread ones given back)
	limit    int  // nextRune stops here: the operand's width, or noLimit
	width    int  // the current operand's width, when hasWidth
	hasWidth bool
	tok      []byte
}

func newScanner(r io.Reader, mode newlineMode) *scanner {
	s := &scanner{newlines: mode, limit: noLimit}
	if rs, ok := r.(io.RuneScanner); ok {
		s.src = rs
	} else {
		s.src = &byteRunes{r: r}
	}
	return s
}

// finish turns a scanFailure (or a bare io.EOF) raised during the call into
// its error result; any other panic goes on.
func (s *scanner) finish(errp *error) {
	switch e := recover().(type) {
	case nil:
	case scanFailure:
		*errp = e.err
	case error:
		if e != io.EOF {
			panic(e)
		}
		*errp = io.EOF
	default:
		panic(e)
	}
}

func (s *scanner) fail(err error) { panic(scanFailure{err}) }

func (s *scanner) failf(msg string) { s.fail(errors.New(msg)) }

// ReadRune implements ScanState.
func (s *scanner) ReadRune() (r rune, size int, err error) {
	if s.ended || s.read >= s.limit {
		return 0, 0, io.EOF
	}
	r, size, err = s.src.ReadRune()
	switch {
	case err == io.EOF:
		s.ended = true
	case err == nil:
		s.read++
		if r == '\n' && s.newlines == newlineEnds {
			s.ended = true
		}
	}
	return r, size, err
}

// UnreadRune implements ScanState.
func (s *scanner) UnreadRune() error {
	s.src.UnreadRune()
	s.ended = false
	s.read--
	return nil
}

// Width implements ScanState.
func (s *scanner) Width() (wid int, ok bool) { return s.width, s.hasWidth }

// Read implements ScanState: scanning code must use ReadRune.
func (s *scanner) Read(buf []byte) (n int, err error) {
	return 0, errors.New("ScanState's Read should not be called. Use ReadRune")
}

// nextRune returns the next rune, or eof; a read error other than EOF ends
// the call.
func (s *scanner) nextRune() rune {
	r, _, err := s.ReadRune()
	if err == io.EOF {
		return eof
	}
	if err != nil {
		s.fail(err)
	}
	return r
}

// needRune returns the next rune; the input must not end here.
func (s *scanner) needRune() rune {
	r := s.nextRune()
	if r == eof {
		s.fail(io.ErrUnexpectedEOF)
	}
	return r
}

// requireInput raises io.EOF when the input has ended.
func (s *scanner) requireInput() {
	if s.nextRune() == eof {
		panic(io.EOF)
	}
	s.UnreadRune()
}

// nextIs reports whether the next rune is one of set, without taking it.
func (s *scanner) nextIs(set string) bool {
	r := s.nextRune()
	if r == eof {
		return false
	}
	s.UnreadRune()
	return containsRune(set, r)
}

// nextIn takes the next rune if it is one of set.
func (s *scanner) nextIn(set string) (rune, bool) {
	r := s.nextRune()
	if r == eof {
		return eof, false
	}
	if !containsRune(set, r) {
		s.UnreadRune()
		return eof, false
	}
	return r, true
}

// take takes the next rune into the token if it is one of set.
func (s *scanner) take(set string) bool {
	r, ok := s.nextIn(set)
	if ok {
		s.tok = utf8.AppendRune(s.tok, r)
	}
	return ok
}

// skip takes the next rune, not into the token, if it is one of set.
func (s *scanner) skip(set string) bool {
	_, ok := s.nextIn(set)
	return ok
}

func containsRune(set string, r rune) bool {
	for _, c := range set {
		if c == r {
			return true
		}
	}
	return false
}

// SkipSpace implements ScanState.
func (s *scanner) SkipSpace() {
	for {
		r := s.nextRune()
		switch {
		case r == eof:
			return
		case r == '\r' && s.nextIs("\n"):
			// \r\n is a newline: the '\n' comes next.
		case r == '\n':
			if s.newlines != newlineIsSpace {
				s.failf("unexpected newline")
			}
		case !isSpace(r):
			s.UnreadRune()
			return
		}
	}
}

// Token implements ScanState; its errors are returned, not raised.
func (s *scanner) Token(skipSpace bool, f func(rune) bool) (token []byte, err error) {
	defer func() {
		if e := recover(); e != nil {
			failure, ok := e.(scanFailure)
			if !ok {
				panic(e)
			}
			err = failure.err
		}
	}()
	if f == nil {
		f = notSpace
	}
	s.tok = s.tok[:0]
	return s.word(skipSpace, f), nil
}

// word optionally skips spaces, then takes the runes satisfying f into the
// token and returns it.
func (s *scanner) word(skipSpace bool, f func(rune) bool) []byte {
	if skipSpace {
		s.SkipSpace()
	}
	for {
		r := s.nextRune()
		if r == eof {
			break
		}
		if !f(r) {
			s.UnreadRune()
			break
		}
		s.tok = utf8.AppendRune(s.tok, r)
	}
	return s.tok
}

// isSpace reports whether r is Unicode white space (what unicode.IsSpace
// says, without unicode's tables).
func isSpace(r rune) bool {
	switch {
	case r >= '\t' && r <= '\r', r == ' ', r == 0x85, r == 0xA0, r == 0x1680:
		return true
	case r >= 0x2000 && r <= 0x200A, r == 0x2028, r == 0x2029, r == 0x202F, r == 0x205F,
		r == 0x3000:
		return true
	}
	return false
}

func notSpace(r rune) bool { return !isSpace(r) }

// stringRunes is the io.RuneScanner of Sscan and its kin.
type stringRunes struct {
	s    string
	at   int
	last int // the size of the rune last read, for UnreadRune (0: none)
}

func (r *stringRunes) Read(b []byte) (n int, err error) {
	if r.at >= len(r.s) {
		return 0, io.EOF
	}
	n = copy(b, r.s[r.at:])
	r.at += n
	r.last = 0
	return n, nil
}

func (r *stringRunes) ReadRune() (ch rune, size int, err error) {
	if r.at >= len(r.s) {
		r.last = 0
		return 0, 0, io.EOF
	}
	ch, size = rune(r.s[r.at]), 1
	if ch >= utf8.RuneSelf {
		ch, size = utf8.DecodeRuneInString(r.s[r.at:])
	}
	r.at += size
	r.last = size
	return ch, size, nil
}

func (r *stringRunes) UnreadRune() error {
	if r.last == 0 {
		return errors.New("fmt: no rune to unread")
	}
	r.at -= r.last
	r.last = 0
	return nil
}

// byteRunes reads runes from an io.Reader one byte at a time, so that a scan
// never takes more from the reader than the rune after its last item.
type byteRunes struct {
	r       io.Reader
	pending []byte // bytes read but not yet returned (an invalid sequence's tail)
	last    rune   // the rune last returned, and its size, for UnreadRune
	size    int
	unread  bool
	one     [1]byte
}

func (b *byteRunes) nextByte() (byte, error) {
	if len(b.pending) > 0 {
		c := b.pending[0]
		b.pending = b.pending[1:]
		return c, nil
	}
	for {
		n, err := b.r.Read(b.one[:])
		if n == 1 {
			return b.one[0], nil
		}
		if err != nil {
			return 0, err
		}
	}
}

func (b *byteRunes) ReadRune() (r rune, size int, err error) {
	if b.unread {
		b.unread = false
		return b.last, b.size, nil
	}
	c, err := b.nextByte()
	if err != nil {
		return 0, 0, err
	}
	var seq [utf8.UTFMax]byte
	seq[0] = c
	n := 1
	if c >= utf8.RuneSelf {
		for n < utf8.UTFMax && !utf8.FullRune(seq[:n]) {
			c, err := b.nextByte()
			if err != nil {
				if err != io.EOF {
					return 0, 0, err
				}
				break
			}
			seq[n] = c
			n++
		}
	}
	r, size = utf8.DecodeRune(seq[:n])
	if size < n {
		// An invalid sequence is one RuneError per byte: keep the rest.
		b.pending = append(append([]byte(nil), seq[size:n]...), b.pending...)
	}
	b.last, b.size = r, size
	return r, size, nil
}

func (b *byteRunes) UnreadRune() error {
	if b.size == 0 {
		return errors.New("fmt: no rune to unread")
	}
	b.unread = true
	return nil
}

// --- operands --------------------------------------------------------------------

// scanOperands scans each operand with %v, counting them in *n, then, for
// Scanln, requires the line to end.
func (s *scanner) scanOperands(a []any, lineMustEnd bool, n *int) {
	for _, arg := range a {
		s.scanOperand('v', arg)
		*n++
	}
	if lineMustEnd {
		for {
			r := s.nextRune()
			if r == '\n' || r == eof {
				break
			}
			if !isSpace(r) {
				s.failf("expected newline")
			}
		}
	}
}

// Verbs each kind of operand accepts (%c is an integer's too).
const (
	boolVerbs    = "tv"
	integerVerbs = "bdoUxXv"
	floatVerbs   = "beEfFgGxXv"
	stringVerbs  = "svqxX"
)

func (s *scanner) checkVerb(verb rune, verbs, what string) bool {
	if !containsRune(verbs, verb) {
		s.failf("bad verb '%" + string(verb) + "' for " + what)
		return false
	}
	return true
}

// scanOperand scans one operand: a Scanner, a pointer to a basic type (or to
// a type defined on one), or a pointer to a []byte.
func (s *scanner) scanOperand(verb rune, arg any) {
	s.tok = s.tok[:0]
	if sc, ok := arg.(Scanner); ok {
		if err := sc.Scan(s, verb); err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			s.fail(err)
		}
		return
	}
	switch p := arg.(type) {
	case *bool:
		*p = s.scanBool(verb)
	case *int:
		*p = int(s.scanSigned(verb, strconv.IntSize))
	case *int8:
		*p = int8(s.scanSigned(verb, 8))
	case *int16:
		*p = int16(s.scanSigned(verb, 16))
	case *int32:
		*p = int32(s.scanSigned(verb, 32))
	case *int64:
		*p = s.scanSigned(verb, 64)
	case *uint:
		*p = uint(s.scanUnsigned(verb, strconv.IntSize))
	case *uint8:
		*p = uint8(s.scanUnsigned(verb, 8))
	case *uint16:
		*p = uint16(s.scanUnsigned(verb, 16))
	case *uint32:
		*p = uint32(s.scanUnsigned(verb, 32))
	case *uint64:
		*p = s.scanUnsigned(verb, 64)
	case *uintptr:
		*p = uintptr(s.scanUnsigned(verb, strconv.IntSize))
	case *float32:
		if s.checkVerb(verb, floatVerbs, "float32") {
			*p = float32(s.scanFloat(32))
		}
	case *float64:
		if s.checkVerb(verb, floatVerbs, "float64") {
			*p = s.scanFloat(64)
		}
	case *complex64:
		*p = complex64(s.scanComplex(verb, 64))
	case *complex128:
		*p = s.scanComplex(verb, 128)
	case *string:
		*p = s.scanString(verb)
	case *[]byte:
		// A new slice: the token buffer is reused.
		*p = []byte(s.scanString(verb))
	default:
		s.scanByReflection(verb, arg)
	}
}

// scanByReflection handles pointers to types defined on the basic ones.
func (s *scanner) scanByReflection(verb rune, arg any) {
	ptr := reflect.ValueOf(arg)
	if ptr.Kind() != reflect.Pointer {
		s.failf("type not a pointer: " + ptr.Type().String())
		return
	}
	v := ptr.Elem()
	switch v.Kind() {
	case reflect.Bool:
		v.SetBool(s.scanBool(verb))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(s.scanSigned(verb, v.Type().Bits()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		v.SetUint(s.scanUnsigned(verb, v.Type().Bits()))
	case reflect.String:
		v.SetString(s.scanString(verb))
	case reflect.Slice:
		if v.Type().Elem().Kind() != reflect.Uint8 {
			s.failf("can't scan type: " + ptr.Type().String())
		}
		text := s.scanString(verb)
		bytes := reflect.MakeSlice(v.Type(), len(text), len(text))
		for i := 0; i < len(text); i++ {
			bytes.Index(i).SetUint(uint64(text[i]))
		}
		v.Set(bytes)
	case reflect.Float32, reflect.Float64:
		// No verb check here, unlike *float32 and *float64: gc's quirk.
		v.SetFloat(s.scanFloat(v.Type().Bits()))
	case reflect.Complex64, reflect.Complex128:
		v.SetComplex(s.scanComplex(verb, v.Type().Bits()))
	default:
		s.failf("can't scan type: " + ptr.Type().String())
	}
}

// scanBool reads t/true or f/false in any case, or 1 or 0. Another first rune
// is taken and reads as false, as in gc.
func (s *scanner) scanBool(verb rune) bool {
	s.SkipSpace()
	s.requireInput()
	if !s.checkVerb(verb, boolVerbs, "boolean") {
		return false
	}
	switch s.nextRune() {
	case '1':
		return true
	case 't', 'T':
		if s.take("rR") && !(s.take("uU") && s.take("eE")) {
			s.failf("syntax error scanning boolean")
		}
		return true
	case 'f', 'F':
		if s.take("aA") && !(s.take("lL") && s.take("sS") && s.take("eE")) {
			s.failf("syntax error scanning boolean")
		}
	}
	return false
}

const (
	binaryDigits  = "01"
	octalDigits   = "01234567"
	decimalDigits = "0123456789"
	hexDigits     = "0123456789aAbBcCdDeEfF"
)

// digitsFor returns the base and the digits of an integer verb.
func (s *scanner) digitsFor(verb rune) (base int, digits string) {
	s.checkVerb(verb, integerVerbs, "integer")
	switch verb {
	case 'b':
		return 2, binaryDigits
	case 'o':
		return 8, octalDigits
	case 'x', 'X', 'U':
		return 16, hexDigits
	}
	return 10, decimalDigits
}

// prefixedDigits reads %v's optional base prefix (0b, 0o, 0x, or a leading 0
// for octal) into the token; strconv's base 0 reads it back.
func (s *scanner) prefixedDigits() (digits string, sawDigit bool) {
	if !s.nextIs("0") {
		return decimalDigits + "_", false
	}
	s.take("0")
	switch {
	case s.take("bB"):
		return binaryDigits + "_", true
	case s.take("oO"):
		return octalDigits + "_", true
	case s.take("xX"):
		return hexDigits + "_", true
	}
	return octalDigits + "_", true
}

// integerToken reads the sign, prefix and digits of an integer.
func (s *scanner) integerToken(verb rune, signed bool) (tok string, base int) {
	s.SkipSpace()
	s.requireInput()
	base, digits := s.digitsFor(verb)
	sawDigit := false
	if verb == 'U' {
		if !s.skip("U") || !s.skip("+") {
			s.failf("bad unicode format ")
		}
	} else {
		if signed {
			s.take("+-")
		}
		if verb == 'v' {
			base = 0
			digits, sawDigit = s.prefixedDigits()
		}
	}
	if !sawDigit {
		s.requireInput()
		if !s.take(digits) {
			s.failf("expected integer")
		}
	}
	for s.take(digits) {
	}
	return string(s.tok), base
}

// characterValue is %c: the next rune itself, which must fit in bits.
func (s *scanner) characterValue(bits int) int64 {
	s.requireInput()
	r := int64(s.nextRune())
	if r<<(64-bits)>>(64-bits) != r {
		s.failf("overflow on character value " + string(rune(r)))
	}
	return r
}

func (s *scanner) scanSigned(verb rune, bits int) int64 {
	if verb == 'c' {
		return s.characterValue(bits)
	}
	tok, base := s.integerToken(verb, true)
	i, err := strconv.ParseInt(tok, base, 64)
	if err != nil {
		s.fail(err)
	}
	if i<<(64-bits)>>(64-bits) != i {
		s.failf("integer overflow on token " + tok)
	}
	return i
}

func (s *scanner) scanUnsigned(verb rune, bits int) uint64 {
	if verb == 'c' {
		return uint64(s.characterValue(bits))
	}
	tok, base := s.integerToken(verb, false)
	u, err := strconv.ParseUint(tok, base, 64)
	if err != nil {
		s.fail(err)
	}
	if u<<(64-bits)>>(64-bits) != u {
		s.failf("unsigned integer overflow on token " + tok)
	}
	return u
}

// floatToken reads what may be a floating-point number: NaN, an optionally
// signed Inf, or digits (decimal, or hex after 0x) with a fraction and an
// exponent (e for decimal, p for hex; p is also allowed after decimal digits).
func (s *scanner) floatToken() string {
	s.tok = s.tok[:0]
	if s.take("nN") && s.take("aA") && s.take("nN") {
		return string(s.tok)
	}
	s.take("+-")
	if s.take("iI") && s.take("nN") && s.take("fF") {
		return string(s.tok)
	}
	digits, exponent := decimalDigits+"_", "eEpP"
	if s.take("0") && s.take("xX") {
		digits, exponent = hexDigits+"_", "pP"
	}
	for s.take(digits) {
	}
	if s.take(".") {
		for s.take(digits) {
		}
	}
	if s.take(exponent) {
		s.take("+-")
		for s.take(decimalDigits + "_") {
		}
	}
	return string(s.tok)
}

// parseFloat converts a floatToken of the given precision. strconv reads all
// of it except a binary exponent after decimal digits ("1.5p3"), done here.
func (s *scanner) parseFloat(tok string, bits int) float64 {
	if p := lastIndexByte(tok, 'p'); p >= 0 && !hasHexPrefix(tok) {
		mant, err := strconv.ParseFloat(tok[:p], bits)
		if err != nil {
			s.fail(withNum(err, tok))
		}
		exp, err := strconv.Atoi(tok[p+1:])
		if err != nil {
			s.fail(withNum(err, tok))
		}
		return ldexp(mant, exp)
	}
	f, err := strconv.ParseFloat(tok, bits)
	if err != nil {
		s.fail(err)
	}
	return f
}

// withNum makes a strconv error name the whole token.
func withNum(err error, tok string) error {
	if ne, ok := err.(*strconv.NumError); ok {
		ne.Num = tok
	}
	return err
}

func lastIndexByte(s string, c byte) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == c {
			return i
		}
	}
	return -1
}

func hasHexPrefix(tok string) bool {
	for i := 0; i+1 < len(tok); i++ {
		if tok[i] == '0' && (tok[i+1] == 'x' || tok[i+1] == 'X') {
			return true
		}
	}
	return false
}

func (s *scanner) scanFloat(bits int) float64 {
	s.SkipSpace()
	s.requireInput()
	return s.parseFloat(s.floatToken(), bits)
}

var errComplexSyntax = errors.New("syntax error scanning complex number")

// scanComplex reads re±imi, optionally in parentheses.
func (s *scanner) scanComplex(verb rune, bits int) complex128 {
	if !s.checkVerb(verb, floatVerbs, "complex") {
		return 0
	}
	s.SkipSpace()
	s.requireInput()
	parenthesized := s.skip("(")
	re := s.floatToken()
	s.tok = s.tok[:0]
	if !s.take("+-") {
		s.fail(errComplexSyntax)
	}
	sign := string(s.tok)
	im := sign + s.floatToken()
	if !s.skip("i") || parenthesized && !s.skip(")") {
		s.fail(errComplexSyntax)
	}
	return complex(s.parseFloat(re, bits/2), s.parseFloat(im, bits/2))
}

// scanString reads a word (%s, %v), a Go quoted string (%q) or hex bytes
// (%x, %X).
func (s *scanner) scanString(verb rune) string {
	if !s.checkVerb(verb, stringVerbs, "string") {
		return ""
	}
	s.SkipSpace()
	s.requireInput()
	switch verb {
	case 'q':
		return s.quoted()
	case 'x', 'X':
		return s.hexBytes()
	}
	return string(s.word(true, notSpace))
}

// quoted reads a back-quoted string as it stands, or a double-quoted one
// unquoted by strconv.
func (s *scanner) quoted() string {
	s.requireInput()
	switch open := s.nextRune(); open {
	case '`':
		for {
			r := s.needRune()
			if r == '`' {
				return string(s.tok)
			}
			s.tok = utf8.AppendRune(s.tok, r)
		}
	case '"':
		s.tok = append(s.tok, '"')
		for {
			r := s.needRune()
			s.tok = utf8.AppendRune(s.tok, r)
			if r == '"' {
				break
			}
			if r == '\\' {
				// The escaped rune cannot end the string, whatever it is.
				s.tok = utf8.AppendRune(s.tok, s.needRune())
			}
		}
		text, err := strconv.Unquote(string(s.tok))
		if err != nil {
			s.fail(err)
		}
		return text
	}
	s.failf("expected quoted string")
	return ""
}

func hexValue(r rune) (byte, bool) {
	switch {
	case r >= '0' && r <= '9':
		return byte(r - '0'), true
	case r >= 'a' && r <= 'f':
		return byte(r - 'a' + 10), true
	case r >= 'A' && r <= 'F':
		return byte(r - 'A' + 10), true
	}
	return 0, false
}

// hexBytes reads pairs of hex digits up to the first rune that is not one.
func (s *scanner) hexBytes() string {
	s.requireInput()
	for {
		r := s.nextRune()
		if r == eof {
			break
		}
		hi, ok := hexValue(r)
		if !ok {
			s.UnreadRune()
			break
		}
		lo, ok := hexValue(s.needRune())
		if !ok {
			s.failf("illegal hex digit")
		}
		s.tok = append(s.tok, hi<<4|lo)
	}
	if len(s.tok) == 0 {
		s.failf("no hex data for %x string")
	}
	return string(s.tok)
}

// --- formats ---------------------------------------------------------------------

type directiveKind int

const (
	literalRune     directiveKind = iota // a rune the input must hold
	spaceRun                             // spaces and newlines of the format
	verbDirective                        // %[width]verb
	percentSign                          // %%
	danglingPercent                      // a % that ends the format
)

type directive struct {
	kind directiveKind
	r    rune // literalRune: the rune; verbDirective: the verb
	// spaceRun: how many newlines, and whether spaces follow the last one
	// (or the run has no newline).
	newlines     int
	endsInSpaces bool
	width        int // verbDirective: the width, when hasWidth
	hasWidth     bool
	rest         string // verbDirective: the format from the verb on
}

// nextDirective splits the directive at the start of format off the rest.
func nextDirective(format string) (d directive, rest string) {
	r, size := utf8.DecodeRuneInString(format)
	switch {
	case isSpace(r):
		d.kind = spaceRun
		for len(format) > 0 {
			r, size = utf8.DecodeRuneInString(format)
			if !isSpace(r) {
				break
			}
			if r == '\n' {
				d.newlines++
				d.endsInSpaces = false
			} else {
				d.endsInSpaces = true
			}
			format = format[size:]
		}
		return d, format
	case r != '%':
		d.kind, d.r = literalRune, r
		return d, format[size:]
	case size == len(format):
		d.kind = danglingPercent
		return d, ""
	case format[1] == '%':
		d.kind = percentSign
		return d, format[2:]
	}
	// A verb: % then decimal width digits, then the verb rune.
	d.kind = verbDirective
	i := 1
	for i < len(format) && format[i] >= '0' && format[i] <= '9' {
		if d.width > 1e6 {
			break // an absurd width: let the rest be taken as the verb
		}
		d.width = d.width*10 + int(format[i]-'0')
		d.hasWidth = true
		i++
	}
	d.r, size = utf8.DecodeRuneInString(format[i:])
	d.rest = format[i:]
	return d, format[i+size:]
}

// scanFormat runs format's directives against the input, filling operands and
// counting them in *n.
func (s *scanner) scanFormat(format string, a []any, n *int) {
	for len(format) > 0 {
		var d directive
		d, format = nextDirective(format)
		switch d.kind {
		case spaceRun:
			s.matchSpaces(d)
		case literalRune:
			if s.needRune() != d.r {
				s.UnreadRune()
				s.failf("input does not match format")
			}
		case danglingPercent:
			s.failf("missing verb: % at end of format string")
		case percentSign:
			s.SkipSpace()
			if s.nextRune() == eof {
				s.fail(io.ErrUnexpectedEOF)
			}
			s.UnreadRune()
			if !s.skip("%") {
				s.failf("missing literal %")
			}
		case verbDirective:
			if d.r != 'c' {
				s.SkipSpace()
			}
			if *n >= len(a) {
				s.failf("too few operands for format '%" + d.rest + "'")
			}
			s.width, s.hasWidth = d.width, d.hasWidth
			outer := s.limit
			if d.hasWidth && s.read+d.width < s.limit {
				s.limit = s.read + d.width
			}
			s.scanOperand(d.r, a[*n])
			*n++
			s.limit = outer
			s.width, s.hasWidth = 0, false
		}
	}
	if *n < len(a) {
		s.failf("too many operands")
	}
}

// matchSpaces runs a run of spaces and newlines of the format: each newline
// takes spaces and then a newline (or the end) of the input; spaces after the
// last newline take any spaces; and a run with no newline must take at least
// one space, or find the end of the input.
func (s *scanner) matchSpaces(d directive) {
	for i := 0; i < d.newlines; i++ {
		r := s.nextRune()
		for r != '\n' && r != eof && isSpace(r) {
			r = s.nextRune()
		}
		if r != '\n' && r != eof {
			s.failf("newline in format does not match input")
		}
	}
	if !d.endsInSpaces {
		return
	}
	r := s.nextRune()
	if d.newlines == 0 {
		if r == '\n' {
			s.failf("newline in input does not match format")
		}
		if r != eof && !isSpace(r) {
			s.failf("expected space in input to match format")
		}
	}
	for r != '\n' && r != eof && isSpace(r) {
		r = s.nextRune()
	}
	if r != eof {
		s.UnreadRune()
	}
}

// ldexp is math.Ldexp, frac × 2**exp (C's ldexp; importing math would cost
// every program that scans).
func ldexp(frac float64, exp int) float64
