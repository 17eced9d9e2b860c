// run
// gojit-timeout: 120

// fmt's scanning: Sscan, Sscanln, Sscanf and the Fscan family over
// readers, every operand kind (named types through reflect), custom Scanners, and
// gc's errors.
package main

import (
	"bufio"
	"fmt"
	"strings"
)

type Celsius float64
type Level uint16
type Tag string

// coords implements fmt.Scanner: "(x,y)".
type coords struct{ x, y int }

func (c *coords) Scan(st fmt.ScanState, verb rune) error {
	_, err := fmt.Fscanf(st, "(%d,%d)", &c.x, &c.y)
	return err
}

func main() {
	var i int
	var s string
	var f float64
	var b bool
	var u uint8
	n, err := fmt.Sscan("", &i)
	fmt.Println(n, err)
	n, err = fmt.Sscan("abc", &i)
	fmt.Println(n, err)
	n, err = fmt.Sscan("12 x 3.5 true 300", &i, &s, &f, &b, &u)
	fmt.Println(n, err, i, s, f, b, u)
	n, err = fmt.Sscanln("1 2\n3", &i, &u)
	fmt.Println(n, err, i, u)
	n, err = fmt.Sscanln("1\n2", &i, &u)
	fmt.Println(n, err)
	n, err = fmt.Sscan("1\n\n 2", &i, &u)
	fmt.Println(n, err, i, u)
	n, err = fmt.Sscanf("age=42 name:bob", "age=%d name:%s", &i, &s)
	fmt.Println(n, err, i, s)
	n, err = fmt.Sscanf("7-8", "%d-%d", &i, &u)
	fmt.Println(n, err, i, u)
	n, err = fmt.Sscanf("x", "%d", &i)
	fmt.Println(n, err)
	n, err = fmt.Sscanf("5 6", "%d %d %d", &i, &i, &i)
	fmt.Println(n, err)
	n, err = fmt.Sscan("0x1f -0b101 0o17 1_000", &i, &i, &i, &i)
	fmt.Println(n, err, i)
	n, err = fmt.Sscan("99999999999999999999", &i)
	fmt.Println(n, err)
	n, err = fmt.Sscan("3", &s, &i)
	fmt.Println(n, err)
	n, err = fmt.Sscan("1e3 -inf", &f, &f)
	fmt.Println(n, err, f)
	n, err = fmt.Sscanf("ff", "%x", &i)
	fmt.Println(n, err, i)
	n, err = fmt.Sscanf("hello world", "%5s%s", &s, &s)
	fmt.Println(n, err, s)
	n, err = fmt.Sscan("T", &b)
	fmt.Println(n, err, b)
	n, err = fmt.Sscan("yes", &b)
	fmt.Println(n, err, b)
	var r rune
	n, err = fmt.Sscanf("é!", "%c", &r)
	fmt.Println(n, err, r)
	n, err = fmt.Sscanf(`"quoted str" x`, "%q", &s)
	fmt.Println(n, err, s)
	n, err = fmt.Sscan("5", 5)
	fmt.Println(n, err)
	var c Celsius
	var l Level
	var t Tag
	var cx complex128
	n, err = fmt.Sscan("36.6 512 label (1+2i)", &c, &l, &t, &cx)
	fmt.Println(n, err, c, l, t, cx)
	var bs []byte
	n, err = fmt.Sscan("raw", &bs)
	fmt.Println(n, err, string(bs))
	var pt coords
	n, err = fmt.Sscan("(3,-4) 9", &pt, &i)
	fmt.Println(n, err, pt, i)
	rd := strings.NewReader("10 20\n30 40\nlast line here\n")
	var a1, a2 int
	for {
		n, err := fmt.Fscanln(rd, &a1, &a2)
		if err != nil {
			fmt.Println("Fscanln stops:", n, err)
			break
		}
		fmt.Println("pair", a1, a2)
	}
	br := bufio.NewReader(strings.NewReader("x=1 y=2.5\n"))
	n, err = fmt.Fscanf(br, "x=%d y=%g\n", &i, &f)
	fmt.Println(n, err, i, f)
	words := 0
	sr := strings.NewReader("the quick  brown\n\tfox")
	for {
		var w string
		if _, err := fmt.Fscan(sr, &w); err != nil {
			break
		}
		words++
	}
	fmt.Println("words:", words)
}
