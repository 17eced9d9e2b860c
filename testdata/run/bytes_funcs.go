// run

// Package bytes: the functions that mirror strings: search, split, fields, trim, case, replace, compare, fold.

package main

import (
	"bytes"
	"fmt"
	"unicode"
)

func q(bs [][]byte) string {
	s := "["
	for i, b := range bs {
		if i > 0 {
			s += " "
		}
		s += fmt.Sprintf("%q", b)
	}
	return s + "]"
}

func main() {
	s := []byte("chicken kitchen héllo wörld")
	fmt.Println(bytes.Index(s, []byte("ken")), bytes.LastIndex(s, []byte("ken")), bytes.Index(s, []byte("xyz")))
	fmt.Println(bytes.Index(s, nil), bytes.LastIndex(s, nil), bytes.Index(s, []byte("chicken kitchen héllo wörld!")))
	fmt.Println(bytes.IndexByte(s, 'k'), bytes.LastIndexByte(s, 'k'), bytes.IndexByte(s, 'z'))
	fmt.Println(bytes.IndexRune(s, 'é'), bytes.IndexRune(s, 'ö'), bytes.IndexRune(s, 'x'), bytes.IndexRune([]byte("a\xffb"), unicode.ReplacementChar))
	fmt.Println(bytes.IndexAny(s, "zök"), bytes.LastIndexAny(s, "zök"), bytes.IndexAny(s, ""), bytes.LastIndexAny(s, "é"))
	fmt.Println(bytes.IndexFunc(s, unicode.IsSpace), bytes.LastIndexFunc(s, unicode.IsSpace))
	fmt.Println(bytes.Contains(s, []byte("kit")), bytes.ContainsAny(s, "qz"), bytes.ContainsRune(s, 'ö'))
	fmt.Println(bytes.Count(s, []byte("e")), bytes.Count(s, []byte("en")), bytes.Count([]byte("héllo"), nil))
	long := bytes.Repeat([]byte("ab"), 100)
	long = append(long, "abc"...)
	fmt.Println(bytes.Index(long, []byte("abc")), bytes.Index(long, []byte("ababababababababababababababababababc")), bytes.LastIndex(long, []byte("bab")))

	fmt.Println(q(bytes.Split([]byte("a,b,,c"), []byte(","))), q(bytes.SplitN([]byte("a,b,,c"), []byte(","), 2)))
	fmt.Println(q(bytes.SplitAfter([]byte("a,b,,c"), []byte(","))), q(bytes.SplitAfterN([]byte("a,b,,c"), []byte(","), 3)))
	fmt.Println(q(bytes.Split([]byte("héllo"), nil)), len(bytes.SplitN([]byte("x"), []byte(","), 0)))
	fmt.Println(q(bytes.Fields([]byte("  foo bar\t baz\n"))), q(bytes.Fields([]byte(" fö\u00a0bar "))))
	fmt.Println(q(bytes.FieldsFunc([]byte("a1b22c333"), unicode.IsDigit)))

	fmt.Printf("%q %q %q\n", bytes.TrimSpace([]byte(" \t hi there \n")), bytes.Trim([]byte("xxhixyx"), "xy"), bytes.TrimLeft([]byte("xxhix"), "x"))
	fmt.Printf("%q %q %q\n", bytes.TrimRight([]byte("xxhix"), "x"), bytes.TrimPrefix([]byte("prefix-body"), []byte("prefix-")), bytes.TrimSuffix([]byte("body.go"), []byte(".go")))
	fmt.Printf("%q %q\n", bytes.TrimFunc([]byte("123abc456"), unicode.IsDigit), bytes.Trim([]byte("ééaéé"), "é"))

	fmt.Printf("%s %s %s\n", bytes.ToUpper([]byte("Hello, Wörld")), bytes.ToLower([]byte("Hello, WÖRLD")), bytes.ToTitle([]byte("loud")))
	fmt.Printf("%s\n", bytes.Title([]byte("her royal highness")))
	fmt.Printf("%s %s\n", bytes.Replace([]byte("oink oink oink"), []byte("k"), []byte("ky"), 2), bytes.ReplaceAll([]byte("oink oink"), []byte("oink"), []byte("moo")))
	fmt.Printf("%s\n", bytes.Replace([]byte("abc"), nil, []byte("-"), -1))
	fmt.Printf("%s %q\n", bytes.Repeat([]byte("na"), 4), bytes.Repeat([]byte("x"), 0))
	fmt.Printf("%s\n", bytes.Join([][]byte{[]byte("a"), []byte("b"), []byte("c")}, []byte(", ")))
	fmt.Printf("%s\n", bytes.Map(func(r rune) rune {
		if r == 'a' {
			return -1
		}
		return unicode.ToUpper(r)
	}, []byte("banana split")))
	fmt.Println(bytes.Runes([]byte("héllo")))
	fmt.Printf("%q\n", bytes.ToValidUTF8([]byte("a\xff\xfeb\xc0"), []byte("?")))

	fmt.Println(bytes.Equal([]byte("a"), []byte("a")), bytes.Equal(nil, []byte{}), bytes.Equal([]byte("a"), []byte("b")))
	fmt.Println(bytes.Compare([]byte("a"), []byte("b")), bytes.Compare([]byte("b"), []byte("a")), bytes.Compare(nil, nil), bytes.Compare([]byte("ab"), []byte("a")))
	fmt.Println(bytes.HasPrefix(s, []byte("chick")), bytes.HasSuffix(s, []byte("wörld")), bytes.HasPrefix(s, []byte("x")))
	fmt.Println(bytes.EqualFold([]byte("Go"), []byte("GO")), bytes.EqualFold([]byte("straße"), []byte("STRASSE")), bytes.EqualFold([]byte("k"), []byte("\u212a")))

	before, after, found := bytes.Cut([]byte("key=value=x"), []byte("="))
	fmt.Printf("%q %q %v\n", before, after, found)
	before, after, found = bytes.Cut([]byte("novalue"), []byte("="))
	fmt.Printf("%q %q %v\n", before, after, found)
}
