// run

// fmt.Fprint/Fprintln/Fprintf to os.Stdout, os.Stderr and a user io.Writer,
// io.WriteString, fmt.Append*, Stringer and error values inside interfaces and
// struct fields.
package main

import (
	"fmt"
	"io"
	"os"
	"strings"
)

type counter struct {
	n     int
	lines []string
}

func (c *counter) Write(p []byte) (int, error) {
	c.n += len(p)
	c.lines = append(c.lines, string(p))
	return len(p), nil
}

type temp float64

func (t temp) String() string { return fmt.Sprintf("%.1f°C", float64(t)) }

type wrapper struct {
	Err error
	S   fmt.Stringer
	Any any
}

func main() {
	n, err := fmt.Fprintln(os.Stdout, "to stdout", 1, true)
	fmt.Println(n, err)
	fmt.Fprintf(os.Stderr, "to stderr %03d\n", 7)
	fmt.Fprint(os.Stdout, "a", "b", 1, 2, "c\n")

	c := &counter{}
	fmt.Fprintf(c, "%d-%s", 12, "x")
	fmt.Fprintln(c, "line")
	fmt.Fprint(c, 3.5)
	fmt.Println(c.n, c.lines)

	var w io.Writer = c
	io.WriteString(w, "ws")
	fmt.Println(c.n, len(c.lines))

	var sb strings.Builder
	fmt.Fprintf(&sb, "%s=%v;", "k", []int{1, 2})
	fmt.Fprintf(&sb, "%5.2f", 3.14159)
	fmt.Println(sb.String())

	b := fmt.Append(nil, "x", 1, 2)
	b = fmt.Appendf(b, "[%d]", 3)
	b = fmt.Appendln(b, "end")
	fmt.Print(string(b))

	var s fmt.Stringer = temp(21.5)
	fmt.Println(s, temp(-3))
	fmt.Printf("%v %s %d\n", s, s, 5)
	wr := wrapper{Err: fmt.Errorf("bad %d", 1), S: temp(1), Any: temp(2)}
	fmt.Printf("%v\n%+v\n", wr, wr)
	fmt.Println(wrapper{})
	fmt.Println([]fmt.Stringer{temp(1), nil, temp(3)})
	fmt.Println([]error{io.EOF, nil, io.ErrUnexpectedEOF})
	os.Stdout.WriteString("direct write\n")
	os.Stdout.Write([]byte("bytes write\n"))
	fmt.Println(os.Stdout.Name(), os.Stderr.Fd())
}
