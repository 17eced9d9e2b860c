// run
// gojit-timeout: 120

// Sscan, Sscanln and Sscanf over a matrix of inputs, formats and operand types: values, counts and gc's error texts.

package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
)

type upper string

func (u *upper) Scan(st fmt.ScanState, verb rune) error {
	tok, err := st.Token(true, func(r rune) bool { return r != ',' && r != ' ' && r != '\n' })
	if err != nil {
		return err
	}
	*u = upper(strings.ToUpper(string(tok)))
	return nil
}

type pair struct{ a, b int }

func (p *pair) Scan(st fmt.ScanState, verb rune) error {
	w, ok := st.Width()
	_, err := fmt.Fscanf(st, "(%d,%d)", &p.a, &p.b)
	if ok {
		return fmt.Errorf("width %d", w)
	}
	return err
}

type failing struct{}

func (f *failing) Scan(st fmt.ScanState, verb rune) error { return errors.New("custom failure") }

func show(n int, err error, vals ...any) {
	fmt.Printf("  n=%d err=%v", n, err)
	for _, v := range vals {
		switch p := v.(type) {
		case *int:
			fmt.Printf(" %d", *p)
		case *int8:
			fmt.Printf(" %d", *p)
		case *uint8:
			fmt.Printf(" %d", *p)
		case *uint:
			fmt.Printf(" %d", *p)
		case *int64:
			fmt.Printf(" %d", *p)
		case *string:
			fmt.Printf(" %q", *p)
		case *[]byte:
			fmt.Printf(" %q", *p)
		case *float64:
			fmt.Printf(" %v", *p)
		case *float32:
			fmt.Printf(" %v", *p)
		case *complex128:
			fmt.Printf(" %v", *p)
		case *bool:
			fmt.Printf(" %v", *p)
		case *rune:
			fmt.Printf(" %q", *p)
		case *upper:
			fmt.Printf(" %q", string(*p))
		case *pair:
			fmt.Printf(" %v", *p)
		case *uintptr:
			fmt.Printf(" %d", *p)
		default:
			fmt.Printf(" %T", v)
		}
	}
	fmt.Println()
}

