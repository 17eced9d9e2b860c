// Making and growing values of run-time types: maps (MakeMap, MakeMapWithSize)
// and slice capacity (Value.Grow), through the runtime's own makemap and
// allocator (reflect_natives.cc).
package reflect

import "unsafe"

// MakeMap creates a new map of the given map type.
func MakeMap(typ Type) Value { return MakeMapWithSize(typ, 0) }

// MakeMapWithSize creates a new map of the given type with room for about n
// elements.
func MakeMapWithSize(typ Type, n int) Value {
	if typ.Kind() != Map {
		panic("reflect.MakeMapWithSize of non-map type")
	}
	t := typ.common()
	return Value{t, makemap(t, n), 0}
}

// Grow increases the settable slice v's capacity, if necessary, so that n more
// elements fit without another allocation.
func (v Value) Grow(n int) {
	v.mustBeAssignable("reflect.Value.Grow")
	v.mustBe(Slice, "reflect.Value.Grow")
	if n < 0 {
		panic("reflect.Value.Grow: negative len")
	}
	h := (*sliceHeader)(v.ptr)
	need := h.Len + n
	if need < 0 {
		panic("reflect.Value.Grow: slice overflow")
	}
	if need <= h.Cap {
		return
	}
	newCap := 2 * h.Cap
	if newCap < need {
		newCap = need
	}
	elem := v.typ.elem
	data := unsafe_NewArray(elem, newCap)
	if h.Len > 0 && elem.size > 0 {
		copy(unsafe.Slice((*byte)(data), uintptr(h.Len)*elem.size),
			unsafe.Slice((*byte)(h.Data), uintptr(h.Len)*elem.size))
	}
	h.Data = data
	h.Cap = newCap
}

// OverflowInt reports whether x cannot be represented in t, a signed integer type.
func (t *rtype) OverflowInt(x int64) bool {
	k := t.Kind()
	if k < Int || k > Int64 {
		panic("reflect: OverflowInt of non-int type " + t.String())
	}
	shift := 64 - t.size*8
	return x<<shift>>shift != x
}

// OverflowUint reports whether x cannot be represented in t, an unsigned integer
// type.
func (t *rtype) OverflowUint(x uint64) bool {
	k := t.Kind()
	if k < Uint || k > Uintptr {
		panic("reflect: OverflowUint of non-uint type " + t.String())
	}
	shift := 64 - t.size*8
	return x<<shift>>shift != x
}

// OverflowFloat reports whether x is finite but beyond t's float range.
func (t *rtype) OverflowFloat(x float64) bool {
	k := t.Kind()
	if k != Float32 && k != Float64 {
		panic("reflect: OverflowFloat of non-float type " + t.String())
	}
	return k == Float32 && overflowFloat32(x)
}

// overflowFloat32 reports whether the finite x is beyond float32's range.
func overflowFloat32(x float64) bool {
	const maxFloat32 = 0x1p127 * (1 + (1 - 0x1p-23))
	if x < 0 {
		x = -x
	}
	return x > maxFloat32 && x <= 0x1p1023*(1+(1-0x1p-52))
}

func makemap(t *rtype, n int) unsafe.Pointer
