// errorcheck

// complex's operands as types2 converts them: an untyped operand takes the
// other's type, two untyped constants that are real numbers are untyped floats
// (a string or bool stays what it is and mismatches), and the result wants
// floating-point operands of one type. Errors are at the first operand.

package main

func main() {
	var f32 float32
	var f64 float64
	var i int
	_ = complex("s", 0)    // ERROR "invalid operation: complex\(.s., 0\) \(mismatched types untyped string and untyped float\)"
	_ = complex("s", f64)  // ERROR "cannot convert .s. \(untyped string constant\) to type float64"
	_ = complex(f32, "s")  // ERROR "cannot convert .s. \(untyped string constant\) to type float32"
	_ = complex(f32, f64)  // ERROR "invalid operation: complex\(f32, f64\) \(mismatched types float32 and float64\)"
	_ = complex(i, i)      // ERROR "invalid argument: arguments have type int, expected floating-point"
	_ = complex(1i, 0)     // ERROR "invalid operation: complex\(1i, 0\) \(mismatched types untyped complex and untyped float\)"
	_ = complex(1 < 2, 0)  // ERROR "invalid operation: complex\(1 < 2, 0\) \(mismatched types untyped bool and untyped float\)"
	_ = complex(f32, 1e100) // ERROR "1e100 \(untyped float constant 1e\+100\) overflows float32"
	const c = complex(1+0i, 'a')
	var _ complex64 = complex(f32, 2)
	var _ complex128 = complex(1, f64)
	_ = c
}
