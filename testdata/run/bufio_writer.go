// run

// bufio.Writer: buffering until Flush, Available/Buffered, WriteByte/WriteRune/WriteString, ReadFrom, sticky errors, AvailableBuffer, Reset.

package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// failWriter accepts n bytes, then fails.
type failWriter struct{ n int }

func (w *failWriter) Write(p []byte) (int, error) {
	if len(p) <= w.n {
		w.n -= len(p)
		return len(p), nil
	}
	k := w.n
	w.n = 0
	return k, errors.New("disk full")
}

func main() {
	var sink bytes.Buffer
	w := bufio.NewWriterSize(&sink, 16)
	fmt.Println(w.Size(), w.Available(), w.Buffered())
	w.WriteString("hello")
	w.WriteByte(' ')
	w.WriteRune('w')
	fmt.Println(w.Buffered(), w.Available(), sink.Len())
	w.WriteRune('ö')
	w.Write([]byte("rld, and more than sixteen bytes"))
	fmt.Println(w.Buffered(), sink.Len())
	fmt.Println(w.Flush(), w.Buffered(), sink.String())

	sink.Reset()
	n, err := w.ReadFrom(strings.NewReader(strings.Repeat("0123456789", 5)))
	fmt.Println(n, err, w.Buffered(), sink.Len())
	w.Flush()
	fmt.Println(sink.Len())

	b := w.AvailableBuffer()
	b = strconv.AppendInt(b, 12345, 10)
	w.Write(b)
	w.Flush()
	fmt.Println(sink.String()[50:])

	fw := bufio.NewWriterSize(&failWriter{n: 10}, 8)
	nn, err := fw.WriteString("0123456789abcdef")
	fmt.Println(nn, err)
	fmt.Println(fw.Flush())
	nn, err = fw.WriteString("more")
	fmt.Println(nn, err)

	var other bytes.Buffer
	fw.Reset(&other)
	fw.WriteString("after reset")
	fmt.Println(fw.Flush(), other.String())

	def := bufio.NewWriter(&other)
	fmt.Println(def.Size(), def.Available())
	same := bufio.NewWriterSize(def, 100)
	fmt.Println(same == def)
}
