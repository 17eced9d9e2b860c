// Package fmt implements formatted I/O, as Go's fmt does, for the verbs and value
// kinds listed in stdlib/format.h. The Sprint family is natives over gojit's fmt
// engine (stdlib/format.cc, stdlib/fmt_natives.cc); Print*, Fprint* and Errorf
// are Go on top of them (Print* writing to os.Stdout, see stdout). A Formatter operand is formatted by its Format method: the
// engine calls callFormat (registered by init), which hands it a State.
// Scanning (Scan, Sscan, Fscan...) is scan.go, over package reflect, loaded only by
// programs that use it.
package fmt

import (
	"errors"
	"io"
)

// Stringer is implemented by any value that has a String method, which defines the
// "native" format for that value.
type Stringer interface {
	String() string
}

// GoStringer is implemented by any value that has a GoString method, which defines
// the Go syntax for that value (the %#v format).
type GoStringer interface {
	GoString() string
}

// State represents the printer state passed to custom formatters. It provides
// access to the io.Writer interface plus information about the flags and options
// for the operand's format specifier.
type State interface {
	// Write is the function to call to emit formatted output to be printed.
	Write(b []byte) (n int, err error)
	// Width returns the value of the width option and whether it has been set.
	Width() (wid int, ok bool)
	// Precision returns the value of the precision option and whether it has been set.
	Precision() (prec int, ok bool)
	// Flag reports whether the flag c, a character, has been set.
	Flag(c int) bool
}

// Formatter is implemented by any value that has a Format method. The
// implementation controls how State and rune are interpreted, and may call
// Sprint or Fprint(f) etc. to generate its output.
type Formatter interface {
	Format(f State, verb rune)
}

// The bits of callFormat's bits argument (stdlib/format.cc: kState*).
const (
	stateWid = 1 << iota
	statePrec
	stateMinus
	statePlus
	stateSharp
	stateSpace
	stateZero
)

// state is the State a Formatter sees: print.go's pp as far as Format can tell.
// Width and Precision report 0 when unset (gc's report whatever an earlier
// operand left).
type state struct {
	buf       []byte
	wid, prec int
	bits      int
}

func (s *state) Write(b []byte) (int, error) {
	s.buf = append(s.buf, b...)
	return len(b), nil
}

func (s *state) WriteString(str string) (int, error) {
	s.buf = append(s.buf, str...)
	return len(str), nil
}

func (s *state) Width() (int, bool) { return s.wid, s.bits&stateWid != 0 }

func (s *state) Precision() (int, bool) { return s.prec, s.bits&statePrec != 0 }

func (s *state) Flag(c int) bool {
	switch c {
	case '-':
		return s.bits&stateMinus != 0
	case '+':
		return s.bits&statePlus != 0
	case '#':
		return s.bits&stateSharp != 0
	case ' ':
		return s.bits&stateSpace != 0
	case '0':
		return s.bits&stateZero != 0
	}
	return false
}

// callFormat formats arg, a Formatter, for the engine: what its Format method
// writes for the verb, width, precision and flags the format string gave.
func callFormat(arg any, verb rune, wid, prec, bits int) string {
	s := &state{wid: wid, prec: prec, bits: bits}
	arg.(Formatter).Format(s, verb)
	return string(s.buf)
}

func setFormatterHook(f func(arg any, verb rune, wid, prec, bits int) string)

func init() {
	setFormatterHook(callFormat)
}

// stdout gives os.Stdout, where Print, Println and Printf write, in a program
// that links package os (stdout_os.go sets it). Without os, nothing can have
// replaced os.Stdout, and they write to file descriptor 1 directly.
var stdout func() io.Writer

// Print formats using the default formats for its operands and writes to standard
// output. Spaces are added between operands when neither is a string.
func Print(a ...any) (n int, err error) {
	if stdout != nil {
		return Fprint(stdout(), a...)
	}
	return printFd1(a...)
}

// Println formats using the default formats for its operands and writes to
// standard output. Spaces are always added between operands and a newline is
// appended.
func Println(a ...any) (n int, err error) {
	if stdout != nil {
		return Fprintln(stdout(), a...)
	}
	return printlnFd1(a...)
}

// Printf formats according to a format specifier and writes to standard output.
func Printf(format string, a ...any) (n int, err error) {
	if stdout != nil {
		return Fprintf(stdout(), format, a...)
	}
	return printfFd1(format, a...)
}

// The Print family's natives: format and write to file descriptor 1.
func printFd1(a ...any) (n int, err error)
func printlnFd1(a ...any) (n int, err error)
func printfFd1(format string, a ...any) (n int, err error)

// Sprint formats using the default formats for its operands and returns the
// resulting string.
func Sprint(a ...any) string

// Sprintln is Println into a string.
func Sprintln(a ...any) string

// Sprintf formats according to a format specifier and returns the resulting string.
func Sprintf(format string, a ...any) string

// Fprint is Print to w.
func Fprint(w io.Writer, a ...any) (n int, err error) {
	return w.Write([]byte(Sprint(a...)))
}

// Fprintln is Println to w.
func Fprintln(w io.Writer, a ...any) (n int, err error) {
	return w.Write([]byte(Sprintln(a...)))
}

// Fprintf is Printf to w.
func Fprintf(w io.Writer, format string, a ...any) (n int, err error) {
	return w.Write([]byte(Sprintf(format, a...)))
}

// Errorf formats according to a format specifier and returns the string as a value
// that satisfies error. Each %w verb takes an error operand, printed as %v, which
// the result wraps: with one, its Unwrap returns that error; with more, its
// Unwrap returns them all, in operand order, each once. A %w operand that is not
// an error prints as a bad verb and is not wrapped.
func Errorf(format string, a ...any) error {
	s, wrapped := errorf(format, a)
	switch len(wrapped) {
	case 0:
		return errors.New(s)
	case 1:
		e, _ := a[wrapped[0]].(error)
		return &wrapError{s, e}
	}
	// Operand order, not format order (%[2]w %[1]w wraps operand 1 first).
	for i := 1; i < len(wrapped); i++ {
		for j := i; j > 0 && wrapped[j] < wrapped[j-1]; j-- {
			wrapped[j], wrapped[j-1] = wrapped[j-1], wrapped[j]
		}
	}
	var errs []error
	for i, n := range wrapped {
		if i > 0 && wrapped[i-1] == n {
			continue
		}
		if e, ok := a[n].(error); ok {
			errs = append(errs, e)
		}
	}
	return &wrapErrors{s, errs}
}

// errorf is Sprintf in Errorf's mode: it also returns the operand index of each
// %w, in the format's order.
func errorf(format string, a []any) (s string, wrapped []int)

type wrapError struct {
	msg string
	err error
}

func (e *wrapError) Error() string {
	return e.msg
}

func (e *wrapError) Unwrap() error {
	return e.err
}

type wrapErrors struct {
	msg  string
	errs []error
}

func (e *wrapErrors) Error() string {
	return e.msg
}

func (e *wrapErrors) Unwrap() []error {
	return e.errs
}

// Append formats using the default formats for its operands, appends the result to
// the byte slice, and returns the updated slice.
func Append(b []byte, a ...any) []byte {
	return append(b, Sprint(a...)...)
}

// Appendln is Append with Println's spacing and a final newline.
func Appendln(b []byte, a ...any) []byte {
	return append(b, Sprintln(a...)...)
}

// Appendf formats according to a format specifier, appends the result to the byte
// slice, and returns the updated slice.
func Appendf(b []byte, format string, a ...any) []byte {
	return append(b, Sprintf(format, a...)...)
}