func main() {
	sscan := []string{"", " ", "1", "1 2", " 1\n2 ", "1\n\n2\n", "x", "1 x", "0x1f 0b101", "0o17 017", "1_000 -2", "+5 -0", "99999999999999999999 1",
		"3.5 2", "1e3 4", "0x1p-2 1", "true false", "T F", "yes 1", "'a' 2", "\"quoted\" 3", "1\r\n2", "abc def", "-", "1e", "0x", "1.5e+2 7", "  \t 8 \t 9  "}
	for _, in := range sscan {
		var a, b int
		fmt.Printf("Sscan(%q) ints\n", in)
		n, err := fmt.Sscan(in, &a, &b)
		show(n, err, &a, &b)
		var s1, s2 string
		fmt.Printf("Sscan(%q) strings\n", in)
		n, err = fmt.Sscan(in, &s1, &s2)
		show(n, err, &s1, &s2)
		var f float64
		var bl bool
		fmt.Printf("Sscan(%q) float bool\n", in)
		n, err = fmt.Sscan(in, &f, &bl)
		show(n, err, &f, &bl)
		a, b = 0, 0
		fmt.Printf("Sscanln(%q) ints\n", in)
		n, err = fmt.Sscanln(in, &a, &b)
		show(n, err, &a, &b)
		s1, s2 = "", ""
		fmt.Printf("Sscanln(%q) strings\n", in)
		n, err = fmt.Sscanln(in, &s1, &s2)
		show(n, err, &s1, &s2)
	}
	type fcase struct{ in, format string }
	fcases := []fcase{
		{"1 2", "%d %d"}, {"1  2", "%d %d"}, {"12", "%d %d"}, {"1 2", "%d%d"}, {"1,2", "%d,%d"}, {"1, 2", "%d,%d"}, {"1 ,2", "%d,%d"},
		{"1\n2", "%d %d"}, {"1\n2", "%d\n%d"}, {"1 \n 2", "%d \n %d"}, {"1 2", "%d\n%d"}, {"1\n2", "%d%d"},
		{"abc", "%s"}, {"abc def", "%s"}, {"abc def", "%3s%s"}, {" 1234567 ", "%5s%d"}, {" 12 34 567 ", "%5s%d"},
		{"ff", "%x"}, {"FF", "%X"}, {"777", "%o"}, {"101", "%b"}, {"0x10", "%v"}, {"0x10", "%d"}, {"z", "%c"}, {" z", "%c"}, {"é", "%c"},
		{"U+0041", "%U"}, {"41", "%U"}, {"3.25", "%f"}, {"3.25", "%e"}, {"0x1.8p1", "%g"}, {"1+2i", "%v"}, {"(1+2i)", "%v"}, {"2i", "%v"},
		{"true", "%t"}, {"true", "%v"}, {"1", "%t"}, {"maybe", "%t"}, {"t", "%t"}, {"\"hi there\"", "%q"}, {"`raw`", "%q"}, {"hi", "%q"},
		{"68656c6c6f", "%x"}, {"68656c6c6", "%x"}, {"zz", "%x"}, {"50%", "%d%%"}, {"50 %", "%d%%"}, {"50", "%d%%"}, {"5", "%z"}, {"5", "%"},
		{"5", "%d %d"}, {"5 6 7", "%d %d"}, {"", "%d"}, {" ", "%d"}, {"\n", "%d"}, {"a5", "a%d"}, {"b5", "a%d"}, {"5", "%5d"}, {"123456", "%3d%d"},
		{"x:1 y:2", "x:%d y:%d"}, {"x:1  y:2", "x:%d y:%d"}, {"x:1y:2", "x:%d y:%d"}, {"1\r\n2", "%d\n%d"}, {"1 \n", "%d \n"}, {"1", "%d\n"},
		{"1\n", "%d"}, {"1\n\n", "%d\n"}, {"255", "%d"}, {"300", "%d"}, {"-129", "%d"}, {"abc", "%d"}, {"1_000", "%d"}, {"1_000", "%v"},
		{"(3,4)", "%v"}, {"(3,4)", "%5v"}, {"word,rest", "%v"}, {"x", "%v"}, {"\"a\\tb\"", "%q"}, {"'c'", "%q"},
	}
	for _, c := range fcases {
		fmt.Printf("Sscanf(%q, %q)\n", c.in, c.format)
		var a, b int
		var s string
		var by []byte
		var f float64
		var cx complex128
		var bl bool
		var r rune
		var u8 uint8
		var i8 int8
		var up upper
		var pr pair
		var fl failing
		switch {
		case strings.Contains(c.format, "%s") && strings.Contains(c.format, "%d"):
			n, err := fmt.Sscanf(c.in, c.format, &s, &a)
			show(n, err, &s, &a)
		case strings.Count(c.format, "%s") == 2, strings.HasPrefix(c.format, "%3s%s"):
			var s2 string
			n, err := fmt.Sscanf(c.in, c.format, &s, &s2)
			show(n, err, &s, &s2)
		case strings.Contains(c.format, "%s"):
			n, err := fmt.Sscanf(c.in, c.format, &s)
			show(n, err, &s)
		case c.format == "%q":
			n, err := fmt.Sscanf(c.in, c.format, &s)
			show(n, err, &s)
			n, err = fmt.Sscanf(c.in, c.format, &r)
			show(n, err, &r)
		case c.format == "%x" && !strings.HasPrefix(c.in, "f") && !strings.HasPrefix(c.in, "F"):
			n, err := fmt.Sscanf(c.in, c.format, &by)
			show(n, err, &by)
			n, err = fmt.Sscanf(c.in, c.format, &s)
			show(n, err, &s)
		case c.format == "%c" || c.format == "%U":
			n, err := fmt.Sscanf(c.in, c.format, &r)
			show(n, err, &r)
		case c.format == "%f" || c.format == "%e" || c.format == "%g":
			n, err := fmt.Sscanf(c.in, c.format, &f)
			show(n, err, &f)
			var f32 float32
			n, err = fmt.Sscanf(c.in, c.format, &f32)
			show(n, err, &f32)
		case c.format == "%t":
			n, err := fmt.Sscanf(c.in, c.format, &bl)
			show(n, err, &bl)
			n, err = fmt.Sscanf(c.in, c.format, &a)
			show(n, err, &a)
		case c.format == "%v":
			n, err := fmt.Sscanf(c.in, c.format, &a)
			show(n, err, &a)
			n, err = fmt.Sscanf(c.in, c.format, &cx)
			show(n, err, &cx)
			n, err = fmt.Sscanf(c.in, c.format, &bl)
			show(n, err, &bl)
			n, err = fmt.Sscanf(c.in, c.format, &up)
			show(n, err, &up)
			n, err = fmt.Sscanf(c.in, c.format, &pr)
			show(n, err, &pr)
			n, err = fmt.Sscanf(c.in, c.format, &fl)
			show(n, err, &fl)
			n, err = fmt.Sscanf(c.in, c.format, &s)
			show(n, err, &s)
		case c.format == "%5v":
			n, err := fmt.Sscanf(c.in, c.format, &pr)
			show(n, err, &pr)
		default:
			n, err := fmt.Sscanf(c.in, c.format, &a, &b)
			show(n, err, &a, &b)
			n, err = fmt.Sscanf(c.in, c.format, &u8, &i8)
			show(n, err, &u8, &i8)
		}
	}
	// Non-pointer and unsupported operands.
	var x int
	n, err := fmt.Sscan("1", x)
	show(n, err)
	var m map[string]int
	n, err = fmt.Sscan("1", &m)
	show(n, err)
	var ip *int
	n, err = fmt.Sscan("1", &ip)
	show(n, err)
	var u uint
	n, err = fmt.Sscan("-1", &u)
	show(n, err, &u)
	var up uintptr
	n, err = fmt.Sscan("0x10", &up)
	show(n, err, &up)
	var named struct{ V int }
	n, err = fmt.Sscan("1", &named)
	show(n, err)
	type myInt int
	var mi myInt
	n, err = fmt.Sscan("42", &mi)
	fmt.Println("  myInt", n, err, mi)
	var bs []byte
	n, err = fmt.Sscan("bytes!", &bs)
	show(n, err, &bs)
	var c64 complex64
	n, err = fmt.Sscan("1.5-2.5i", &c64)
	fmt.Println(" ", n, err, c64)
	var i64 int64
	n, err = fmt.Sscanf("9223372036854775808", "%d", &i64)
	show(n, err, &i64)
	n, err = fmt.Sscanf("-9223372036854775808", "%d", &i64)
	show(n, err, &i64)
	var up2 upper
	var i2 int
	n, err = fmt.Sscan("abc,5 7", &up2, &i2)
	show(n, err, &up2, &i2)

	// Readers: Fscan over a plain io.Reader loses at most a rune; over bufio it does not.
	r := strings.NewReader("10 20\n30 x")
	var a, b, c int
	n, err = fmt.Fscan(r, &a, &b)
	show(n, err, &a, &b)
	n, err = fmt.Fscanln(r, &c)
	show(n, err, &c)
	n, err = fmt.Fscan(r, &c)
	show(n, err, &c)
	br := bufio.NewReader(strings.NewReader("1\n2\n3\n"))
	for {
		var v int
		n, err := fmt.Fscanln(br, &v)
		show(n, err, &v)
		if err == io.EOF {
			break
		}
	}
	lr := io.LimitReader(strings.NewReader("7 8 9"), 3)
	n, err = fmt.Fscan(lr, &a, &b)
	show(n, err, &a, &b)
	n, err = fmt.Fscanf(strings.NewReader("5-6"), "%d-%d", &a, &b)
	show(n, err, &a, &b)
	fmt.Println(errors.Is(err, io.EOF))
	_, err = fmt.Sscan("", &a)
	fmt.Println(err == io.EOF)
	_, err = fmt.Sscan("1", &a, &b)
	fmt.Println(err == io.ErrUnexpectedEOF)
}
