// run

// bufio.Reader: Read, ReadByte/UnreadByte, ReadRune/UnreadRune, ReadLine, ReadSlice, ReadString, ReadBytes, Peek, Discard, Buffered, Size, Reset, WriteTo.

package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"
)

// oneByteReader hands out one byte per Read, to exercise buffer refills.
type oneByteReader struct{ s string }

func (r *oneByteReader) Read(p []byte) (int, error) {
	if len(r.s) == 0 {
		return 0, io.EOF
	}
	if len(p) == 0 {
		return 0, nil
	}
	p[0] = r.s[0]
	r.s = r.s[1:]
	return 1, nil
}

func main() {
	r := bufio.NewReader(strings.NewReader("héllo world\nsecond line\r\nthird"))
	fmt.Println(r.Size(), r.Buffered())
	p, err := r.Peek(5)
	fmt.Printf("%q %v %d\n", p, err, r.Buffered())
	c, _ := r.ReadByte()
	fmt.Println(string(c), r.UnreadByte(), r.UnreadByte() == nil)
	c, _ = r.ReadByte()
	ru, size, err := r.ReadRune()
	fmt.Println(string(c), string(ru), size, err, r.UnreadRune(), r.UnreadRune())
	n, err := r.Discard(3)
	fmt.Println(n, err)
	s, err := r.ReadString('\n')
	fmt.Printf("%q %v\n", s, err)
	line, isPrefix, err := r.ReadLine()
	fmt.Printf("%q %v %v\n", line, isPrefix, err)
	bs, err := r.ReadBytes('\n')
	fmt.Printf("%q %v\n", bs, err)
	_, err = r.ReadByte()
	fmt.Println(err)

	// A small buffer: ReadSlice fills it and reports ErrBufferFull; ReadLine splits long lines.
	small := bufio.NewReaderSize(&oneByteReader{"0123456789abcdefghijklmnopqrstuvwxyz\nshort\n"}, 16)
	fmt.Println(small.Size())
	sl, err := small.ReadSlice('\n')
	fmt.Printf("%q %v\n", sl, err)
	for {
		l, pre, err := small.ReadLine()
		if err != nil {
			fmt.Println(err)
			break
		}
		fmt.Printf("%q %v\n", l, pre)
	}
	_, err = bufio.NewReaderSize(strings.NewReader("abc"), 16).Peek(17)
	fmt.Println(err)
	_, err = bufio.NewReaderSize(strings.NewReader("abc"), 16).Peek(-1)
	fmt.Println(err)
	pk, err := bufio.NewReader(strings.NewReader("abc")).Peek(5)
	fmt.Printf("%q %v\n", pk, err)

	// Read passes large reads straight through.
	big := bufio.NewReaderSize(strings.NewReader(strings.Repeat("x", 100)), 16)
	buf := make([]byte, 64)
	n, err = big.Read(buf)
	fmt.Println(n, err, big.Buffered())
	n, err = big.Read(buf)
	fmt.Println(n, err)
	n, err = big.Read(buf)
	fmt.Println(n, err)

	r.Reset(strings.NewReader("reset data"))
	var out bytes.Buffer
	m, err := r.WriteTo(&out)
	fmt.Println(m, err, out.String())
	d, err := bufio.NewReader(strings.NewReader("ab")).Discard(5)
	fmt.Println(d, err)

	words := bufio.NewReader(&oneByteReader{"a-b-c"})
	for {
		w, err := words.ReadString('-')
		fmt.Printf("%q %v\n", w, err)
		if err != nil {
			break
		}
	}
	fmt.Println(bufio.ErrBufferFull, bufio.ErrNegativeCount, bufio.ErrInvalidUnreadByte, bufio.ErrInvalidUnreadRune)
	rw := bufio.NewReadWriter(bufio.NewReader(strings.NewReader("in")), bufio.NewWriter(&out))
	rs, _ := rw.ReadString(0)
	rw.WriteString("+" + rs)
	rw.Flush()
	fmt.Println(out.String())
}
