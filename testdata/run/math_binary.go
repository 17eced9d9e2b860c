// run

// math: the functions of two arguments (Pow, Atan2, Hypot, Mod, Remainder, Dim, Max, Min,
// Copysign, Nextafter, FMA, Ldexp, Jn, Yn, Pow10, Nextafter32, Sincos) over a grid of arguments, bit for bit gc's.
package main

import (
	"fmt"
	"math"
)

var seed uint64 = 0x2545F4914F6CDD1D

func next() uint64 {
	seed ^= seed << 13
	seed ^= seed >> 7
	seed ^= seed << 17
	return seed
}

func main() {
	xs := []float64{0, math.Copysign(0, -1), math.Inf(1), math.Inf(-1), math.NaN(), 5e-324,
		-5e-324, 2.2250738585072014e-308, math.MaxFloat64, 1, -1, 0.5, -0.5, 2, -2, 3, -3,
		0.25, 1.5, -1.5, 10, -10, 1e10, 1e-10, 1e300, -1e300, math.Pi, 1.0000000000000002,
		0.9999999999999999, 7, 1 << 53, -(1 << 53), 1 << 63, 1e20, 0.3, 100.5, -100.5}
	for i := 0; i < 30; i++ {
		e := -40 + int(next()%80)
		x := math.Ldexp(1+float64(next()>>11)/(1<<53), e)
		if next()&1 == 1 {
			x = -x
		}
		xs = append(xs, x)
	}
	fns := []struct {
		name string
		f    func(x, y float64) float64
	}{
		{"Pow", math.Pow}, {"Atan2", math.Atan2}, {"Hypot", math.Hypot}, {"Mod", math.Mod},
		{"Remainder", math.Remainder}, {"Dim", math.Dim}, {"Max", math.Max}, {"Min", math.Min},
		{"Copysign", math.Copysign}, {"Nextafter", math.Nextafter},
		{"FMA", func(x, y float64) float64 { return math.FMA(x, y, -x) }},
		{"Nextafter32", func(x, y float64) float64 { return float64(math.Nextafter32(float32(x), float32(y))) }},
	}
	for _, f := range fns {
		fmt.Printf("%s:", f.name)
		for _, x := range xs {
			h := uint64(14695981039346656037) // FNV-1a over the row's bits
			for _, y := range xs {
				h = (h ^ math.Float64bits(f.f(x, y))) * 1099511628211
			}
			fmt.Printf(" %x", h)
		}
		fmt.Printf("\n")
	}
	ns := []int{-1100, -1075, -1074, -1023, -1022, -100, -5, -1, 0, 1, 2, 5, 52, 53, 100, 1023, 1024, 2000}
	for _, n := range ns {
		fmt.Printf("Ldexp/Pow10 %d:", n)
		for _, x := range xs {
			fmt.Printf(" %x", math.Float64bits(math.Ldexp(x, n)))
		}
		fmt.Printf(" %x\n", math.Float64bits(math.Pow10(n)))
	}
	for _, n := range []int{-3, -2, -1, 0, 1, 2, 3, 5, 10, 50} {
		fmt.Printf("Jn/Yn %d:", n)
		for _, x := range xs {
			fmt.Printf(" %x/%x", math.Float64bits(math.Jn(n, x)), math.Float64bits(math.Yn(n, x)))
		}
		fmt.Printf("\n")
	}
	fmt.Printf("Sincos:")
	for _, x := range xs {
		s, c := math.Sincos(x)
		fmt.Printf(" %x/%x", math.Float64bits(s), math.Float64bits(c))
	}
	fmt.Printf("\n")
	for _, x := range []float64{1e6, 1e10, 1 << 29, 1<<29 + 0.5, 1e18, 1e22, 1e100, 1e200, 1e308, 3.14e15} {
		fmt.Println(strconvG(math.Sin(x)), strconvG(math.Cos(x)), strconvG(math.Tan(x)), strconvG(math.Cbrt(x)))
	}
	fmt.Println(math.Cbrt(729), math.Exp(1), math.Log(10), math.Pow(2, 0.5), math.Float32bits(1.5), math.Float32frombits(0x40490fdb))
}

func strconvG(x float64) string { return fmt.Sprint(x) }
