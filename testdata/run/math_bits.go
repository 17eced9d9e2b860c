// run

// math/bits from Go's tree: counts, rotations, reversals and the
// full-width arithmetic, including the panics of Div.
package main

import (
	"fmt"
	"math"
	"math/bits"
)

func main() {
	for _, x := range []uint64{0, 1, 0x80, 0xF0F0, 1 << 63, math.MaxUint64, 0x0123456789ABCDEF} {
		fmt.Println(bits.LeadingZeros64(x), bits.TrailingZeros64(x), bits.OnesCount64(x), bits.Len64(x),
			bits.Reverse64(x), bits.ReverseBytes64(x), bits.RotateLeft64(x, 13), bits.RotateLeft64(x, -7))
	}
	fmt.Println(bits.LeadingZeros8(3), bits.LeadingZeros16(3), bits.LeadingZeros32(3), bits.LeadingZeros(3))
	fmt.Println(bits.OnesCount8(0xFF), bits.OnesCount16(0xF00F), bits.OnesCount32(7), bits.OnesCount(1023))
	fmt.Println(bits.Reverse8(1), bits.Reverse16(1), bits.Reverse32(1), bits.ReverseBytes16(0x1234), bits.ReverseBytes32(0x12345678))
	fmt.Println(bits.Len8(0), bits.Len16(256), bits.Len32(1<<31), bits.TrailingZeros8(0), bits.TrailingZeros16(8), bits.TrailingZeros32(0))
	fmt.Println(bits.RotateLeft8(0x81, 1), bits.RotateLeft16(1, -1), bits.RotateLeft32(1, 33), bits.UintSize)

	sum, carry := bits.Add64(math.MaxUint64, 2, 1)
	fmt.Println(sum, carry)
	diff, borrow := bits.Sub64(1, 2, 0)
	fmt.Println(diff, borrow)
	hi, lo := bits.Mul64(math.MaxUint64, math.MaxUint64)
	fmt.Println(hi, lo)
	q, r := bits.Div64(hi-1, lo, math.MaxUint64)
	fmt.Println(q, r, bits.Rem64(hi, lo, 7))
	s32, c32 := bits.Add32(math.MaxUint32, 1, 0)
	h32, l32 := bits.Mul32(0xFFFF_FFFF, 3)
	q32, r32 := bits.Div32(1, 0, 3)
	fmt.Println(s32, c32, h32, l32, q32, r32)

	for _, f := range []func(){
		func() { bits.Div64(0, 1, 0) },
		func() { bits.Div64(5, 1, 5) },
		func() { bits.Div32(0, 1, 0) },
	} {
		func() {
			defer func() { fmt.Println("recovered:", recover()) }()
			f()
		}()
	}
}
