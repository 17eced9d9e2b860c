// Package fmt implements formatted I/O, as Go's fmt does, for the verbs and value
// kinds listed in stdlib/format.h. Every function here is a native: its body is
// C++ (stdlib/fmt_natives.cc) over gojit's fmt engine (stdlib/format.cc).
// Not yet: Errorf, Fprint*, Sscan*, the Stringer/Formatter interface types.
package fmt

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
