// Package unicode provides data and functions to test some properties of Unicode
// code points, as Go's unicode does (Unicode 13.0.0, as Go 1.19). The category
// predicates, case mappings and SimpleFold are natives over tables generated from
// the reference Go (stdlib/unicode_tables.cc); Latin-1 and ASCII take fast paths in
// Go. The predefined RangeTables (Upper, Letter, ...) carry a class index the
// natives answer for; a program's own RangeTable is searched here in Go.
// Not yet: the script and property tables (Han, Latin, ...), SpecialCase.
package unicode

const (
	MaxRune         = '\U0010FFFF' // Maximum valid Unicode code point.
	ReplacementChar = '\uFFFD'     // Represents invalid code points.
	MaxASCII        = '\u007F'     // maximum ASCII value.
	MaxLatin1       = '\u00FF'     // maximum Latin-1 value.
)

// Indices into the CaseRange Delta arrays.
const (
	UpperCase = iota
	LowerCase
	TitleCase
	MaxCase
)

// UpperLower in a CaseRange Delta marks alternating upper/lower case pairs.
const UpperLower = MaxRune + 1

// The classes of stdlib/unicode_tables.h, in its order.
const (
	catUpper = iota
	catLower
	catTitle
	catLetter
	catMark
	catDigit
	catNumber
	catPunct
	catSymbol
	catSpace
	catZs
	catControl
)

// Version is the Unicode edition from which the tables are derived.
// The tables (natives over stdlib/gen/unicodetables' output) are generated at build
// time from the reference Go, which setup.sh requires to be 1.26: Unicode 15.0.0.
const Version = "15.0.0"

// RangeTable defines a set of Unicode code points by listing the ranges of code
// points within the set.
type RangeTable struct {
	R16         []Range16
	R32         []Range32
	LatinOffset int
	cls         int // 1 + a class of unicode_tables.h for the predefined tables
}

// Range16 represents a range of 16-bit Unicode code points.
type Range16 struct {
	Lo     uint16
	Hi     uint16
	Stride uint16
}

// Range32 represents a range of Unicode code points.
type Range32 struct {
	Lo     uint32
	Hi     uint32
	Stride uint32
}

// CaseRange represents a range of Unicode code points for simple case conversion.
type CaseRange struct {
	Lo    uint32
	Hi    uint32
	Delta d
}

type d [MaxCase]rune

// The predefined tables.
var (
	Upper   = &RangeTable{cls: 1 + catUpper}
	Lu      = Upper
	Lower   = &RangeTable{cls: 1 + catLower}
	Ll      = Lower
	Title   = &RangeTable{cls: 1 + catTitle}
	Lt      = Title
	Letter  = &RangeTable{cls: 1 + catLetter}
	L       = Letter
	Mark    = &RangeTable{cls: 1 + catMark}
	M       = Mark
	Digit   = &RangeTable{cls: 1 + catDigit}
	Nd      = Digit
	Number  = &RangeTable{cls: 1 + catNumber}
	N       = Number
	Punct   = &RangeTable{cls: 1 + catPunct}
	P       = Punct
	Symbol  = &RangeTable{cls: 1 + catSymbol}
	S       = Symbol
	Zs      = &RangeTable{cls: 1 + catZs}
	Cc      = &RangeTable{cls: 1 + catControl}
	Space   = &RangeTable{cls: 1 + catSpace}
	White_Space = Space

	GraphicRanges = []*RangeTable{L, M, N, P, S, Zs}
	PrintRanges   = []*RangeTable{L, M, N, P, S}
)

// isClass reports whether r is in class cls of unicode_tables.h.
func isClass(cls int, r rune) bool

// toCase maps r by gc's CaseRanges to case c (UpperCase, LowerCase, TitleCase).
func toCase(c int, r rune) rune

// simpleFold is SimpleFold for a valid rune.
func simpleFold(r rune) rune

// Is reports whether the rune is in the specified table of ranges.
func Is(rangeTab *RangeTable, r rune) bool {
	if rangeTab.cls != 0 {
		return isClass(rangeTab.cls-1, r)
	}
	if len(rangeTab.R16) > 0 && uint32(r) <= uint32(rangeTab.R16[len(rangeTab.R16)-1].Hi) {
		for _, rg := range rangeTab.R16 {
			if uint16(r) < rg.Lo {
				return false
			}
			if uint16(r) <= rg.Hi {
				return rg.Stride == 1 || (uint16(r)-rg.Lo)%rg.Stride == 0
			}
		}
		return false
	}
	if len(rangeTab.R32) > 0 && r >= rune(rangeTab.R32[0].Lo) {
		for _, rg := range rangeTab.R32 {
			if uint32(r) < rg.Lo {
				return false
			}
			if uint32(r) <= rg.Hi {
				return rg.Stride == 1 || (uint32(r)-rg.Lo)%rg.Stride == 0
			}
		}
	}
	return false
}

