// run

// math: constants, the exact functions (Sqrt, Floor, Ceil, Trunc, Round,
// RoundToEven, Abs, Mod, Modf, Frexp, Ldexp, Copysign, Signbit, Max, Min, Dim,
// Hypot), bit conversions, Inf/NaN classification, and transcendental functions
// at arguments where their results are exact or printed rounded (gojit's come
// from the C library and may differ from gc's in the last bit elsewhere).
package main

import (
	"fmt"
	"math"
)

func main() {
	fmt.Println(math.Pi, math.E, math.Sqrt2, math.Ln2, math.Log2E, math.Phi)
	fmt.Println(math.MaxInt64, math.MinInt64, math.MaxInt32, math.MinInt32, math.MaxInt8, math.MaxUint8, math.MaxUint16, uint64(math.MaxUint64), math.MaxInt)
	fmt.Println(math.MaxFloat64, math.SmallestNonzeroFloat64, math.MaxFloat32, math.SmallestNonzeroFloat32)
	inf, ninf, nan := math.Inf(1), math.Inf(-1), math.NaN()
	fmt.Println(inf, ninf, nan, math.IsInf(inf, 1), math.IsInf(inf, -1), math.IsInf(ninf, 0), math.IsNaN(nan), math.IsNaN(1), nan == nan)
	negz := math.Copysign(0, -1)
	fmt.Println(negz, math.Signbit(negz), math.Signbit(0), math.Signbit(-2), math.Copysign(3, -1), math.Copysign(-3, 1))

	xs := []float64{0, negz, 0.5, -0.5, 1.5, 2.5, -2.5, 3.7, -3.7, 1e300, 4503599627370497, inf, ninf, nan}
	for _, x := range xs {
		fmt.Println(x, math.Floor(x), math.Ceil(x), math.Trunc(x), math.Round(x), math.RoundToEven(x), math.Abs(x))
	}
	for _, x := range []float64{0, 1, 2, 4, 9, 10, 0.25, 1e100, 2e-300, -1, inf, nan} {
		fmt.Printf("%v %.9g\n", math.Sqrt(x), math.Cbrt(x*x*x))
	}
	for _, p := range [][2]float64{{7, 3}, {-7, 3}, {7, -3}, {7.5, 2}, {1, 0}, {inf, 1}, {1, inf}, {0, 5}, {-0.0, 5}} {
		fmt.Println(math.Mod(p[0], p[1]), math.Remainder(p[0], p[1]), math.Max(p[0], p[1]), math.Min(p[0], p[1]), math.Dim(p[0], p[1]), math.Hypot(p[0], p[1]))
	}
	fmt.Println(math.Max(0, negz), math.Min(0, negz), math.Max(nan, inf), math.Max(1, nan), math.Min(ninf, nan))
	fmt.Println(math.Hypot(3, 4), math.Hypot(1e200, 1e200), math.Hypot(nan, inf), math.Hypot(5, 12), math.Hypot(1, 1))

	for _, x := range []float64{3.75, -3.75, 0, 1e20, 0.1, inf} {
		ip, fp := math.Modf(x)
		fr, ex := math.Frexp(x)
		fmt.Println(ip, fp, fr, ex, math.Ldexp(fr, ex))
	}
	fmt.Println(math.Frexp(5e-324))
	fmt.Println(math.Ldexp(1, 1024), math.Ldexp(1, -1075), math.Ldexp(0.5, -1073))

	fmt.Printf("%#x %#x %#x %#x\n", math.Float64bits(1), math.Float64bits(-2.5), math.Float32bits(1), math.Float32bits(0.1))
	fmt.Println(math.Float64frombits(0x400921fb54442d18), math.Float32frombits(0x40490fdb), math.Float64frombits(math.Float64bits(nan)) != 0)
	fmt.Printf("%x %x\n", math.Float64bits(math.NaN()), math.Float64bits(inf))

	// Exact or well-conditioned results of the transcendental functions.
	fmt.Println(math.Exp(0), math.Exp(1), math.Log(1), math.Log(math.E), math.Log(0), math.Log(-1), math.Exp(inf), math.Exp(ninf))
	fmt.Println(math.Log2(8), math.Log2(1024), math.Log2(0.125), math.Log10(1000), math.Log10(1e15))
	fmt.Println(math.Pow(2, 10), math.Pow(2, -2), math.Pow(3, 4), math.Pow(10, 15), math.Pow(-2, 3), math.Pow(4, 0.5), math.Pow(0, 0), math.Pow(0, -1), math.Pow(-1, inf), math.Pow(-8, 1.0/3), math.Pow(2, 0.5))
	fmt.Println(math.Sin(0), math.Cos(0), math.Tan(0), math.Atan(1)*4, math.Atan2(1, 1), math.Atan2(0, -1), math.Atan2(-0.0, -1), math.Asin(1), math.Acos(-1), math.Atan(inf))
	fmt.Printf("%.6f %.6f %.6f %.6f %.6f %.6f\n", math.Sin(math.Pi/6), math.Cos(math.Pi/3), math.Tan(math.Pi/4), math.Sin(1), math.Cos(2), math.Tan(0.5))
	fmt.Printf("%.8f %.8f %.8f %.8f %.8f\n", math.Exp(2.5), math.Log(10), math.Sinh(1), math.Cosh(1), math.Tanh(0.5))
	fmt.Printf("%.10f %.10f %.10f %.10f\n", math.Pow(1.5, 2.5), math.Pow(10, -3.2), math.Expm1(1e-10), math.Log1p(1e-10))
	fmt.Println(math.Gamma(5), math.Erf(0), math.Erfc(0), math.Exp2(10), math.Exp2(-1))
	fmt.Println(math.Nextafter(1, 2), math.Nextafter(1, 0), math.Nextafter32(1, 2), math.Pow10(3), math.Pow10(-2), math.Pow10(400), math.Ilogb(8), math.Logb(8))
	s, c := math.Sincos(0)
	fmt.Println(s, c, math.FMA(2, 3, 4))
	// Conversions of special values.
	fmt.Println(int64(math.Floor(-2.5)), int(math.Round(2.5)), float32(math.Pi))
}
