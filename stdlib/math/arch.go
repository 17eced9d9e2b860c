// What gc's math does on amd64 where it does not run its portable Go code. gc
// swaps in assembly for Exp, Log, Hypot, Floor, Ceil, Trunc, Sqrt, Max and Min
// (exp_asm.go, log_asm.go, ...) and compiler intrinsics for Sqrt, Floor, Ceil,
// Trunc, FMA, Abs, Copysign and the bit conversions. To give gc's bits on amd64:
//
//   - Exp and Log are Go transcriptions of exp_amd64.s and log_amd64.s, instruction
//     by instruction: their results differ from exp.go's and log.go's in the last
//     bit for some arguments, and archLog does not normalize subnormals. archExp
//     has gc's two paths, FMA or not, chosen as gc chooses (useFMA: AVX and FMA).
//   - Sqrt, Floor, Ceil, Trunc and FMA are exact natives (math_natives.cc).
//   - Hypot, Max and Min: the assembly computes what hypot.go and dim.go compute,
//     so the Go versions serve.
//
// Every other haveArch* is false, as for amd64 in gc (the rest are s390x's).
package math

const (
	haveArchAcos      = false
	haveArchAcosh     = false
	haveArchAsin      = false
	haveArchAsinh     = false
	haveArchAtan      = false
	haveArchAtan2     = false
	haveArchAtanh     = false
	haveArchCbrt      = false
	haveArchCos       = false
	haveArchCosh      = false
	haveArchErf       = false
	haveArchErfc      = false
	haveArchExp       = true
	haveArchExp2      = false
	haveArchExpm1     = false
	haveArchFloor     = true
	haveArchCeil      = true
	haveArchTrunc     = true
	haveArchFrexp     = false
	haveArchHypot     = false
	haveArchLdexp     = false
	haveArchLog       = true
	haveArchLog10     = false
	haveArchLog2      = false
	haveArchLog1p     = false
	haveArchMax       = false
	haveArchMin       = false
	haveArchMod       = false
	haveArchModf      = false
	haveArchPow       = false
	haveArchRemainder = false
	haveArchSin       = false
	haveArchSinh      = false
	haveArchSqrt      = true
	haveArchTan       = false
	haveArchTanh      = false
)

// Natives (math_natives.cc): exact, as gc's instructions are.
func archSqrt(x float64) float64
func archFloor(x float64) float64
func archCeil(x float64) float64
func archTrunc(x float64) float64

// FMA returns x * y + z, computed with only one rounding (gc: an intrinsic, or
// fma.go's exact emulation; the C library's fma is exact too).
func FMA(x, y, z float64) float64

// cpuHasFMA reports whether the CPU has AVX and FMA (internal/cpu's test in gc).
func cpuHasFMA() bool

var useFMA = cpuHasFMA()

func archAcos(x float64) float64           { panic("not implemented") }
func archAcosh(x float64) float64          { panic("not implemented") }
func archAsin(x float64) float64           { panic("not implemented") }
func archAsinh(x float64) float64          { panic("not implemented") }
func archAtan(x float64) float64           { panic("not implemented") }
func archAtan2(y, x float64) float64       { panic("not implemented") }
func archAtanh(x float64) float64          { panic("not implemented") }
func archCbrt(x float64) float64           { panic("not implemented") }
func archCos(x float64) float64            { panic("not implemented") }
func archCosh(x float64) float64           { panic("not implemented") }
func archErf(x float64) float64            { panic("not implemented") }
func archErfc(x float64) float64           { panic("not implemented") }
func archExp2(x float64) float64           { panic("not implemented") }
func archExpm1(x float64) float64          { panic("not implemented") }
func archFrexp(x float64) (float64, int)   { panic("not implemented") }
func archHypot(p, q float64) float64       { panic("not implemented") }
func archLdexp(frac float64, exp int) float64 { panic("not implemented") }
func archLog10(x float64) float64          { panic("not implemented") }
func archLog2(x float64) float64           { panic("not implemented") }
func archLog1p(x float64) float64          { panic("not implemented") }
func archMax(x, y float64) float64         { panic("not implemented") }
func archMin(x, y float64) float64         { panic("not implemented") }
func archMod(x, y float64) float64         { panic("not implemented") }
func archModf(f float64) (int float64, frac float64) { panic("not implemented") }
func archPow(x, y float64) float64         { panic("not implemented") }
func archRemainder(x, y float64) float64   { panic("not implemented") }
func archSin(x float64) float64            { panic("not implemented") }
func archSinh(x float64) float64           { panic("not implemented") }
func archTan(x float64) float64            { panic("not implemented") }
func archTanh(x float64) float64           { panic("not implemented") }

