// run

// bufio.Scanner over in-memory readers: ScanLines (CRLF, no final newline), ScanWords, ScanRunes, ScanBytes, custom split, Buffer limits, ErrTooLong.

package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"strings"
)

func main() {
	sc := bufio.NewScanner(strings.NewReader("first line\r\nsecond\n\nlast without newline"))
	for sc.Scan() {
		fmt.Printf("%q\n", sc.Text())
	}
	fmt.Println(sc.Err())

	sc = bufio.NewScanner(strings.NewReader("  the quick\tbrown\n fox\u00a0jumps  "))
	sc.Split(bufio.ScanWords)
	n := 0
	for sc.Scan() {
		n++
		fmt.Printf("%q ", sc.Bytes())
	}
	fmt.Println(n)

	sc = bufio.NewScanner(strings.NewReader("hé\xffπ"))
	sc.Split(bufio.ScanRunes)
	for sc.Scan() {
		fmt.Printf("%q ", sc.Text())
	}
	fmt.Println()

	sc = bufio.NewScanner(bytes.NewBufferString("abc"))
	sc.Split(bufio.ScanBytes)
	for sc.Scan() {
		fmt.Printf("%q ", sc.Text())
	}
	fmt.Println()

	// A custom split function: comma-separated values, with an error for "bad".
	sc = bufio.NewScanner(strings.NewReader("1,22,333,bad,5"))
	sc.Split(func(data []byte, atEOF bool) (int, []byte, error) {
		for i, c := range data {
			if c == ',' {
				if string(data[:i]) == "bad" {
					return 0, nil, errors.New("bad token")
				}
				return i + 1, data[:i], nil
			}
		}
		if atEOF && len(data) > 0 {
			return len(data), data, bufio.ErrFinalToken
		}
		return 0, nil, nil
	})
	for sc.Scan() {
		fmt.Printf("%q ", sc.Text())
	}
	fmt.Println(sc.Err())

	sc = bufio.NewScanner(strings.NewReader(strings.Repeat("x", 100) + "\nshort\n"))
	sc.Buffer(make([]byte, 10), 50)
	for sc.Scan() {
		fmt.Println(sc.Text())
	}
	fmt.Println(sc.Err(), sc.Err() == bufio.ErrTooLong)

	sc = bufio.NewScanner(strings.NewReader(strings.Repeat("y", 70000) + "\nok\n"))
	lines := 0
	for sc.Scan() {
		lines++
		fmt.Println(len(sc.Text()))
	}
	fmt.Println(lines, sc.Err())

	sc = bufio.NewScanner(strings.NewReader("a b"))
	sc.Split(func(data []byte, atEOF bool) (int, []byte, error) { return -1, nil, nil })
	fmt.Println(sc.Scan(), sc.Err())
	sc = bufio.NewScanner(strings.NewReader("a b"))
	sc.Split(func(data []byte, atEOF bool) (int, []byte, error) { return 10, nil, nil })
	fmt.Println(sc.Scan(), sc.Err())
	fmt.Println(bufio.ErrTooLong, bufio.ErrNegativeAdvance, bufio.ErrAdvanceTooFar, bufio.ErrBadReadCount, bufio.MaxScanTokenSize)

	adv, tok, err := bufio.ScanLines([]byte("abc"), false)
	fmt.Println(adv, tok, err)
	adv, tok, err = bufio.ScanLines([]byte("abc\r"), true)
	fmt.Printf("%d %q %v\n", adv, tok, err)
}
