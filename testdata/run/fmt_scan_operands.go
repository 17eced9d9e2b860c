// run
// gojit-timeout: 120

// Scanning into defined types, []byte, custom Scanners (ReadRune, widths, Token, SkipSpace, Read), quoted and hex strings, floats and prefixed integers.

package main

import (
	"fmt"
	"io"
	"os"
	"strings"
)

type F float64
type S string
type B bool
type U uint16
type C complex64
type Bytes []byte
type Runes []rune

type reader struct{ seen []string }

func (r *reader) Scan(st fmt.ScanState, verb rune) error {
	w, ok := st.Width()
	r.seen = append(r.seen, fmt.Sprintf("verb=%c w=%d,%v", verb, w, ok))
	for {
		c, size, err := st.ReadRune()
		if err != nil {
			r.seen = append(r.seen, "err="+err.Error())
			return nil
		}
		r.seen = append(r.seen, fmt.Sprintf("%q/%d", c, size))
		if c == '!' {
			st.UnreadRune()
			return nil
		}
	}
}

type skipper struct{ tok string }

func (k *skipper) Scan(st fmt.ScanState, verb rune) error {
	st.SkipSpace()
	t, err := st.Token(false, nil)
	k.tok = string(t)
	_, rerr := st.Read(make([]byte, 1))
	if rerr != nil {
		k.tok += " read:" + rerr.Error()
	}
	return err
}

func main() {
	var f F
	var s S
	var b B
	var u U
	var c C
	var bs Bytes
	var rs Runes
	for _, in := range []string{"1.5 x true 7 1+1i hey", "  2e3  word  F  65535 (2-3i) 6869", "0x1p4 z 1 70000 0 zz"} {
		n, err := fmt.Sscan(in, &f, &s, &b, &u, &c, &bs)
		fmt.Println(n, err, f, s, b, u, c, string(bs))
	}
	n, err := fmt.Sscanf("1.5", "%d", &f)
	fmt.Println(n, err)
	n, err = fmt.Sscanf("abc", "%d", &s)
	fmt.Println(n, err)
	n, err = fmt.Sscanf("abc", "%x", &s)
	fmt.Println(n, err, s)
	n, err = fmt.Sscanf("1", "%s", &b)
	fmt.Println(n, err)
	n, err = fmt.Sscanf("1", "%s", &c)
	fmt.Println(n, err)
	n, err = fmt.Sscanf("616263", "%x", &bs)
	fmt.Println(n, err, string(bs))
	n, err = fmt.Sscan("x", &rs)
	fmt.Println(n, err)
	var r reader
	n, err = fmt.Sscanln("ab c!d", &r)
	fmt.Println(n, err, r.seen)
	r = reader{}
	n, err = fmt.Sscanln("ab\ncd", &r)
	fmt.Println(n, err, r.seen)
	r = reader{}
	n, err = fmt.Sscanf("abcdef", "%3v%s", &r, &s)
	fmt.Println(n, err, r.seen, s)
	r = reader{}
	n, err = fmt.Sscan("é\xffz!", &r)
	fmt.Println(n, err, r.seen)
	r = reader{}
	n, err = fmt.Fscan(io.MultiReader(strings.NewReader("é\xff"), strings.NewReader("\xc3z!")), &r)
	fmt.Println(n, err, r.seen)
	var k skipper
	n, err = fmt.Sscan("   tok1 tok2", &k)
	fmt.Println(n, err, k.tok)
	var a, bb int
	n, err = fmt.Sscanln("1 2\r\n", &a, &bb)
	fmt.Println(n, err, a, bb)
	n, err = fmt.Sscanln("1 2 \r\n3", &a, &bb)
	fmt.Println(n, err, a, bb)
	n, err = fmt.Sscanln("1 2 3", &a, &bb)
	fmt.Println(n, err, a, bb)
	n, err = fmt.Sscan("1\r\n2", &a, &bb)
	fmt.Println(n, err, a, bb)
	n, err = fmt.Sscanln("1\r2", &a, &bb)
	fmt.Println(n, err, a, bb)
	var q string
	n, err = fmt.Sscanf(`"unterminated`, "%q", &q)
	fmt.Println(n, err, q)
	n, err = fmt.Sscanf(`"bad \z escape"`, "%q", &q)
	fmt.Println(n, err, q)
	n, err = fmt.Sscanf("`multi\nline`", "%q", &q)
	fmt.Printf("%d %v %q\n", n, err, q)
	n, err = fmt.Sscanf("6g", "%x", &q)
	fmt.Println(n, err, q)
	var ch int8
	n, err = fmt.Sscanf("é", "%c", &ch)
	fmt.Println(n, err, ch)
	var r32 rune
	n, err = fmt.Sscanf("", "%c", &r32)
	fmt.Println(n, err, r32)
	var fl float64
	for _, in := range []string{"NaN", "-Inf", "+inf", "1.5p2", "1.5pz", "0x1.8", "1_000.5", "1e", ".5", "-.5e-3", "5.", "0x1p-1074", "1e400", "infinity"} {
		n, err = fmt.Sscan(in, &fl)
		fmt.Println(in, n, err, fl)
	}
	var u8 uint8
	for _, in := range []string{"0b11", "0o7", "0X1F", "0_7", "08", "-0", "+3", "256", "1__0"} {
		n, err = fmt.Sscan(in, &u8)
		fmt.Println(in, n, err, u8)
		n, err = fmt.Sscan(in, &a)
		fmt.Println(" ", n, err, a)
	}
	if len(os.Args) > 1 {
		var x, y int
		for {
			n, err := fmt.Scan(&x, &y)
			fmt.Println("stdin:", n, err, x, y)
			if err != nil {
				break
			}
		}
	}
}
