// run

// Untyped float constants are exact, as the Go spec asks and gc's go/constant
// gives: rationals while their parts are under 4096 bits, then 512-bit floats
// whose exponent reaches far past float64's (and IEEE quad's) range.

package main

import "fmt"

const (
	tenth      = 0.1
	sumExact   = 0.1+0.2 == 0.3
	thirdBack  = 1.0/3.0*3.0 == 1.0
	cancel     = 1e-400 * 1e400
	hugeRatio  = 1e100000 / 1e-100000 // 1e200000: far past IEEE quad
	tinyPos    = 1e-100000 > 0
	wideBack   = 1e100000 / 1e99999
	wideSum    = 1e100000 + 1e-100000 - 1e100000 // 512 bits: the small part is lost
	roundedInt = 0.0005 * 1e9                   // an integer after rounding error
	shifted    = 1 << 500 / 1e140
	nearMax    = 1<<63 - 1.0
	bigExact   = 1e4000 / 1e3999 // both wide (13,288 bits): 512-bit division
	hexFloat   = 0x1.8p-2
	decLead0   = 017.5
	subnormal  = 4.9e-324
	smallest   = 1e-320
	quoComplex = (1 + 2i) / (3 - 4i)
)

const asInt int = roundedInt
const asF32 float32 = 1.0000001
const asC64 complex64 = quoComplex

func main() {
	fmt.Println(tenth, sumExact, thirdBack, cancel, tinyPos, hugeRatio > 1, wideBack)
	fmt.Println(wideSum, roundedInt, asInt, shifted, bigExact)
	fmt.Println(hexFloat, decLead0, subnormal, smallest, quoComplex, asF32, asC64)
	fmt.Printf("%.0f %v\n", nearMax, nearMax == 1<<63-1)
	fmt.Println(1.0000001, 123456.7, 1e-5/3, 1e308*10/10, float32(3.4028235e38))
	var f32 float32 = 1.4e-45 // the smallest float32 subnormal
	var f64 float64 = 2.4703282292062328e-324 // rounds up to the smallest subnormal
	fmt.Println(f32, f64, f32/2, float32(1.401298464324817e-45/2))
	const third = 1 / 3.0
	fmt.Println(third*3 == 1, third == 0.3333333333333333, float64(third) == 0.3333333333333333)
}
