// run
// gojit-timeout: 120

// flag.PrintDefaults byte for byte: back-quoted names, type names, defaults left out when zero, multi-line usage, sorting; the default Usage header.

package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"time"
)

type custom struct{ s string }

func (c *custom) String() string {
	if c == nil {
		return ""
	}
	return c.s
}
func (c *custom) Set(s string) error { c.s = s; return nil }

func main() {
	var out bytes.Buffer
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	fs.SetOutput(&out)
	fs.Bool("verbose", false, "print more")
	fs.Bool("color", true, "use colour")
	fs.Int("n", 0, "number of `iterations`")
	fs.Int("workers", 4, "worker count")
	fs.Int64("big", 0, "an int64")
	fs.Uint("u", 3, "a uint")
	fs.Uint64("u64", 0, "a uint64")
	fs.String("name", "", "the `user` name")
	fs.String("greeting", "hello world", "what to say")
	fs.String("quote", "a\"b", "needs quoting")
	fs.Float64("ratio", 0, "a float")
	fs.Float64("scale", 1.5, "a float with a default")
	fs.Duration("timeout", 0, "a duration")
	fs.Duration("interval", 2*time.Second, "a duration with a default")
	fs.Func("hook", "a func flag", func(string) error { return nil })
	fs.Var(&custom{}, "custom", "a custom `thing`")
	fs.Var(&custom{"preset"}, "custom2", "a custom value with a default")
	fs.String("multi", "", "line one\nline two\nline three")
	fs.Bool("x", false, "a single letter flag")
	fs.PrintDefaults()
	fmt.Print(out.String())

	out.Reset()
	fmt.Println(fs.Parse([]string{"-unknown"}))
	fmt.Print(out.String())

	for _, u := range []string{"a `name` to show", "no quotes", "`unterminated", "``empty"} {
		f := &flag.Flag{Name: "f", Usage: u, Value: nil}
		fs3 := flag.NewFlagSet("q", flag.ContinueOnError)
		fs3.String("s", "", u)
		fs3.Int("i", 0, u)
		fs3.Bool("b", false, u)
		name, usage := flag.UnquoteUsage(fs3.Lookup("s"))
		fmt.Printf("%q %q\n", name, usage)
		name, usage = flag.UnquoteUsage(fs3.Lookup("i"))
		fmt.Printf("%q %q\n", name, usage)
		name, usage = flag.UnquoteUsage(fs3.Lookup("b"))
		fmt.Printf("%q %q\n", name, usage)
		_ = f
	}

	// The command-line set: its name is os.Args[0]; Parse has not run yet.
	fmt.Println(flag.CommandLine.Name() == os.Args[0], flag.Parsed(), flag.NArg(), flag.NFlag())
	flag.Int("cmdline", 5, "a flag on CommandLine")
	flag.Var(&custom{}, "cv", "custom on CommandLine")
	flag.CommandLine.SetOutput(&out)
	out.Reset()
	flag.PrintDefaults()
	fmt.Print(out.String())
	fmt.Println(flag.Lookup("cmdline").DefValue, flag.Set("cmdline", "6"), flag.Lookup("cmdline").Value)
	flag.Parse()
	fmt.Println(flag.Parsed(), flag.Args(), flag.Arg(0) == "", flag.NFlag())
	flag.Visit(func(f *flag.Flag) { fmt.Println("set:", f.Name) })
	flag.VisitAll(func(f *flag.Flag) { fmt.Println("all:", f.Name) })
}
