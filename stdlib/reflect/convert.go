// Conversions by reflection: Value.Convert, Value.CanConvert and
// Type.ConvertibleTo follow the spec's conversion rules as a Go conversion
// expression T(x) would: between numeric types, from integers and byte or rune
// slices to strings and back, from slices to arrays and array pointers, between
// types of identical underlying type, and into interfaces a value implements.
package reflect

import (
	"strconv"
	"unicode/utf8"
	"unsafe"
)

// ConvertibleTo reports whether a value of type t converts to type u (a slice
// converts to an array type even when a particular slice is too short to).
func (t *rtype) ConvertibleTo(u Type) bool {
	if u == nil {
		panic("reflect: nil type passed to Type.ConvertibleTo")
	}
	return conversion(u.common(), t) != convertNone
}

// CanConvert reports whether v.Convert(t) would succeed.
func (v Value) CanConvert(t Type) bool {
	T := t.common()
	op := conversion(T, v.Type().common())
	if op == convertNone {
		return false
	}
	if op == convertSliceToArray || op == convertSliceToArrayPointer {
		n := T.len
		if op == convertSliceToArrayPointer {
			n = T.elem.len
		}
		return n <= v.Len()
	}
	return true
}

// Convert returns v converted to type t; it panics where a conversion
// expression would not compile, or (slice to array) would panic.
func (v Value) Convert(t Type) Value {
	if v.flag&flagRO != 0 {
		panic("reflect: reflect.Value.Convert using value obtained using unexported field")
	}
	T := t.common()
	V := v.Type().common()
	op := conversion(T, V)
	ro := v.flag & flagRO
	switch op {
	case convertNone:
		panic("reflect.Value.Convert: value of type " + V.String() + " cannot be converted to type " + T.String())
	case convertDirect:
		return v.retyped(T)
	case convertNumber:
		return convertNumberValue(v, T, ro)
	case convertIntToString:
		var s string
		if k := V.Kind(); k >= Int && k <= Int64 {
			s = runeString(v.Int())
		} else {
			u := v.Uint()
			if u > utf8.MaxRune {
				s = "\uFFFD"
			} else {
				s = string(rune(u))
			}
		}
		return newValueOf(T, ro, func(p unsafe.Pointer) { *(*string)(p) = s })
	case convertBytesToString:
		s := string(v.Bytes())
		return newValueOf(T, ro, func(p unsafe.Pointer) { *(*string)(p) = s })
	case convertRunesToString:
		s := string(*(*[]rune)(v.ptr))
		return newValueOf(T, ro, func(p unsafe.Pointer) { *(*string)(p) = s })
	case convertStringToBytes:
		b := []byte(v.String())
		return newValueOf(T, ro, func(p unsafe.Pointer) { *(*[]byte)(p) = b })
	case convertStringToRunes:
		r := []rune(v.String())
		return newValueOf(T, ro, func(p unsafe.Pointer) { *(*[]rune)(p) = r })
	case convertSliceToArray, convertSliceToArrayPointer:
		arrayType := T
		if op == convertSliceToArrayPointer {
			arrayType = T.elem
		}
		h := (*sliceHeader)(v.ptr)
		n := arrayType.len
		if n > h.Len {
			panic("reflect: cannot convert slice with length " + strconv.Itoa(h.Len) + " to array or pointer to array with length " + strconv.Itoa(n))
		}
		if op == convertSliceToArrayPointer {
			// The pointer aliases the slice's array, as the conversion does.
			return Value{T, h.Data, ro}
		}
		return newValueOf(T, ro, func(p unsafe.Pointer) { typedmemmove(T, p, h.Data) })
	case convertToInterface:
		x := New(T).Elem()
		if V.Kind() == Interface && v.IsNil() {
			return Value{T, x.ptr, flagIndir | ro}
		}
		x.Set(v.interfaceValue())
		return Value{T, x.ptr, flagIndir | ro}
	}
	panic("reflect: unreachable conversion")
}

// The kinds of conversion conversion() finds.
const (
	convertNone = iota
	convertDirect
	convertNumber
	convertIntToString
	convertBytesToString
	convertRunesToString
	convertStringToBytes
	convertStringToRunes
	convertSliceToArray
	convertSliceToArrayPointer
	convertToInterface
)

