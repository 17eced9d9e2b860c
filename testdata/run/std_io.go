// run

// io helpers over user readers and writers and strings.Reader: ReadAll, ReadFull,
// ReadAtLeast, Copy, CopyN, LimitReader, MultiReader, MultiWriter, TeeReader,
// Discard, EOF handling.
package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
)

// chunky returns at most 3 bytes per Read.
type chunky struct {
	s string
}

func (c *chunky) Read(p []byte) (int, error) {
	if len(c.s) == 0 {
		return 0, io.EOF
	}
	n := 3
	if n > len(p) {
		n = len(p)
	}
	if n > len(c.s) {
		n = len(c.s)
	}
	copy(p, c.s[:n])
	c.s = c.s[n:]
	return n, nil
}

type sink struct{ buf []byte }

func (s *sink) Write(p []byte) (int, error) {
	s.buf = append(s.buf, p...)
	return len(p), nil
}

type failWriter struct{}

func (failWriter) Write(p []byte) (int, error) { return 0, errors.New("disk full") }

func main() {
	b, err := io.ReadAll(&chunky{"hello, world"})
	fmt.Printf("%q %v\n", b, err)

	buf := make([]byte, 5)
	n, err := io.ReadFull(&chunky{"abcdefgh"}, buf)
	fmt.Println(n, err, string(buf[:n]))
	n, err = io.ReadFull(&chunky{"ab"}, buf)
	fmt.Println(n, err)
	n, err = io.ReadFull(&chunky{""}, buf)
	fmt.Println(n, err)
	n, err = io.ReadAtLeast(&chunky{"abcdef"}, buf, 2)
	fmt.Println(n, err)
	n, err = io.ReadAtLeast(&chunky{"abcdef"}, buf[:1], 2)
	fmt.Println(n, err)

	s := &sink{}
	w, err := io.Copy(s, &chunky{"copy me please"})
	fmt.Println(w, err, string(s.buf))
	s = &sink{}
	w, err = io.CopyN(s, strings.NewReader("0123456789"), 4)
	fmt.Println(w, err, string(s.buf))
	w, err = io.CopyN(s, strings.NewReader("01"), 4)
	fmt.Println(w, err, string(s.buf))
	w, err = io.Copy(failWriter{}, &chunky{"x"})
	fmt.Println(w, err)

	lr := io.LimitReader(strings.NewReader("limited reader"), 7)
	b, _ = io.ReadAll(lr)
	fmt.Println(string(b))

	mr := io.MultiReader(&chunky{"one "}, strings.NewReader("two "), &chunky{"three"})
	b, _ = io.ReadAll(mr)
	fmt.Println(string(b))

	s1, s2 := &sink{}, &sink{}
	mw := io.MultiWriter(s1, s2)
	fmt.Fprintf(mw, "both %d", 2)
	fmt.Println(string(s1.buf), string(s2.buf))

	s3 := &sink{}
	tr := io.TeeReader(&chunky{"tee data"}, s3)
	b, _ = io.ReadAll(tr)
	fmt.Println(string(b), string(s3.buf))

	n2, err := io.WriteString(io.Discard, "nothing")
	fmt.Println(n2, err)
	n64, err := io.Copy(io.Discard, strings.NewReader("abc"))
	fmt.Println(n64, err)

	r := strings.NewReader("héllo")
	fmt.Println(r.Len(), r.Size())
	ch, size, err := r.ReadRune()
	fmt.Println(string(ch), size, err)
	ch, size, err = r.ReadRune()
	fmt.Println(string(ch), size, err, r.Len())
	fmt.Println(r.UnreadRune(), r.Len(), r.UnreadRune())
	c, err := r.ReadByte()
	fmt.Println(c, err, r.UnreadByte())
	rest, _ := io.ReadAll(r)
	fmt.Println(string(rest), r.Len())
	_, err = r.ReadByte()
	fmt.Println(err == io.EOF, err)
	pos, err := r.Seek(1, io.SeekStart)
	fmt.Println(pos, err)
	p := make([]byte, 3)
	n, err = r.ReadAt(p, 4)
	fmt.Println(n, err, string(p[:n]))
	r.Reset("new")
	b, _ = io.ReadAll(r)
	fmt.Println(string(b))
	fmt.Println(io.EOF, io.ErrUnexpectedEOF, io.ErrShortWrite)
}
