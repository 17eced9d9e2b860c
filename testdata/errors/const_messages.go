// errorcheck

// Constants in messages as types2 shows an operand: the value follows the
// expression unless its text says the same (a rune shows its number, a raw string
// its quoted form, a long string is cut at 72 characters), and an integer-valued
// float past int64 prints in %.6g.

package main

func main() {
	var i string = 0x1p4     // ERROR "cannot use 0x1p4 \(untyped float constant 16\) as string value in variable declaration"
	var j string = 'a'       // ERROR "cannot use 'a' \(untyped rune constant 97\) as string value in variable declaration"
	var k int = `raw\n`      // ERROR "cannot use .raw.n. \(untyped string constant .raw..n.\) as int value in variable declaration"
	var l int = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" // ERROR "\(untyped string constant .a{68}[.][.][.]\) as int value"
	var m int64 = 1<<63 - 0.5 // ERROR "\(untyped float constant 9.22337e\+18\) as int64 value in variable declaration \(truncated\)"
	_, _, _, _, _ = i, j, k, l, m
}
