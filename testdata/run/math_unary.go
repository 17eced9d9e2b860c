// run

// math: every one-argument function over a dense set of arguments (specials, subnormals,
// random bit patterns over all magnitudes), printed as the hex of Float64bits, bit for bit gc's on amd64.
package main

import (
	"fmt"
	"math"
)

var seed uint64 = 0x9E3779B97F4A7C15

func next() uint64 {
	seed ^= seed << 13
	seed ^= seed >> 7
	seed ^= seed << 17
	return seed
}

// combined folds two results into one with arithmetic; when that gives a NaN from
// an Inf and a NaN, which operand's NaN (and sign) comes out depends on how the
// compiler orders the operands, not on math, so every NaN prints as math.NaN().
func combined(v float64) float64 {
	if v != v {
		return math.NaN()
	}
	return v
}

// inputs returns specials plus n random values with exponents in [lo, hi].
func inputs(n, lo, hi int) []float64 {
	xs := []float64{0, math.Copysign(0, -1), math.Inf(1), math.Inf(-1), math.NaN(),
		5e-324, -5e-324, math.Float64frombits(0x000FFFFFFFFFFFFF), 2.2250738585072014e-308,
		math.MaxFloat64, -math.MaxFloat64, 1, -1, 0.5, -0.5, 2, -2, 3, 10, 0.1, 1e-10, -1e-10,
		math.Pi, math.Pi / 2, math.Pi / 4, -math.Pi, math.E, math.Sqrt2 / 2, 0.7071067811865476,
		1e300, -1e300, 1e22, 1e-300, 709.78, 709.79, -745.1, -745.2, -708.5, 710, 100, -100,
		20, 40, 0.9999999999999999, 1.0000000000000002, 171.6, 172, -0.99, 0.99, 27, 729, 1e15}
	for i := 0; i < n; i++ {
		e := lo + int(next()%uint64(hi-lo+1))
		m := 1 + float64(next()>>11)/(1<<53)
		x := math.Ldexp(m, e)
		if next()&1 == 1 {
			x = -x
		}
		xs = append(xs, x)
	}
	for i := -40; i <= 40; i++ {
		xs = append(xs, float64(i)/4)
	}
	return xs
}

type fn struct {
	name string
	f    func(float64) float64
}

func main() {
	fns := []fn{
		{"Sqrt", math.Sqrt}, {"Cbrt", math.Cbrt}, {"Exp", math.Exp}, {"Exp2", math.Exp2},
		{"Expm1", math.Expm1}, {"Log", math.Log}, {"Log2", math.Log2}, {"Log10", math.Log10},
		{"Log1p", math.Log1p}, {"Logb", math.Logb}, {"Sin", math.Sin}, {"Cos", math.Cos},
		{"Tan", math.Tan}, {"Asin", math.Asin}, {"Acos", math.Acos}, {"Atan", math.Atan},
		{"Sinh", math.Sinh}, {"Cosh", math.Cosh}, {"Tanh", math.Tanh}, {"Asinh", math.Asinh},
		{"Acosh", math.Acosh}, {"Atanh", math.Atanh}, {"Erf", math.Erf}, {"Erfc", math.Erfc},
		{"Erfinv", math.Erfinv}, {"Erfcinv", math.Erfcinv}, {"Gamma", math.Gamma},
		{"J0", math.J0}, {"J1", math.J1}, {"Y0", math.Y0}, {"Y1", math.Y1},
		{"Floor", math.Floor}, {"Ceil", math.Ceil}, {"Trunc", math.Trunc}, {"Round", math.Round},
		{"RoundToEven", math.RoundToEven}, {"Abs", math.Abs},
		{"Lgamma", func(x float64) float64 { l, s := math.Lgamma(x); return l * float64(s) }},
		{"Ilogb", func(x float64) float64 { return float64(math.Ilogb(x)) }},
		{"Frexp", func(x float64) float64 { f, e := math.Frexp(x); return combined(f + float64(e)) }},
		{"Modf", func(x float64) float64 { i, f := math.Modf(x); return combined(i*3 + f) }},
	}
	wide := inputs(100, -1074, 1023)
	narrow := inputs(150, -30, 12)
	for _, f := range fns {
		for _, xs := range [][]float64{wide, narrow} {
			fmt.Printf("%s:", f.name)
			for i, x := range xs {
				if i%8 == 0 {
					fmt.Printf("\n")
				}
				fmt.Printf(" %x", math.Float64bits(f.f(x)))
			}
			fmt.Printf("\n")
		}
	}
}
