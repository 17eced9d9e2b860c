// Package fmt implements formatted I/O, as Go's fmt does, for the verbs and value
// kinds listed in stdlib/format.h. The Print and Sprint families are natives over
// gojit's fmt engine (stdlib/format.cc, stdlib/fmt_natives.cc); Fprint* and Errorf
// are Go on top of them.
// Not yet: Sscan*, Formatter/State dispatch.
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

// Print formats using the default formats for its operands and writes to standard
// output. Spaces are added between operands when neither is a string.
func Print(a ...any) (n int, err error)

// Println formats using the default formats for its operands and writes to
// standard output. Spaces are always added between operands and a newline is
// appended.
func Println(a ...any) (n int, err error)

// Printf formats according to a format specifier and writes to standard output.
func Printf(format string, a ...any) (n int, err error)

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
// that satisfies error. If the format has a %w verb with an error operand, the
// returned error implements an Unwrap method returning that operand. It is invalid
// to include more than one %w verb or to supply it with an operand that does not
// implement the error interface (Go 1.19).
func Errorf(format string, a ...any) error {
	s, wrapped := errorf(format, a)
	if wrapped == nil {
		return errors.New(s)
	}
	return &wrapError{s, wrapped.(error)}
}

// errorf is Sprintf in Errorf's mode: it also returns the operand of %w, or nil.
func errorf(format string, a []any) (s string, wrapped any)

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
