package reflect

import "unsafe"

// During deepValueEqual, visited comparisons are kept in a map (gc's algorithm):
// a cycle of references compares equal where it closes.
type visit struct {
	a1  unsafe.Pointer
	a2  unsafe.Pointer
	typ *rtype
}

// hard reports whether v1 and v2 are of a kind whose comparison may recurse
// through a cycle (and whose addresses are worth remembering).
func hard(v1, v2 Value) bool {
	switch v1.Kind() {
	case Pointer:
		return v1.typ.elem.ptrdata != 0 // pointers to pointer-free data cannot cycle
	case Map, Slice, Interface:
		return !v1.IsNil() && !v2.IsNil()
	}
	return false
}

func deepValueEqual(v1, v2 Value, visited map[visit]bool) bool {
	if !v1.IsValid() || !v2.IsValid() {
		return v1.IsValid() == v2.IsValid()
	}
	if v1.typ != v2.typ {
		return false
	}
	if hard(v1, v2) {
		var addr1, addr2 unsafe.Pointer
		switch v1.Kind() {
		case Pointer, Map:
			addr1, addr2 = v1.pointer(), v2.pointer()
		default:
			addr1, addr2 = v1.ptr, v2.ptr
		}
		if uintptr(addr1) > uintptr(addr2) {
			addr1, addr2 = addr2, addr1 // canonical order
		}
		v := visit{addr1, addr2, v1.typ}
		if visited[v] {
			return true
		}
		visited[v] = true
	}

	switch v1.Kind() {
	case Array:
		for i := 0; i < v1.Len(); i++ {
			if !deepValueEqual(v1.Index(i), v2.Index(i), visited) {
				return false
			}
		}
		return true
	case Slice:
		if v1.IsNil() != v2.IsNil() {
			return false
		}
		if v1.Len() != v2.Len() {
			return false
		}
		if v1.Pointer() == v2.Pointer() {
			return true
		}
		for i := 0; i < v1.Len(); i++ {
			if !deepValueEqual(v1.Index(i), v2.Index(i), visited) {
				return false
			}
		}
		return true
	case Interface:
		if v1.IsNil() || v2.IsNil() {
			return v1.IsNil() == v2.IsNil()
		}
		return deepValueEqual(v1.Elem(), v2.Elem(), visited)
	case Pointer:
		if v1.pointer() == v2.pointer() {
			return true
		}
		return deepValueEqual(v1.Elem(), v2.Elem(), visited)
	case Struct:
		for i, n := 0, v1.NumField(); i < n; i++ {
			if !deepValueEqual(v1.Field(i), v2.Field(i), visited) {
				return false
			}
		}
		return true
	case Map:
		if v1.IsNil() != v2.IsNil() {
			return false
		}
		if v1.Len() != v2.Len() {
			return false
		}
		if v1.pointer() == v2.pointer() {
			return true
		}
		for _, k := range v1.MapKeys() {
			val1 := v1.MapIndex(k)
			val2 := v2.MapIndex(k)
			if !val1.IsValid() || !val2.IsValid() || !deepValueEqual(val1, val2, visited) {
				return false
			}
		}
		return true
	case Func:
		// Funcs are equal only if both are nil.
		return v1.IsNil() && v2.IsNil()
	case Int, Int8, Int16, Int32, Int64:
		return v1.Int() == v2.Int()
	case Uint, Uint8, Uint16, Uint32, Uint64, Uintptr:
		return v1.Uint() == v2.Uint()
	case String:
		return v1.String() == v2.String()
	case Bool:
		return v1.Bool() == v2.Bool()
	case Float32, Float64:
		return v1.Float() == v2.Float()
	case Complex64, Complex128:
		return v1.Complex() == v2.Complex()
	case Chan, UnsafePointer:
		return v1.pointer() == v2.pointer()
	}
	return false
}

// DeepEqual reports whether x and y are "deeply equal", as gc's reflect.DeepEqual
// defines it: values of identical types whose elements, fields, entries and
// pointees are deeply equal (cycles included); funcs only when both are nil;
// a nil and an empty slice or map differ; NaN is not equal to itself.
func DeepEqual(x, y any) bool {
	if x == nil || y == nil {
		return x == y
	}
	v1 := ValueOf(x)
	v2 := ValueOf(y)
	if v1.typ != v2.typ {
		return false
	}
	return deepValueEqual(v1, v2, make(map[visit]bool))
}
