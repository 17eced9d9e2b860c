// run

// bytes.Buffer and bytes.Reader: writes, reads, runes, unread, truncate, grow, next, ReadFrom/WriteTo, Seek, ReadAt.

package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
)

func main() {
	var b bytes.Buffer
	b.WriteString("hello ")
	b.Write([]byte("wörld"))
	b.WriteByte('!')
	b.WriteRune('→')
	b.WriteRune('x')
	fmt.Println(b.Len(), b.String())
	fmt.Printf("%q\n", b.Next(6))
	r, size, err := b.ReadRune()
	fmt.Println(string(r), size, err)
	r, size, err = b.ReadRune()
	fmt.Println(string(r), size, err)
	fmt.Println(b.UnreadRune(), b.UnreadRune())
	c, err := b.ReadByte()
	fmt.Println(string(c), err, b.UnreadByte(), b.Len())
	line, err := b.ReadString('!')
	fmt.Printf("%q %v\n", line, err)
	rest, err := b.ReadBytes('?')
	fmt.Printf("%q %v\n", rest, err)
	_, _, err = b.ReadRune()
	fmt.Println(err, b.Len(), b.UnreadByte() != nil)

	b.Reset()
	fmt.Fprintf(&b, "%d-%s", 42, "x")
	b.Truncate(2)
	fmt.Println(b.String(), b.Len())
	b.Grow(1000)
	fmt.Println(b.Cap() >= 1002, b.String())

	nb := bytes.NewBufferString("line one\nline two\nlast")
	for {
		l, err := nb.ReadString('\n')
		fmt.Printf("%q %v\n", l, err)
		if err != nil {
			break
		}
	}
	p := make([]byte, 4)
	n, err := nb.Read(p)
	fmt.Println(n, err)
	n, err = nb.Read(nil)
	fmt.Println(n, err)

	var dst bytes.Buffer
	m, err := dst.ReadFrom(strings.NewReader(strings.Repeat("abcdefgh", 100)))
	fmt.Println(m, err, dst.Len())
	var out strings.Builder
	m, err = dst.WriteTo(&out)
	fmt.Println(m, err, out.Len(), dst.Len())

	nb2 := bytes.NewBuffer([]byte("prefilled"))
	fmt.Println(nb2.String(), string(nb2.Bytes()[:3]))
	fmt.Println(bytes.MinRead, bytes.ErrTooLarge)

	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		b.Truncate(100)
	}()

	rd := bytes.NewReader([]byte("0123456789"))
	fmt.Println(rd.Len(), rd.Size())
	buf := make([]byte, 3)
	n, err = rd.Read(buf)
	fmt.Println(n, err, string(buf))
	pos, err := rd.Seek(-2, io.SeekEnd)
	fmt.Println(pos, err)
	n, err = rd.Read(buf)
	fmt.Println(n, err, string(buf[:n]))
	n, err = rd.Read(buf)
	fmt.Println(n, err)
	n, err = rd.ReadAt(buf, 4)
	fmt.Println(n, err, string(buf))
	n, err = rd.ReadAt(buf, 8)
	fmt.Println(n, err, string(buf[:n]))
	_, err = rd.Seek(-1, io.SeekStart)
	fmt.Println(err)
	rd.Reset([]byte("héllo"))
	rb, _ := rd.ReadByte()
	rr, sz, _ := rd.ReadRune()
	fmt.Println(string(rb), string(rr), sz, rd.UnreadRune(), rd.UnreadRune())
	var sb strings.Builder
	m, err = rd.WriteTo(&sb)
	fmt.Println(m, err, sb.String())
	fmt.Println(errors.Is(rd.UnreadByte(), nil))
}
