// run

// strconv: Itoa/Atoi, Format/Parse/Append for ints of every base and bit size,
// ParseBool/FormatBool, ParseFloat/FormatFloat in every format, Quote family,
// Unquote(Char), and *NumError texts for syntax, range, base and bit-size errors.
package main

import (
	"errors"
	"fmt"
	"math"
	"strconv"
)

func main() {
	fmt.Println(strconv.Itoa(0), strconv.Itoa(-42), strconv.Itoa(math.MaxInt64), strconv.Itoa(math.MinInt64))
	for _, s := range []string{"0", "42", "-42", "+7", "", "-", "+", "12a", "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809", "1_000", " 1", "007", "99999999999999999999"} {
		n, err := strconv.Atoi(s)
		fmt.Printf("Atoi(%q) = %d, %v\n", s, n, err)
	}
	for _, c := range []struct {
		s    string
		base int
		bits int
	}{{"ff", 16, 64}, {"0xff", 0, 64}, {"0b1011", 0, 8}, {"0o17", 0, 64}, {"017", 0, 64}, {"-0x80", 0, 8}, {"0x80", 0, 8},
		{"1_000_000", 0, 64}, {"1__0", 0, 64}, {"_1", 0, 64}, {"1_000", 10, 64}, {"z", 36, 64}, {"Z", 36, 64}, {"12", 2, 64},
		{"10", 1, 64}, {"10", 37, 64}, {"10", 10, 65}, {"-1", 10, -1}, {"32767", 10, 16}, {"32768", 10, 16}, {"-32769", 10, 16},
		{"0x", 0, 64}, {"0", 0, 64}, {"08", 0, 64}, {"0x_1f", 0, 64}} {
		n, err := strconv.ParseInt(c.s, c.base, c.bits)
		fmt.Printf("ParseInt(%q, %d, %d) = %d, %v\n", c.s, c.base, c.bits, n, err)
	}
	for _, s := range []string{"18446744073709551615", "18446744073709551616", "-1", "255", "256"} {
		u, err := strconv.ParseUint(s, 10, 64)
		u8, err8 := strconv.ParseUint(s, 10, 8)
		fmt.Println(u, err, u8, err8)
	}
	fmt.Println(strconv.FormatInt(-255, 16), strconv.FormatInt(255, 2), strconv.FormatInt(35, 36), strconv.FormatUint(math.MaxUint64, 10), strconv.FormatUint(8, 8), strconv.FormatInt(math.MinInt64, 16))
	b := []byte("n=")
	b = strconv.AppendInt(b, -12, 10)
	b = strconv.AppendUint(append(b, ' '), 255, 16)
	b = strconv.AppendBool(append(b, ' '), true)
	b = strconv.AppendQuote(append(b, ' '), "q\"")
	b = strconv.AppendQuoteRune(append(b, ' '), '☺')
	b = strconv.AppendFloat(append(b, ' '), 1.5, 'e', 3, 64)
	fmt.Println(string(b))

	for _, s := range []string{"1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False", "yes", "tRUE", ""} {
		v, err := strconv.ParseBool(s)
		fmt.Print(v, " ", err, "; ")
	}
	fmt.Println()
	fmt.Println(strconv.FormatBool(true), strconv.FormatBool(false))

	for _, s := range []string{"3.14159", "-0", "1e10", "1E-5", ".5", "5.", "0x1p-2", "0X1.8P+1", "1_000.5", "inf", "-Infinity", "NaN", "nan", "+nan", "1e309", "-1e309", "1e-330", "4.9e-324", "abc", "1.2.3", "", "1e", "0x1.8", "3.4e38", "3.5e38", "2.2250738585072014e-308", "123456789012345678901234567890"} {
		f, err := strconv.ParseFloat(s, 64)
		f32, err32 := strconv.ParseFloat(s, 32)
		fmt.Printf("ParseFloat(%q) = %v, %v | %v, %v\n", s, f, err, f32, err32)
	}
	vals := []float64{0, 1, -1.5, 3.14159265358979, 1e21, 1e20, 1e-7, 123456789, 0.000123, math.MaxFloat64, math.SmallestNonzeroFloat64, math.Inf(1), math.Inf(-1), math.NaN(), 100, 2.5, 0.1}
	for _, v := range vals {
		fmt.Println(strconv.FormatFloat(v, 'g', -1, 64), strconv.FormatFloat(v, 'e', -1, 64), strconv.FormatFloat(v, 'f', -1, 64),
			strconv.FormatFloat(v, 'f', 2, 64), strconv.FormatFloat(v, 'e', 3, 64), strconv.FormatFloat(v, 'G', 4, 64),
			strconv.FormatFloat(v, 'g', -1, 32), strconv.FormatFloat(v, 'x', -1, 64), strconv.FormatFloat(v, 'b', -1, 64))
	}
	fmt.Println(strconv.FormatFloat(1.5, 'z', 2, 64))

	for _, s := range []string{"hello", "tab\there", "quote\"back\\", "☺ smile", "\x00\x7f\xff", "\u2028", "日本語", "\U0001F600"} {
		fmt.Println(strconv.Quote(s), strconv.QuoteToASCII(s), strconv.CanBackquote(s))
	}
	for _, r := range []rune{'a', '\'', '\n', '☺', 0x7f, 0x10ffff + 1, 0xd800} {
		fmt.Println(strconv.QuoteRune(r), strconv.QuoteRuneToASCII(r), strconv.IsPrint(r), strconv.IsGraphic(r))
	}
	for _, s := range []string{`"hello"`, `'a'`, "`raw\\n`", `"\u263a\x41\101\n"`, `"unterminated`, `'ab'`, `"a"b"`, `""`, `''`, `"\q"`, `"\xff"`, `'\377'`, `"\400"`, "`a\rb`", `"a` + "\n" + `"`, `'\''`, `"\'"`, `x`, `"日本"`} {
		u, err := strconv.Unquote(s)
		fmt.Printf("Unquote(%s) = %q, %v\n", s, u, err)
	}
	v, mb, tail, err := strconv.UnquoteChar(`\u00e9xyz`, '"')
	fmt.Println(v, mb, tail, err)
	p, err := strconv.QuotedPrefix(`"abc"def`)
	fmt.Println(p, err)

	_, err = strconv.Atoi("x")
	var ne *strconv.NumError
	fmt.Println(errors.As(err, &ne), ne.Func, ne.Num, ne.Err == strconv.ErrSyntax, errors.Is(err, strconv.ErrSyntax))
	_, err = strconv.ParseInt("999", 10, 8)
	fmt.Println(errors.Is(err, strconv.ErrRange), err)
	fmt.Println(strconv.IntSize)
}
