// Scanning one operand: a Scanner, or a pointer to a bool, number, string or
// []byte (directly or, for types defined on them, through reflect), for a verb.
// Each kind reads its token with the scanner's primitives (scan.go) and converts
// it with strconv, failing with gc's messages.
//gojit:load-with scan.go

package fmt

import (
	"errors"
	"io"
	"reflect"
	"strconv"
	"unicode/utf8"
)

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

// ldexp is math.Ldexp, frac × 2**exp (C's ldexp; importing math would cost
// every program that scans).
func ldexp(frac float64, exp int) float64