// archExp is exp_amd64.s (Shibata's method: reduce by k*Ln2 and by 1/16, a Taylor
// polynomial, square back four times, scale by 2**k).
func archExp(x float64) float64 {
	const (
		log2e    = 1.4426950408889634073599246810018920
		ln2U     = 0.69314718055966295651160180568695068359375
		ln2L     = 0.28235290563031577122588448175013436025525412068e-12
		overflow = 7.09782712893384e+02
		c0       = 0.5
		c1       = 1.0
		c2       = 2.0
		c3       = 1.6666666666666666667e-1
		c4       = 4.1666666666666666667e-2
		c5       = 8.3333333333333333333e-3
		c6       = 1.3888888888888888889e-3
		c7       = 1.9841269841269841270e-4
		c8       = 2.4801587301587301587e-5
	)
	b := Float64bits(x)
	if int64(b&^(1<<63)) >= uvinf {
		if b == uvneginf {
			return 0
		}
		return x // NaN or +Inf
	}
	if x > overflow {
		return Inf(1)
	}
	e := cvtsd2sl(log2e * x)
	k := float64(e)
	var r float64
	if useFMA {
		x = FMA(-k, ln2U, x)
		x = FMA(-k, ln2L, x)
		x *= 0.0625
		p := FMA(c8, x, c7)
		p = FMA(p, x, c6)
		p = FMA(p, x, c5)
		p = FMA(p, x, c4)
		p = FMA(p, x, c3)
		p = FMA(p, x, c0)
		p = FMA(p, x, c1)
		x *= p
		x *= x + c2
		x *= x + c2
		x *= x + c2
		r = FMA(x, x+c2, c1)
	} else {
		x -= k * ln2U
		x -= k * ln2L
		x *= 0.0625
		p := c8*x + c7
		p = p*x + c6
		p = p*x + c5
		p = p*x + c4
		p = p*x + c3
		p = p*x + c0
		p = p*x + c1
		x *= p
		x *= x + c2
		x *= x + c2
		x *= x + c2
		x *= x + c2
		r = x + c1
	}
	// ldexp: r * 2**e, through a subnormal scale when needed.
	e += 0x3FF
	if e <= 0 {
		if e < -52 {
			return 0
		}
		e += 0x3FE
		r *= Float64frombits(uint64(e) << 52)
		e = 1
	} else if e >= 0x7FF {
		return Inf(1)
	}
	return r * Float64frombits(uint64(e)<<52)
}

// cvtsd2sl is CVTSD2SL: round to nearest even, and 0x80000000 (the "integer
// indefinite") when out of int32 range.
func cvtsd2sl(f float64) int32 {
	r := RoundToEven(f)
	if !(r >= -2147483648 && r < 2147483648) {
		return -2147483648
	}
	return int32(r)
}

// archLog is log_amd64.s: log.go's algorithm, but the fraction is taken straight
// from the bits (subnormals are not normalized) and f1 == Sqrt2/2 is halved.
func archLog(x float64) float64 {
	const (
		hSqrt2 = 7.07106781186547524401e-01
		ln2Hi  = 6.93147180369123816490e-01
		ln2Lo  = 1.90821492927058770002e-10
		L1     = 6.666666666666735130e-01
		L2     = 3.999999999940941908e-01
		L3     = 2.857142874366239149e-01
		L4     = 2.222219843214978396e-01
		L5     = 1.818357216161805012e-01
		L6     = 1.531383769920937332e-01
		L7     = 1.479819860511658591e-01
	)
	b := Float64bits(x)
	switch {
	case b&^(1<<63) == 0:
		return Inf(-1)
	case int64(b) < 0:
		return NaN()
	case b >= uvinf:
		return x
	}
	f1 := Float64frombits(b&fracMask | 0x3FE0000000000000)
	k := float64(int32(b>>52&0x7FF) - 0x3FE)
	if !(hSqrt2 < f1) {
		k -= 1
		f1 *= 2
	}
	f := f1 - 1
	s := f / (2 + f)
	s2 := s * s
	s4 := s2 * s2
	t1 := s2 * (L1 + s4*(L3+s4*(L5+s4*L7)))
	t2 := s4 * (L2 + s4*(L4+s4*L6))
	R := t1 + t2
	hfsq := 0.5 * f * f
	return k*ln2Hi - ((hfsq - (s*(hfsq+R) + k*ln2Lo)) - f)
}
