// run

// unicode predicates and case mapping over ASCII, Latin-1 and other scripts:
// IsLetter/IsDigit/IsNumber/IsSpace/IsUpper/IsLower/IsTitle/IsPunct/IsSymbol/
// IsMark/IsControl/IsGraphic/IsPrint, To*, SimpleFold, Is/In with tables.
package main

import (
	"fmt"
	"unicode"
)

func main() {
	runes := []rune{'a', 'Z', '5', ' ', '\t', '\n', 0x85, 0xa0, '_', '!', '$', '+', '~', 'é', 'ß', 'ÿ', '²', '½',
		'Σ', 'ς', 'ǅ', 'ǆ', 'Ⅷ', '٣', '世', '\u0301', '\u200b', '\u2028', '\u3000', '€', '😀', 0x7f, 0x9f, 0x1f,
		'İ', 'ı', 'K', 0x10ffff, -1, 0x110000, 'ﬀ', 'Ա', 'ա', 'ᏸ'}
	for _, r := range runes {
		fmt.Printf("%U L%v D%v N%v S%v U%v l%v T%v P%v Y%v M%v C%v G%v R%v up=%U lo=%U ti=%U fold=%U\n",
			r, b(unicode.IsLetter(r)), b(unicode.IsDigit(r)), b(unicode.IsNumber(r)), b(unicode.IsSpace(r)),
			b(unicode.IsUpper(r)), b(unicode.IsLower(r)), b(unicode.IsTitle(r)), b(unicode.IsPunct(r)),
			b(unicode.IsSymbol(r)), b(unicode.IsMark(r)), b(unicode.IsControl(r)), b(unicode.IsGraphic(r)),
			b(unicode.IsPrint(r)), unicode.ToUpper(r), unicode.ToLower(r), unicode.ToTitle(r), unicode.SimpleFold(r))
	}
	for _, r := range []rune{'k', 'K', '\u212a', 's', 'σ', '1'} {
		fmt.Printf("%c:", r)
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			fmt.Printf(" %U", f)
		}
		fmt.Println()
	}
	fmt.Println(unicode.Is(unicode.Letter, 'x'), unicode.Is(unicode.Upper, 'x'), unicode.In('5', unicode.Letter, unicode.Digit), unicode.In(' '))
	fmt.Println(unicode.To(unicode.UpperCase, 'q'), unicode.To(unicode.LowerCase, 'Q'), unicode.To(unicode.TitleCase, 'ǆ'), unicode.To(7, 'a'))
	vowels := &unicode.RangeTable{R16: []unicode.Range16{{Lo: 'a', Hi: 'a', Stride: 1}, {Lo: 'e', Hi: 'i', Stride: 4}, {Lo: 'o', Hi: 'u', Stride: 6}}}
	for _, r := range "abefiopu" {
		fmt.Print(unicode.Is(vowels, r))
	}
	fmt.Println()
	fmt.Println(unicode.MaxRune, unicode.ReplacementChar, unicode.MaxASCII, unicode.MaxLatin1, unicode.Version)
}

func b(v bool) int {
	if v {
		return 1
	}
	return 0
}
