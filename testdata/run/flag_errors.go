// run
// gojit-timeout: 120

// flag error cases under ContinueOnError and PanicOnError: gc's error texts and the usage printed to SetOutput.

package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
)

func newSet(out *bytes.Buffer) *flag.FlagSet {
	fs := flag.NewFlagSet("tool", flag.ContinueOnError)
	fs.SetOutput(out)
	fs.Int("n", 0, "a `count` of things")
	fs.Bool("q", false, "quiet")
	fs.Uint("u", 0, "unsigned")
	fs.Float64("f", 0, "float")
	fs.Duration("d", 0, "duration")
	fs.Func("fn", "a func", func(s string) error {
		if s == "bad" {
			return errors.New("fn refuses bad")
		}
		return nil
	})
	return fs
}

func try(args ...string) {
	var out bytes.Buffer
	fs := newSet(&out)
	err := fs.Parse(args)
	fmt.Printf("%q -> %v\n", args, err)
	fmt.Print(out.String())
	fmt.Println("--- help?", err == flag.ErrHelp)
}

func main() {
	try("-nope")
	try("-n")
	try("-n", "abc")
	try("-n", "99999999999999999999")
	try("-u", "-1")
	try("-f", "x")
	try("-d", "5")
	try("-q=maybe")
	try("-fn", "bad")
	try("---n", "1")
	try("-=x")
	try("-h")
	try("-help")
	try("-q", "-q=0", "-n=3")

	// A flag set that defines its own -h.
	var out bytes.Buffer
	fs := flag.NewFlagSet("h", flag.ContinueOnError)
	fs.SetOutput(&out)
	h := fs.Bool("h", false, "my h")
	fmt.Println(fs.Parse([]string{"-h"}), *h, out.Len())

	// Usage can be replaced.
	fs = flag.NewFlagSet("custom", flag.ContinueOnError)
	fs.SetOutput(&out)
	fs.Usage = func() { fmt.Fprintln(fs.Output(), "custom usage!") }
	fmt.Println(fs.Parse([]string{"-x"}))
	fmt.Print(out.String())

	// PanicOnError panics with the error.
	func() {
		defer func() { fmt.Println("panic:", recover()) }()
		ps := flag.NewFlagSet("panicky", flag.PanicOnError)
		ps.SetOutput(&bytes.Buffer{})
		ps.Parse([]string{"-missing"})
	}()

	// Redefinition panics, after printing to the output.
	func() {
		defer func() { fmt.Println("panic:", recover()) }()
		var o bytes.Buffer
		rs := flag.NewFlagSet("redef", flag.ContinueOnError)
		rs.SetOutput(&o)
		rs.Int("a", 0, "")
		defer func() { fmt.Print(o.String()) }()
		rs.String("a", "", "")
	}()
}
