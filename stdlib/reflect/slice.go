// Slicing by reflection (Value.Slice, Slice3), values at given addresses (NewAt, SliceAt, SetPointer), Swapper, and
// setting from a map iterator (SetIterKey, SetIterValue).
package reflect

import "unsafe"

// Slice returns v[i:j] of an array (addressable), slice or string v.
func (v Value) Slice(i, j int) Value {
	if v.Kind() == String {
		s := *(*string)(v.ptr)
		if i < 0 || j < i || j > len(s) {
			panic("reflect.Value.Slice: string slice index out of bounds")
		}
		sub := s[i:j]
		return newValueOf(v.typ, v.flag&flagRO, func(p unsafe.Pointer) { *(*string)(p) = sub })
	}
	base, capacity, typ := v.sliceable("reflect.Value.Slice")
	if i < 0 || j < i || j > capacity {
		panic("reflect.Value.Slice: slice index out of bounds")
	}
	return v.sliced(typ, base, i, j, capacity)
}

// Slice3 returns v[i:j:k] of an array (addressable) or slice v.
func (v Value) Slice3(i, j, k int) Value {
	base, capacity, typ := v.sliceable("reflect.Value.Slice3")
	if i < 0 || j < i || k < j || k > capacity {
		panic("reflect.Value.Slice3: slice index out of bounds")
	}
	return v.sliced(typ, base, i, j, k)
}

// sliceable is what slicing the array or slice v starts from: its first
// element, its capacity, and the type of the slices made of it.
func (v Value) sliceable(method string) (base unsafe.Pointer, capacity int, typ *rtype) {
	switch v.Kind() {
	case Array:
		if v.flag&flagAddr == 0 {
			panic(method + ": slice of unaddressable array")
		}
		return v.ptr, v.typ.len, SliceOf(v.typ.elem).common()
	case Slice:
		s := (*sliceHeader)(v.ptr)
		return s.Data, s.Cap, v.typ
	}
	panic(&ValueError{method, v.Kind()})
}

// sliced is the slice of type typ over base[i:j:k]; a slice of capacity zero
// keeps base, so it does not point past the array.
func (v Value) sliced(typ *rtype, base unsafe.Pointer, i, j, k int) Value {
	h := &sliceHeader{Data: base, Len: j - i, Cap: k - i}
	if k-i > 0 {
		h.Data = unsafe.Add(base, uintptr(i)*typ.elem.size)
	}
	return Value{typ, unsafe.Pointer(h), flagIndir | v.flag&flagRO}
}

// NewAt returns a Value of a pointer to a value of type typ at p.
func NewAt(typ Type, p unsafe.Pointer) Value {
	return Value{ptrTo(typ.common()), p, 0}
}

// SliceAt returns a Value of a slice of n values of type typ starting at p.
func SliceAt(typ Type, p unsafe.Pointer, n int) Value {
	if n < 0 {
		panic("reflect.SliceAt: negative len")
	}
	s := SliceOf(typ).common()
	return Value{s, unsafe.Pointer(&sliceHeader{Data: p, Len: n, Cap: n}), flagIndir}
}

// SetPointer sets the settable unsafe.Pointer v to x.
func (v Value) SetPointer(x unsafe.Pointer) {
	v.mustBeAssignable("reflect.Value.SetPointer")
	v.mustBe(UnsafePointer, "reflect.Value.SetPointer")
	*(*unsafe.Pointer)(v.ptr) = x
}

// SetIterKey assigns the key of iter's current entry to v, as v.Set(iter.Key()).
func (v Value) SetIterKey(iter *MapIter) { v.Set(iter.Key()) }

// SetIterValue assigns the value of iter's current entry to v, as
// v.Set(iter.Value()).
func (v Value) SetIterValue(iter *MapIter) { v.Set(iter.Value()) }

// Swapper returns a function that swaps the elements i and j of the slice.
func Swapper(slice any) func(i, j int) {
	v := ValueOf(slice)
	if v.Kind() != Slice {
		panic(&ValueError{"Swapper", v.Kind()})
	}
	s := (*sliceHeader)(v.ptr)
	et := v.typ.elem
	tmp := unsafe_New(et)
	return func(i, j int) {
		if uint(i) >= uint(s.Len) || uint(j) >= uint(s.Len) {
			panic("reflect: slice index out of range")
		}
		pi := unsafe.Add(s.Data, uintptr(i)*et.size)
		pj := unsafe.Add(s.Data, uintptr(j)*et.size)
		typedmemmove(et, tmp, pi)
		typedmemmove(et, pi, pj)
		typedmemmove(et, pj, tmp)
	}
}
