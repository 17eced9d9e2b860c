// Copyright 2009 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// What scan.go (gc's own file, two edits) needs from the rest of gc's fmt: the
// pieces of print.go it uses (the rest of print.go is gojit's C++ engine,
// stdlib/format.cc), and the two stand-ins for math and sync.
//gojit:load-with scan.go

package fmt

import "unicode/utf8"

// Use simple []byte instead of bytes.Buffer to avoid large dependency.
type buffer []byte

func (b *buffer) write(p []byte) {
	*b = append(*b, p...)
}

func (b *buffer) writeString(s string) {
	*b = append(*b, s...)
}

func (b *buffer) writeByte(c byte) {
	*b = append(*b, c)
}

func (bp *buffer) writeRune(r rune) {
	if r < utf8.RuneSelf {
		*bp = append(*bp, byte(r))
		return
	}

	b := *bp
	n := len(b)
	for n+utf8.UTFMax > cap(b) {
		b = append(b, 0)
	}
	w := utf8.EncodeRune(b[n:n+utf8.UTFMax], r)
	*bp = b[:n+w]
}

// tooLarge reports whether the magnitude of the integer is
// too large to be used as a formatting width or precision.
func tooLarge(x int) bool {
	const max int = 1e6
	return x > max || x < -max
}

// parsenum converts ASCII to integer.  num is 0 (and isnum is false) if no number present.
func parsenum(s string, start, end int) (num int, isnum bool, newi int) {
	if start >= end {
		return 0, false, end
	}
	for newi = start; newi < end && '0' <= s[newi] && s[newi] <= '9'; newi++ {
		if tooLarge(num) {
			return 0, false, end // Overflow; crazy long number most likely.
		}
		num = num*10 + int(s[newi]-'0')
		isnum = true
	}
	return
}

// ssPool stands where gc has a sync.Pool of ss structs: every Get is a new ss and
// Put drops it (the collector takes it back). gc pools them to save an
// allocation per Scan call; a pool here would import sync into every program.
type ssPool struct{}

func (ssPool) Get() any { return new(ss) }

func (ssPool) Put(any) {}

// ldexp is math.Ldexp: frac × 2**exp, correctly rounded (C's ldexp).
func ldexp(frac float64, exp int) float64
