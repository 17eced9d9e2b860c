// run

// fmt's table: every verb, with and without its flags, applied to a value of every
// kind the language has (named and unnamed, nil and not, Stringer, error,
// GoStringer, Formatter), one line per pair: `%verb | kind | output`. The expected
// output is the reference go's (testdata/regen.sh); values whose text would be an
// address (non-nil pointers other than to structs, maps, slices and arrays; funcs;
// channels) are left out, since it differs from run to run.
package main

import (
	"errors"
	"fmt"
)

type Celsius float64
type Name string
type Flags uint8
type Pair struct {
	A int
	B string
}
type Nested struct {
	P    Pair
	Ptr  *Pair
	List []int
	M    map[string]int
	Any  interface{}
	priv bool
}
type Stringy struct{ n int }

func (s Stringy) String() string { return fmt.Sprintf("Stringy(%d)", s.n) }

type GoStringy int

func (g GoStringy) GoString() string { return "GoStringy!" }

type Formatty int

func (f Formatty) Format(s fmt.State, verb rune) {
	w, wok := s.Width()
	p, pok := s.Precision()
	// Width and Precision are printed only when set: gc's are left over from an
	// earlier operand otherwise.
	if !wok {
		w = -1
	}
	if !pok {
		p = -1
	}
	fmt.Fprintf(s, "F[%c w=%d p=%d +%v -%v #%v sp%v 0%v]", verb, w, p,
		s.Flag('+'), s.Flag('-'), s.Flag('#'), s.Flag(' '), s.Flag('0'))
}

type errT struct{}

func (errT) Error() string { return "errT happened" }

func main() {
	var nilPtr *Pair
	var nilIface interface{}
	var nilErr error
	var nilMap map[string]int
	var nilSlice []int
	values := []struct {
		kind string
		v    interface{}
	}{
		{"bool", true},
		{"int", -42},
		{"int8", int8(-8)},
		{"int16", int16(1600)},
		{"int32", int32(-320000)},
		{"int64", int64(1) << 40},
		{"uint", uint(42)},
		{"uint8", uint8(200)},
		{"uint16", uint16(65535)},
		{"uint32", uint32(1) << 31},
		{"uint64", ^uint64(0)},
		{"uintptr", uintptr(0xbeef)},
		{"rune", 'ж'},
		{"float32", float32(3.25)},
		{"float64", 1234.5678},
		{"float64-small", 1e-7},
		{"float64-big", 6.02214076e23},
		{"float64-neg", -0.5},
		{"complex64", complex64(1 - 2i)},
		{"complex128", 3.5 + 0.25i},
		{"string", "héllo, \"world\"\n"},
		{"string-empty", ""},
		{"[]byte", []byte("bytes\x00\xff")},
		{"[]int", []int{1, -2, 3}},
		{"[]string", []string{"a", "b c"}},
		{"[2]bool", [2]bool{true, false}},
		{"map", map[string]int{"z": 26, "a": 1, "m": 13}},
		{"map-int-keys", map[int]string{3: "c", -1: "x", 2: "b"}},
		{"struct", Pair{7, "seven"}},
		{"*struct", &Pair{8, "eight"}},
		{"nested", Nested{P: Pair{1, "x"}, Ptr: nil, List: []int{4}, M: map[string]int{"k": 2}, Any: 3.5, priv: true}},
		{"anon-struct", struct {
			X int
			y []string
		}{5, []string{"q"}}},
		{"named-float", Celsius(36.6)},
		{"named-string", Name("gopher")},
		{"named-uint8", Flags(0x81)},
		{"Stringer", Stringy{3}},
		{"*Stringer", &Stringy{4}},
		{"GoStringer", GoStringy(9)},
		{"Formatter", Formatty(1)},
		{"error", errors.New("plain error")},
		{"custom-error", errT{}},
		{"wrapped-error", fmt.Errorf("outer: %w", errT{})},
		{"nil-pointer", nilPtr},
		{"nil-interface", nilIface},
		{"nil-error", nilErr},
		{"nil-map", nilMap},
		{"nil-slice", nilSlice},
		{"[]interface{}", []interface{}{1, "two", nil, 3.0, Pair{}}},
	}
	verbs := []string{
		"%v", "%+v", "%#v", "%T", "%t", "%d", "%+d", "%5d", "%-5d|", "%05d", "%b", "%o", "%O",
		"%#o", "%x", "%#x", "% x", "%X", "%#X", "%c", "%q", "%#q", "%+q", "%U", "%#U",
		"%e", "%E", "%.2e", "%f", "%F", "%.3f", "%8.2f", "%-8.2f|", "%+.1f", "%g", "%G",
		"%.3g", "%#g", "%s", "%10s", "%-10s|", "%.3s", "%x", "% X", "%p", "%6.2v", "%!",
		"%z", "%-+#0 8.3v",
	}
	for _, verb := range verbs {
		for _, val := range values {
			if verb == "%p" && val.kind != "nil-pointer" && val.kind != "nil-map" &&
				val.kind != "nil-slice" && val.kind != "int" && val.kind != "string" {
				continue // addresses differ between runs
			}
			fmt.Printf("%-8s| %-14s| ", verb, val.kind)
			fmt.Printf(verb, val.v)
			fmt.Println()
		}
	}
	// Width and precision from arguments, argument indexes, missing and extra
	// arguments, and nil / non-int widths.
	fmt.Printf("%*d|%-*d|%.*f|%*.*f|\n", 6, 42, 6, 42, 2, 3.14159, 9, 3, 2.71828)
	fmt.Printf("%[2]d %[1]d %d|%[3]*.[2]*[1]f|\n", 1, 2, 8)
	fmt.Printf("%d %d|\n", 1)
	fmt.Printf("%d|\n", 1, 2)
	fmt.Printf("%*d|\n", "x", 5)
	fmt.Printf("%[5]d|%[0]d|%[x]d|\n", 1, 2)
	fmt.Printf("%.*d|\n", -1, 5)
	fmt.Printf("%!d|%|\n")
	fmt.Println(fmt.Sprint("a", 1, 2, "b", "c", 3.0, nil), fmt.Sprintln("x", 1))
}
