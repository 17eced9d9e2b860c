// run

// strings transformations: ToUpper/ToLower/ToTitle (ASCII and Unicode), Title,
// Trim family, Map, Repeat, Replace(All), EqualFold, ToValidUTF8, Builder,
// Replacer.
package main

import (
	"fmt"
	"strings"
	"unicode"
)

func main() {
	for _, s := range []string{"Hello, World!", "héllo wörld", "ǅungla", "ΑΒΓ αβγ", "straße", "İstanbul", "ǈ", "\xffabc", "ÿ", ""} {
		fmt.Printf("%q %q %q %q\n", strings.ToUpper(s), strings.ToLower(s), strings.ToTitle(s), strings.Title(s))
	}
	fmt.Println(strings.Title("her royal highness-the_queen's 3rd dog"))

	fmt.Printf("[%q]\n", strings.TrimSpace(" \t\n Hello, Gophers \n\t\r\n"))
	fmt.Printf("[%q]\n", strings.TrimSpace("\u3000\u00a0x\u2028"))
	fmt.Printf("[%q]\n", strings.Trim("¡¡¡Hello, Gophers!!!", "!¡"))
	fmt.Printf("[%q]\n", strings.TrimLeft("¡¡¡Hello, Gophers!!!", "!¡"))
	fmt.Printf("[%q]\n", strings.TrimRight("¡¡¡Hello, Gophers!!!", "!¡"))
	fmt.Printf("[%q]\n", strings.Trim("xx", ""))
	fmt.Printf("[%q]\n", strings.Trim("aaa", "a"))
	fmt.Printf("[%q]\n", strings.TrimPrefix("¡¡¡Hello", "¡¡"))
	fmt.Printf("[%q]\n", strings.TrimSuffix("Hello.go", ".go"))
	fmt.Printf("[%q]\n", strings.TrimSuffix("Hello.go", ".c"))
	fmt.Printf("[%q]\n", strings.TrimFunc("123abc456", unicode.IsDigit))
	fmt.Printf("[%q]\n", strings.TrimLeftFunc("123abc456", unicode.IsDigit))
	fmt.Printf("[%q]\n", strings.TrimRightFunc("123abc456", unicode.IsDigit))
	fmt.Printf("[%q]\n", strings.TrimRightFunc("abc世界", func(r rune) bool { return r > 127 }))

	rot13 := func(r rune) rune {
		switch {
		case r >= 'A' && r <= 'Z':
			return 'A' + (r-'A'+13)%26
		case r >= 'a' && r <= 'z':
			return 'a' + (r-'a'+13)%26
		}
		return r
	}
	fmt.Println(strings.Map(rot13, "'Twas brillig and the slithy gopher..."))
	fmt.Println(strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, "a b\tc\nd"))
	fmt.Printf("%q\n", strings.Map(func(r rune) rune { return r }, "ok\xff"))
	fmt.Printf("%q\n", strings.Map(func(r rune) rune { return r + 1 }, "ab\xffc"))

	fmt.Println(strings.Repeat("na", 4)+" batman", strings.Repeat("", 5), strings.Repeat("x", 0))
	fmt.Println(strings.Replace("oink oink oink", "k", "ky", 2))
	fmt.Println(strings.Replace("oink oink oink", "oink", "moo", -1))
	fmt.Println(strings.ReplaceAll("banana", "a", "o"), strings.Replace("abc", "", "-", -1), strings.Replace("abc", "", "-", 2), strings.Replace("日本", "", "|", -1))
	fmt.Println(strings.Replace("aaa", "a", "a", -1), strings.Replace("xyz", "q", "r", -1), strings.Replace("xyz", "y", "", 0))

	fmt.Println(strings.EqualFold("Go", "GO"), strings.EqualFold("σ", "Σ"), strings.EqualFold("ς", "Σ"), strings.EqualFold("k", "\u212a"), strings.EqualFold("a", "b"), strings.EqualFold("abc", "ab"))
	fmt.Printf("%q %q\n", strings.ToValidUTF8("a\xff\xfeb\xc0", "?"), strings.ToValidUTF8("ok", "?"))

	var b strings.Builder
	fmt.Println(b.Len(), b.String() == "")
	for i := 3; i > 0; i-- {
		fmt.Fprintf(&b, "%d...", i)
	}
	b.WriteString("ignition")
	b.WriteByte('!')
	n, err := b.WriteRune('🚀')
	fmt.Println(n, err)
	b.Write([]byte(" go"))
	b.Grow(64)
	fmt.Println(b.String(), b.Len(), b.Cap() >= b.Len()+64)
	b.Reset()
	fmt.Printf("%q %d\n", b.String(), b.Len())

	r := strings.NewReplacer("<", "&lt;", ">", "&gt;", "&", "&amp;")
	fmt.Println(r.Replace("This is <b>HTML</b> & more"))
	r2 := strings.NewReplacer("a", "1", "aa", "2", "aaa", "3")
	fmt.Println(r2.Replace("aaaa"))
	r3 := strings.NewReplacer("aaa", "3", "aa", "2", "a", "1")
	fmt.Println(r3.Replace("aaaa"))
	r4 := strings.NewReplacer("", "X")
	fmt.Println(r4.Replace("oiça"))
	r5 := strings.NewReplacer("a", "A", "a", "B", "xyz", "")
	fmt.Println(r5.Replace("banana xyzzy"))
	r6 := strings.NewReplacer("hello", "bye")
	fmt.Println(r6.Replace("hello hello hell"))
	r7 := strings.NewReplacer("", "-", "b", "B")
	fmt.Println(r7.Replace("abc"))
	var sb strings.Builder
	r.WriteString(&sb, "1 < 2")
	fmt.Println(sb.String())
	fmt.Println(strings.Clone("clone"))
	defer func() { fmt.Println("recovered:", recover()) }()
	strings.Repeat("x", -1)
}
