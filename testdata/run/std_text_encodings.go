// run

// unicode/utf16, encoding/csv and html from Go's tree.
package main

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"html"
	"io"
	"strings"
	"unicode/utf16"
)

func main() {
	s := "héllo, 世界 🎉𝄞"
	units := utf16.Encode([]rune(s))
	fmt.Println(len([]rune(s)), len(units), units)
	fmt.Println(string(utf16.Decode(units)) == s)
	r1, r2 := utf16.EncodeRune('🎉')
	fmt.Printf("%x %x %c %v %v\n", r1, r2, utf16.DecodeRune(r1, r2), utf16.IsSurrogate(r1), utf16.IsSurrogate('a'))
	fmt.Println(utf16.RuneLen('a'), utf16.RuneLen('🎉'), utf16.RuneLen(0xD800))
	fmt.Println(utf16.AppendRune(nil, '𝄞'), string(utf16.Decode([]uint16{0xD800, 'x'})))

	in := `name,qty,"note"
widget,3,"says ""hi"""
"multi
line",10,plain
# a comment
gadget,  7 ,trailing
`
	r := csv.NewReader(strings.NewReader(in))
	r.Comment = '#'
	records, err := r.ReadAll()
	fmt.Printf("%q %v\n", records, err)
	line, col := r.FieldPos(1)
	fmt.Println(line, col, r.InputOffset())

	bad := csv.NewReader(strings.NewReader("a,b\n1,2,3\n"))
	_, err = bad.ReadAll()
	var pe *csv.ParseError
	fmt.Println(err, errors.As(err, &pe), errors.Is(err, csv.ErrFieldCount))
	bad = csv.NewReader(strings.NewReader("x,\"unterminated\n"))
	for {
		rec, err := bad.Read()
		if err == io.EOF {
			break
		}
		fmt.Printf("%q %v\n", rec, err)
		if err != nil {
			break
		}
	}
	semi := csv.NewReader(strings.NewReader("a;b;c\n1;2\n"))
	semi.Comma = ';'
	semi.FieldsPerRecord = -1
	rest, err := semi.ReadAll()
	fmt.Printf("%q %v\n", rest, err)

	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.WriteAll([][]string{{"plain", "with,comma", `with "quote"`}, {"new\nline", " lead", ""}})
	w.UseCRLF = true
	w.Write([]string{"crlf", "row"})
	w.Flush()
	fmt.Printf("%q %v\n", buf.String(), w.Error())

	raw := `<a href="x?a=1&b=2">'Tom' & "Jerry"</a>`
	esc := html.EscapeString(raw)
	fmt.Println(esc)
	fmt.Println(html.UnescapeString(esc) == raw)
	fmt.Println(html.UnescapeString("&lt;&gt;&amp;&quot;&#39;&eacute;&#x1F600;&copy &notanentity; &#0;"))
}