// In reports whether the rune is a member of one of the ranges.
func In(r rune, ranges ...*RangeTable) bool {
	for _, inside := range ranges {
		if Is(inside, r) {
			return true
		}
	}
	return false
}

// IsOneOf reports whether the rune is a member of one of the ranges.
func IsOneOf(ranges []*RangeTable, r rune) bool {
	return In(r, ranges...)
}

// IsUpper reports whether the rune is an upper case letter.
func IsUpper(r rune) bool {
	if uint32(r) <= MaxASCII {
		return 'A' <= r && r <= 'Z'
	}
	return isClass(catUpper, r)
}

// IsLower reports whether the rune is a lower case letter.
func IsLower(r rune) bool {
	if uint32(r) <= MaxASCII {
		return 'a' <= r && r <= 'z'
	}
	return isClass(catLower, r)
}

// IsTitle reports whether the rune is a title case letter.
func IsTitle(r rune) bool {
	if r <= MaxLatin1 {
		return false
	}
	return isClass(catTitle, r)
}

// IsLetter reports whether the rune is a letter (category L).
func IsLetter(r rune) bool {
	if uint32(r) <= MaxASCII {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return isClass(catLetter, r)
}

// IsMark reports whether the rune is a mark character (category M).
func IsMark(r rune) bool {
	return isClass(catMark, r)
}

// IsDigit reports whether the rune is a decimal digit.
func IsDigit(r rune) bool {
	if r <= MaxLatin1 {
		return '0' <= r && r <= '9'
	}
	return isClass(catDigit, r)
}

// IsNumber reports whether the rune is a number (category N).
func IsNumber(r rune) bool {
	if uint32(r) <= MaxASCII {
		return '0' <= r && r <= '9'
	}
	return isClass(catNumber, r)
}

// IsPunct reports whether the rune is a Unicode punctuation character (category P).
func IsPunct(r rune) bool {
	return isClass(catPunct, r)
}

// IsSymbol reports whether the rune is a symbolic character.
func IsSymbol(r rune) bool {
	return isClass(catSymbol, r)
}

// IsSpace reports whether the rune is a space character as defined by Unicode's
// White Space property; in the Latin-1 space this is '\t', '\n', '\v', '\f', '\r',
// ' ', U+0085 (NEL), U+00A0 (NBSP).
func IsSpace(r rune) bool {
	if uint32(r) <= MaxLatin1 {
		switch r {
		case '\t', '\n', '\v', '\f', '\r', ' ', 0x85, 0xA0:
			return true
		}
		return false
	}
	return isClass(catSpace, r)
}

// IsControl reports whether the rune is a control character (U+0000 through
// U+001F and U+007F through U+009F).
func IsControl(r rune) bool {
	return uint32(r) <= 0x1F || 0x7F <= r && r <= 0x9F
}

// IsGraphic reports whether the rune is defined as a Graphic by Unicode: letters,
// marks, numbers, punctuation, symbols, and spaces (L, M, N, P, S, Zs).
func IsGraphic(r rune) bool {
	return isClass(catLetter, r) || isClass(catMark, r) || isClass(catNumber, r) ||
		isClass(catPunct, r) || isClass(catSymbol, r) || isClass(catZs, r)
}

// IsPrint reports whether the rune is defined as printable by Go: L, M, N, P, S and
// the ASCII space character.
func IsPrint(r rune) bool {
	if r == ' ' {
		return true
	}
	return isClass(catLetter, r) || isClass(catMark, r) || isClass(catNumber, r) ||
		isClass(catPunct, r) || isClass(catSymbol, r)
}

// To maps the rune to the specified case: UpperCase, LowerCase, or TitleCase.
func To(_case int, r rune) rune {
	if _case < 0 || MaxCase <= _case {
		return ReplacementChar
	}
	return toCase(_case, r)
}

// ToUpper maps the rune to upper case.
func ToUpper(r rune) rune {
	if r <= MaxASCII {
		if 'a' <= r && r <= 'z' {
			r -= 'a' - 'A'
		}
		return r
	}
	return toCase(UpperCase, r)
}

// ToLower maps the rune to lower case.
func ToLower(r rune) rune {
	if r <= MaxASCII {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	}
	return toCase(LowerCase, r)
}

// ToTitle maps the rune to title case.
func ToTitle(r rune) rune {
	if r <= MaxASCII {
		if 'a' <= r && r <= 'z' {
			r -= 'a' - 'A'
		}
		return r
	}
	return toCase(TitleCase, r)
}

// SimpleFold iterates over Unicode code points equivalent under the
// Unicode-defined simple case folding: the smallest rune > r if one exists, or
// else the smallest rune >= 0. If r is not a valid rune, it returns r.
func SimpleFold(r rune) rune {
	if r < 0 || r > MaxRune {
		return r
	}
	return simpleFold(r)
}
