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
// The operands, one per verb, are scanned in scan_operands.go; Scanf's format is
// split into directives and run against the input in scan_format.go.
//
// The three files join package fmt only in programs that use this one's names
// (frontend/loader.cc, "files loaded on use"; the other two are
// //gojit:load-with scan.go): their imports, reflect and strconv, cost every
// other program nothing.
//gojit:load-on-use ScanState Scanner Scan Scanln Scanf Sscan Sscanln Sscanf Fscan Fscanln Fscanf

package fmt

import (
	"errors"
	"io"
	"os"
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

// --- input: runes, limits, spaces ------------------------------------------------

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
