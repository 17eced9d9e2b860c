// Equality over gojit's reflection: DeepEqual, and Value's Equal and Comparable
// (==, as the language defines it for the values' type; at the end of the file).
//
// DeepEqual: structural equality.
// A deepComparer walks two values of one type in step. Values that can reach
// themselves (pointers to pointer-bearing data, non-nil maps, slices and
// interfaces) are recorded, as an ordered pair of addresses with their type,
// before they are descended into; meeting a recorded pair again means the walk
// went round a cycle, and the pair counts as equal there (what gc's DeepEqual
// does, so cyclic values compare equal when their shapes agree).

package reflect

import "unsafe"

// visit is a pair of addresses (lower first) compared as values of typ.
type visit struct {
	a1  unsafe.Pointer
	a2  unsafe.Pointer
	typ *rtype
}

type deepComparer struct {
	seen map[visit]struct{}
}

// DeepEqual reports whether x and y are "deeply equal", as gc's reflect.DeepEqual
// defines it: values of identical types whose elements, fields, entries and
// pointees are deeply equal (cycles included); funcs only when both are nil;
// a nil and an empty slice or map differ; NaN is not equal to itself.
func DeepEqual(x, y any) bool {
	if x == nil || y == nil {
		return x == y
	}
	a, b := ValueOf(x), ValueOf(y)
	if a.typ != b.typ {
		return false
	}
	c := deepComparer{seen: map[visit]struct{}{}}
	return c.equal(a, b)
}

// mayCycle reports whether a and b (of one type) could lead back to themselves.
func mayCycle(a, b Value) bool {
	switch a.Kind() {
	case Pointer:
		return a.typ.elem.ptrdata != 0
	case Map, Slice, Interface:
		return !a.IsNil() && !b.IsNil()
	}
	return false
}

// revisits records the pair a, b and reports whether it was recorded already.
func (c *deepComparer) revisits(a, b Value) bool {
	pa, pb := a.ptr, b.ptr
	if k := a.Kind(); k == Pointer || k == Map {
		pa, pb = a.pointer(), b.pointer()
	}
	if uintptr(pb) < uintptr(pa) {
		pa, pb = pb, pa
	}
	key := visit{pa, pb, a.typ}
	if _, ok := c.seen[key]; ok {
		return true
	}
	c.seen[key] = struct{}{}
	return false
}

func (c *deepComparer) equal(a, b Value) bool {
	if !a.IsValid() || !b.IsValid() {
		return a.IsValid() == b.IsValid()
	}
	if a.typ != b.typ {
		return false
	}
	if mayCycle(a, b) && c.revisits(a, b) {
		return true
	}
	switch k := a.Kind(); k {
	case Array:
		return c.elementsEqual(a, b)
	case Slice:
		switch {
		case a.IsNil() || b.IsNil():
			return a.IsNil() == b.IsNil()
		case a.Len() != b.Len():
			return false
		case a.Pointer() == b.Pointer():
			return true // the same backing array
		}
		return c.elementsEqual(a, b)
	case Map:
		return c.mapsEqual(a, b)
	case Interface:
		if a.IsNil() || b.IsNil() {
			return a.IsNil() == b.IsNil()
		}
		return c.equal(a.Elem(), b.Elem())
	case Pointer:
		return a.pointer() == b.pointer() || c.equal(a.Elem(), b.Elem())
	case Struct:
		n := a.NumField()
		for i := 0; i < n; i++ {
			if !c.equal(a.Field(i), b.Field(i)) {
				return false
			}
		}
		return true
	case Func:
		return a.IsNil() && b.IsNil()
	case Chan, UnsafePointer:
		return a.pointer() == b.pointer()
	default:
		return scalarsEqual(k, a, b)
	}
}

// elementsEqual compares two arrays, or two slices of one length, element by
// element.
func (c *deepComparer) elementsEqual(a, b Value) bool {
	for i, n := 0, a.Len(); i < n; i++ {
		if !c.equal(a.Index(i), b.Index(i)) {
			return false
		}
	}
	return true
}

// mapsEqual: both nil, or the same keys mapped to deeply equal values.
func (c *deepComparer) mapsEqual(a, b Value) bool {
	if a.IsNil() || b.IsNil() {
		return a.IsNil() == b.IsNil()
	}
	if a.Len() != b.Len() {
		return false
	}
	if a.pointer() == b.pointer() {
		return true
	}
	for _, key := range a.MapKeys() {
		va, vb := a.MapIndex(key), b.MapIndex(key)
		if !vb.IsValid() || !c.equal(va, vb) {
			return false
		}
	}
	return true
}

// scalarsEqual compares values of a basic kind k with ==.
func scalarsEqual(k Kind, a, b Value) bool {
	switch {
	case k == Bool:
		return a.Bool() == b.Bool()
	case k >= Int && k <= Int64:
		return a.Int() == b.Int()
	case k >= Uint && k <= Uintptr:
		return a.Uint() == b.Uint()
	case k == Float32 || k == Float64:
		return a.Float() == b.Float()
	case k == Complex64 || k == Complex128:
		return a.Complex() == b.Complex()
	case k == String:
		return a.String() == b.String()
	}
	return false
}

// Comparable reports whether v's value may be compared with ==: by its type,
// and for interfaces (also inside arrays and structs) by the dynamic value.
func (v Value) Comparable() bool {
	switch v.Kind() {
	case Invalid, Func, Map, Slice:
		return false
	case Interface:
		e := v.Elem()
		return !e.IsValid() || e.Comparable()
	case Array:
		for i := 0; i < v.Len(); i++ {
			if !v.Index(i).Comparable() {
				return false
			}
		}
		return true
	case Struct:
		for i := 0; i < v.NumField(); i++ {
			if !v.Field(i).Comparable() {
				return false
			}
		}
		return true
	}
	return true
}

// Equal reports whether v == u as Go's == would say for values of v's type
// (interfaces compared by their dynamic values); it panics, as == would, for
// values that are not comparable.
func (v Value) Equal(u Value) bool {
	if v.Kind() == Interface {
		v = v.Elem()
	}
	if u.Kind() == Interface {
		u = u.Elem()
	}
	if !v.IsValid() || !u.IsValid() {
		return v.IsValid() == u.IsValid()
	}
	if v.Kind() != u.Kind() || v.typ != u.typ {
		return false
	}
	switch v.Kind() {
	case Bool:
		return v.Bool() == u.Bool()
	case Int, Int8, Int16, Int32, Int64:
		return v.Int() == u.Int()
	case Uint, Uint8, Uint16, Uint32, Uint64, Uintptr:
		return v.Uint() == u.Uint()
	case Float32, Float64:
		return v.Float() == u.Float()
	case Complex64, Complex128:
		return v.Complex() == u.Complex()
	case String:
		return v.String() == u.String()
	case Chan, Pointer, UnsafePointer:
		return v.pointer() == u.pointer()
	case Array:
		for i := 0; i < v.Len(); i++ {
			if !v.Index(i).Equal(u.Index(i)) {
				return false
			}
		}
		return true
	case Struct:
		for i := 0; i < v.NumField(); i++ {
			if !v.Field(i).Equal(u.Field(i)) {
				return false
			}
		}
		return true
	}
	panic("reflect.Value.Equal: values of type " + v.typ.String() + " are not comparable")
}
