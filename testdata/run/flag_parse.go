// run
// gojit-timeout: 120

// flag.FlagSet: every flag kind and its Var form, Func, Var, Parse of fixed argument lists, Args/NArg/Arg/NFlag, Lookup, Set, Visit, VisitAll.

package main

import (
	"flag"
	"fmt"
	"strings"
	"time"
)

// listValue is a user flag.Value collecting repeated flags.
type listValue []string

func (l *listValue) String() string { return strings.Join(*l, ",") }
func (l *listValue) Set(s string) error {
	*l = append(*l, s)
	return nil
}

func main() {
	fs := flag.NewFlagSet("prog", flag.ContinueOnError)
	v := fs.Bool("v", false, "verbose")
	n := fs.Int("n", 1, "count")
	n64 := fs.Int64("n64", -5, "big count")
	u := fs.Uint("u", 7, "unsigned")
	u64 := fs.Uint64("u64", 0, "big unsigned")
	name := fs.String("name", "anon", "your name")
	ratio := fs.Float64("ratio", 0.5, "a ratio")
	wait := fs.Duration("wait", time.Second, "how long")
	var b2 bool
	var i2 int
	var s2 string
	var d2 time.Duration
	var f2 float64
	var i642 int64
	var ui2 uint
	var ui642 uint64
	fs.BoolVar(&b2, "b2", true, "")
	fs.IntVar(&i2, "i2", 3, "")
	fs.StringVar(&s2, "s2", "def", "")
	fs.DurationVar(&d2, "d2", 0, "")
	fs.Float64Var(&f2, "f2", 1e3, "")
	fs.Int64Var(&i642, "i642", 0, "")
	fs.UintVar(&ui2, "ui2", 0, "")
	fs.Uint64Var(&ui642, "ui642", 0, "")
	var list listValue
	fs.Var(&list, "item", "an item (repeatable)")
	var seen []string
	fs.Func("hook", "called per use", func(s string) error {
		seen = append(seen, s)
		return nil
	})

	fmt.Println(fs.Parsed(), fs.Name(), *v, *n, *name, *wait)
	args := []string{"-v", "-n=42", "--n64", "-9", "-u", "0x10", "-u64=18446744073709551615",
		"-name", "gopher", "-ratio=2.5e-1", "-wait", "1m30s", "-b2=false", "-i2", "-7",
		"-s2=", "-d2=250ms", "-f2", "-Inf", "-i642=0777", "-ui2=12", "-ui642", "0b101",
		"-item", "a", "-item=b", "-hook", "x", "-hook=y", "rest1", "-notaflag", "--", "rest3"}
	err := fs.Parse(args)
	fmt.Println(err, fs.Parsed())
	fmt.Println(*v, *n, *n64, *u, *u64, *name, *ratio, *wait)
	fmt.Println(b2, i2, s2 == "", d2, f2, i642, ui2, ui642, list, seen)
	fmt.Println(fs.NArg(), fs.Args(), fs.Arg(0), fs.Arg(2), fs.Arg(5) == "", fs.NFlag())

	fs.Visit(func(f *flag.Flag) { fmt.Print(f.Name, "=", f.Value, " ") })
	fmt.Println()
	fs.VisitAll(func(f *flag.Flag) { fmt.Print(f.Name, ":", f.DefValue, " ") })
	fmt.Println()

	f := fs.Lookup("name")
	fmt.Println(f.Name, f.Usage, f.DefValue, f.Value.String(), f.Value.(flag.Getter).Get())
	fmt.Println(fs.Lookup("nope") == nil)
	err = fs.Set("n", "100")
	fmt.Println(err, *n)
	err = fs.Set("nope", "1")
	fmt.Println(err)
	err = fs.Set("n", "zz")
	fmt.Println(err, *n)

	// "--" stops parsing; a lone "-" is an argument; parsing stops at the first non-flag.
	fs2 := flag.NewFlagSet("two", flag.ContinueOnError)
	x := fs2.Int("x", 0, "")
	fmt.Println(fs2.Parse([]string{"-x", "1", "-", "-x", "2"}), *x, fs2.Args())
	fmt.Println(fs2.Parse([]string{"--", "-x", "3"}), *x, fs2.Args())
	fmt.Println(fs2.Parse(nil), fs2.NArg())

	// The zero FlagSet works, and Init names it.
	var zero flag.FlagSet
	zero.Init("zeroset", flag.ContinueOnError)
	zb := zero.Bool("z", false, "")
	fmt.Println(zero.Parse([]string{"-z"}), *zb, zero.Name(), zero.ErrorHandling() == flag.ContinueOnError)
	fmt.Println(flag.ContinueOnError, flag.ExitOnError, flag.PanicOnError)
}
