// run

// strings searching, splitting and joining: Index*, LastIndex*, Contains*, Count,
// Split/SplitN/SplitAfter(N), Fields(Func), Join, Cut, HasPrefix/HasSuffix, Compare,
// including empty strings, empty separators and invalid UTF-8.
package main

import (
	"fmt"
	"strings"
	"unicode"
)

func main() {
	s := "chicken kitchen"
	fmt.Println(strings.Index(s, "ken"), strings.Index(s, "dmr"), strings.Index(s, ""), strings.Index("", "a"), strings.Index("ab", "ab"))
	fmt.Println(strings.LastIndex(s, "ken"), strings.LastIndex(s, ""), strings.LastIndex(s, "x"), strings.LastIndex("go gopher", "go"))
	fmt.Println(strings.IndexByte(s, 'k'), strings.LastIndexByte(s, 'k'), strings.IndexByte(s, 'z'))
	fmt.Println(strings.IndexRune(s, 'k'), strings.IndexRune("a世b", '世'), strings.IndexRune("a\xffb", 0xfffd), strings.IndexRune("ab", -1), strings.IndexRune("a\xed\xa0\x80", 0xd800))
	fmt.Println(strings.IndexAny("golang", "ygo"), strings.IndexAny("golang", ""), strings.LastIndexAny("golang", "go"), strings.LastIndexAny("gölang", "ö"))
	fmt.Println(strings.IndexFunc("Hello, 世界", func(r rune) bool { return r > 127 }), strings.LastIndexFunc("go123", unicode.IsLetter))
	fmt.Println(strings.Contains(s, "kit"), strings.Contains(s, ""), strings.Contains("", ""), strings.ContainsAny("failure", "ui"), strings.ContainsAny("", ""), strings.ContainsRune("abc", 'c'))
	fmt.Println(strings.Count("cheese", "e"), strings.Count("five", ""), strings.Count("aaaa", "aa"), strings.Count("日本語", ""))
	fmt.Println(strings.HasPrefix("golang", "go"), strings.HasPrefix("go", "golang"), strings.HasSuffix("golang", "ng"), strings.HasSuffix("x", ""))
	fmt.Println(strings.Compare("a", "b"), strings.Compare("b", "a"), strings.Compare("x", "x"), strings.Compare("", "a"))

	show := func(name string, v []string) { fmt.Printf("%s %d %q\n", name, len(v), v) }
	show("Split", strings.Split("a,b,c", ","))
	show("Split", strings.Split("a man a plan a canal panama", "a "))
	show("Split", strings.Split(" xyz ", ""))
	show("Split", strings.Split("", "Bernardo O'Higgins"))
	show("Split", strings.Split("", ""))
	show("Split", strings.Split(",,", ","))
	show("Split", strings.Split("日本語", ""))
	show("Split", strings.Split("a\xffb", ""))
	show("SplitN", strings.SplitN("a,b,c,d", ",", 2))
	show("SplitN", strings.SplitN("a,b,c,d", ",", 0))
	show("SplitN", strings.SplitN("a,b,c,d", ",", -1))
	show("SplitN", strings.SplitN("abcd", "", 2))
	show("SplitAfter", strings.SplitAfter("a,b,c", ","))
	show("SplitAfterN", strings.SplitAfterN("a,b,c,d", ",", 3))
	show("Fields", strings.Fields("  foo bar  baz   "))
	show("Fields", strings.Fields(""))
	show("Fields", strings.Fields("\t\n a\u00a0b\u2003c\u0085d \v"))
	show("FieldsFunc", strings.FieldsFunc("  foo1;bar2,baz3...", func(c rune) bool { return !unicode.IsLetter(c) && !unicode.IsNumber(c) }))
	fmt.Printf("%q %q %q %q\n", strings.Join([]string{"foo", "bar", "baz"}, ", "), strings.Join(nil, ","), strings.Join([]string{"x"}, "-"), strings.Join([]string{"", ""}, ""))

	for _, sep := range []string{"=", "::", "", "zz"} {
		before, after, found := strings.Cut("key=value::rest", sep)
		fmt.Printf("Cut(%q) = %q %q %v\n", sep, before, after, found)
	}
}