// conversion says how a value of type V converts to type T, if it does.
func conversion(T, V *rtype) int {
	tk, vk := T.Kind(), V.Kind()
	switch {
	case isNumberKind(vk) && isNumberKind(tk) && (vk < Complex64) == (tk < Complex64):
		return convertNumber
	case vk >= Int && vk <= Uintptr && tk == String:
		return convertIntToString
	case vk == Slice && tk == String && V.elem.PkgPath() == "":
		switch V.elem.Kind() {
		case Uint8:
			return convertBytesToString
		case Int32:
			return convertRunesToString
		}
	case vk == String && tk == Slice && T.elem.PkgPath() == "":
		switch T.elem.Kind() {
		case Uint8:
			return convertStringToBytes
		case Int32:
			return convertStringToRunes
		}
	case vk == Slice && tk == Array && T.elem == V.elem:
		return convertSliceToArray
	case vk == Slice && tk == Pointer && T.elem.Kind() == Array && T.elem.elem == V.elem:
		return convertSliceToArrayPointer
	}
	if tk == Chan && vk == Chan && V.len == 0 && T.elem == V.elem && !(T.named() && V.named()) {
		return convertDirect // a bidirectional channel to a directional one
	}
	if tk == vk && (T == V || identicalUnderlying(T, V)) {
		return convertDirect
	}
	// Unnamed pointers to types of identical underlying type.
	if tk == Pointer && vk == Pointer && !T.named() && !V.named() {
		if a, b := T.elem, V.elem; a.Kind() == b.Kind() && (a == b || identicalUnderlying(a, b)) {
			return convertDirect
		}
	}
	if tk == Interface && implements(T, V) {
		return convertToInterface
	}
	return convertNone
}

func isNumberKind(k Kind) bool { return k >= Int && k <= Complex128 }

// retyped is v's value seen as type T, which has v's memory layout.
func (v Value) retyped(T *rtype) Value {
	if v.flag&flagIndir != 0 {
		// Copy, so that the result does not alias an addressable v.
		c := unsafe_New(T)
		typedmemmove(T, c, v.ptr)
		return Value{T, c, flagIndir | v.flag&flagRO}
	}
	return Value{T, v.ptr, v.flag & flagRO}
}

// newValueOf is a new value of type T that init writes.
func newValueOf(T *rtype, ro flag, init func(p unsafe.Pointer)) Value {
	p := unsafe_New(T)
	init(p)
	if ifaceIndir(T) {
		return Value{T, p, flagIndir | ro}
	}
	return Value{T, *(*unsafe.Pointer)(p), ro}
}

// convertNumberValue converts between integer and float kinds, or between
// complex kinds, with Go's conversion semantics.
func convertNumberValue(v Value, T *rtype, ro flag) Value {
	x := New(T).Elem()
	vk := v.Kind()
	switch tk := T.Kind(); {
	case tk >= Int && tk <= Int64:
		switch {
		case vk >= Int && vk <= Int64:
			x.SetInt(v.Int())
		case vk >= Uint && vk <= Uintptr:
			x.SetInt(int64(v.Uint()))
		default:
			x.SetInt(floatToInt(v))
		}
	case tk >= Uint && tk <= Uintptr:
		switch {
		case vk >= Int && vk <= Int64:
			x.SetUint(uint64(v.Int()))
		case vk >= Uint && vk <= Uintptr:
			x.SetUint(v.Uint())
		default:
			x.SetUint(floatToUint(v))
		}
	case tk == Float32 || tk == Float64:
		switch {
		case vk >= Int && vk <= Int64:
			x.SetFloat(float64(v.Int()))
		case vk >= Uint && vk <= Uintptr:
			x.SetFloat(float64(v.Uint()))
		default:
			x.SetFloat(v.Float())
		}
	default:
		x.SetComplex(v.Complex())
	}
	return Value{T, x.ptr, flagIndir | ro}
}

// floatToInt and floatToUint convert a float Value as the compiled conversion
// does (from float32 when the source is one).
func floatToInt(v Value) int64 {
	f := v.Float()
	if v.Kind() == Float32 {
		return int64(float32(f))
	}
	return int64(f)
}

func floatToUint(v Value) uint64 {
	f := v.Float()
	if v.Kind() == Float32 {
		return uint64(float32(f))
	}
	return uint64(f)
}

// runeString is string(rune(i)) for an integer, "\uFFFD" outside rune's range.
func runeString(i int64) string {
	if int64(rune(i)) != i {
		return "\uFFFD"
	}
	return string(rune(i))
}

// interfaceValue is v as it would be stored in an interface: v itself, or the
// value inside when v is an interface.
func (v Value) interfaceValue() Value {
	if v.Kind() == Interface {
		return v.Elem()
	}
	return v
}

// OverflowComplex reports whether x cannot be represented in v's complex type.
func (v Value) OverflowComplex(x complex128) bool {
	if !v.CanComplex() {
		panic(&ValueError{"reflect.Value.OverflowComplex", v.Kind()})
	}
	return v.typ.size == 8 && (overflowFloat32(real(x)) || overflowFloat32(imag(x)))
}

// OverflowComplex reports whether x cannot be represented in the complex type t.
func (t *rtype) OverflowComplex(x complex128) bool {
	k := t.Kind()
	if k != Complex64 && k != Complex128 {
		panic("reflect: OverflowComplex of non-complex type " + t.String())
	}
	return k == Complex64 && (overflowFloat32(real(x)) || overflowFloat32(imag(x)))
}
