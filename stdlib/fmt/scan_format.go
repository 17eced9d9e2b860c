// Scanf's formats: a format is split into directives (literal runes, runs of
// spaces and newlines, verbs with their widths, %%), which are then run in order
// against the input, filling one operand per verb.
//gojit:load-with scan.go

package fmt

import (
	"io"
	"unicode/utf8"
)

type directiveKind int

const (
	literalRune     directiveKind = iota // a rune the input must hold
	spaceRun                             // spaces and newlines of the format
	verbDirective                        // %[width]verb
	percentSign                          // %%
	danglingPercent                      // a % that ends the format
)

type directive struct {
	kind directiveKind
	r    rune // literalRune: the rune; verbDirective: the verb
	// spaceRun: how many newlines, and whether spaces follow the last one
	// (or the run has no newline).
	newlines     int
	endsInSpaces bool
	width        int // verbDirective: the width, when hasWidth
	hasWidth     bool
	rest         string // verbDirective: the format from the verb on
}

// nextDirective splits the directive at the start of format off the rest.
func nextDirective(format string) (d directive, rest string) {
	r, size := utf8.DecodeRuneInString(format)
	switch {
	case isSpace(r):
		d.kind = spaceRun
		for len(format) > 0 {
			r, size = utf8.DecodeRuneInString(format)
			if !isSpace(r) {
				break
			}
			if r == '\n' {
				d.newlines++
				d.endsInSpaces = false
			} else {
				d.endsInSpaces = true
			}
			format = format[size:]
		}
		return d, format
	case r != '%':
		d.kind, d.r = literalRune, r
		return d, format[size:]
	case size == len(format):
		d.kind = danglingPercent
		return d, ""
	case format[1] == '%':
		d.kind = percentSign
		return d, format[2:]
	}
	// A verb: % then decimal width digits, then the verb rune.
	d.kind = verbDirective
	i := 1
	for i < len(format) && format[i] >= '0' && format[i] <= '9' {
		if d.width > 1e6 {
			break // an absurd width: let the rest be taken as the verb
		}
		d.width = d.width*10 + int(format[i]-'0')
		d.hasWidth = true
		i++
	}
	d.r, size = utf8.DecodeRuneInString(format[i:])
	d.rest = format[i:]
	return d, format[i+size:]
}

// scanFormat runs format's directives against the input, filling operands and
// counting them in *n.
func (s *scanner) scanFormat(format string, a []any, n *int) {
	for len(format) > 0 {
		var d directive
		d, format = nextDirective(format)
		switch d.kind {
		case spaceRun:
			s.matchSpaces(d)
		case literalRune:
			if s.needRune() != d.r {
				s.UnreadRune()
				s.failf("input does not match format")
			}
		case danglingPercent:
			s.failf("missing verb: % at end of format string")
		case percentSign:
			s.SkipSpace()
			if s.nextRune() == eof {
				s.fail(io.ErrUnexpectedEOF)
			}
			s.UnreadRune()
			if !s.skip("%") {
				s.failf("missing literal %")
			}
		case verbDirective:
			if d.r != 'c' {
				s.SkipSpace()
			}
			if *n >= len(a) {
				s.failf("too few operands for format '%" + d.rest + "'")
			}
			s.width, s.hasWidth = d.width, d.hasWidth
			outer := s.limit
			if d.hasWidth && s.read+d.width < s.limit {
				s.limit = s.read + d.width
			}
			s.scanOperand(d.r, a[*n])
			*n++
			s.limit = outer
			s.width, s.hasWidth = 0, false
		}
	}
	if *n < len(a) {
		s.failf("too many operands")
	}
}

// matchSpaces runs a run of spaces and newlines of the format: each newline
// takes spaces and then a newline (or the end) of the input; spaces after the
// last newline take any spaces; and a run with no newline must take at least
// one space, or find the end of the input.
func (s *scanner) matchSpaces(d directive) {
	for i := 0; i < d.newlines; i++ {
		r := s.nextRune()
		for r != '\n' && r != eof && isSpace(r) {
			r = s.nextRune()
		}
		if r != '\n' && r != eof {
			s.failf("newline in format does not match input")
		}
	}
	if !d.endsInSpaces {
		return
	}
	r := s.nextRune()
	if d.newlines == 0 {
		if r == '\n' {
			s.failf("newline in input does not match format")
		}
		if r != eof && !isSpace(r) {
			s.failf("expected space in input to match format")
		}
	}
	for r != '\n' && r != eof && isSpace(r) {
		r = s.nextRune()
	}
	if r != eof {
		s.UnreadRune()
	}
}
