// errorcheck

// Float constants decide as gc's exact ones do: what overflows a float type, what
// is not an integer, what no exponent holds; and messages show the value as gc
// prints it (%.6g within float64's range, an approximate exponent beyond it).

package main

const notRepresentable = 1e600000000 * 1e600000000 // ERROR "constant result is not representable"

func main() {
	var a float64 = 1e1000   // ERROR "cannot use 1e1000 \(untyped float constant 1e\+1000\) as float64 value in variable declaration \(overflows\)"
	var b float32 = 1e39     // ERROR "cannot use 1e39 \(untyped float constant 1e\+39\) as float32 value in variable declaration \(overflows\)"
	var c int = 1e100000     // ERROR "cannot use 1e100000 \(untyped float constant 1e\+100000\) as int value in variable declaration \(truncated\)"
	var d int = 1.0000001    // ERROR "cannot use 1.0000001 \(untyped float constant\) as int value in variable declaration \(truncated\)"
	var e uint = -1e-5       // ERROR "cannot use -1e-5 \(untyped float constant -1e-05\) as uint value in variable declaration \(truncated\)"
	var f int = 1 / 3.0      // ERROR "cannot use 1 / 3.0 \(untyped float constant 0.333333\) as int value in variable declaration \(truncated\)"
	var g complex64 = 1e39i  // ERROR "cannot use 1e39i \(untyped complex constant \(0 \+ 1e\+39i\)\) as complex64 value in variable declaration \(overflows\)"
	var h int8 = 1e-100000   // ERROR "cannot use 1e-100000 \(untyped float constant\) as int8 value in variable declaration \(truncated\)"
	_, _, _, _, _, _, _, _ = a, b, c, d, e, f, g, h
}
