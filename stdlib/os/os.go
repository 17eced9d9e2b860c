// Package os: the parts of Go's os a program may use today, Exit and Args, over
// natives in stdlib/os_natives.cc. Not yet: files, Stdout/Stderr, Getenv.
package os

// Args hold the command-line arguments, starting with the program name.
var Args = runtime_args()

// runtime_args returns a fresh copy of the program's arguments (rt::Args()).
func runtime_args() []string

// Exit causes the current program to exit with the given status code. Deferred
// functions are not run.
func Exit(code int)
