// Iteration by reflection (Go 1.23+ and 1.26): Value.Seq and Seq2 range over a
// value as a for-range statement would, Type.CanSeq and CanSeq2 say which types
// can, and Type.Fields, Methods, Ins, Outs and Value.Fields, Methods iterate over
// a type's parts.
package reflect

import "iter"

// CanSeq reports whether a Value of type t can produce an iter.Seq[Value]: a
// for-range statement accepts it with one iteration variable.
func (t *rtype) CanSeq() bool {
	switch t.Kind() {
	case Int, Int8, Int16, Int32, Int64, Uint, Uint8, Uint16, Uint32, Uint64, Uintptr,
		Array, Slice, Chan, String, Map:
		return true
	case Func:
		return isRangeFunc(t, 1)
	case Pointer:
		return t.elem.Kind() == Array
	}
	return false
}

// CanSeq2 reports whether a Value of type t can produce an iter.Seq2[Value, Value].
func (t *rtype) CanSeq2() bool {
	switch t.Kind() {
	case Array, Slice, String, Map:
		return true
	case Func:
		return isRangeFunc(t, 2)
	case Pointer:
		return t.elem.Kind() == Array
	}
	return false
}

// isRangeFunc reports whether t is func(yield func(n values) bool).
func isRangeFunc(t *rtype, n int) bool {
	if t.NumIn() != 1 || t.NumOut() != 0 {
		return false
	}
	y := t.In(0)
	return y.Kind() == Func && y.NumIn() == n && y.NumOut() == 1 && y.Out(0).Kind() == Bool
}

// Seq returns an iter.Seq[Value] that ranges over v as `for x := range v` does:
// the integers below an integer, the indexes of an array, slice or string, a
// map's keys, a channel's values until it is closed, or a range function's values.
func (v Value) Seq() iter.Seq[Value] {
	t := v.typ
	if t == nil || !t.CanSeq() {
		panic("reflect: " + v.Type().String() + " cannot produce iter.Seq[Value]")
	}
	switch v.Kind() {
	case Int, Int8, Int16, Int32, Int64:
		return func(yield func(Value) bool) {
			for i := int64(0); i < v.Int(); i++ {
				x := New(t).Elem()
				x.SetInt(i)
				if !yield(x.notAddressable()) {
					return
				}
			}
		}
	case Uint, Uint8, Uint16, Uint32, Uint64, Uintptr:
		return func(yield func(Value) bool) {
			for i := uint64(0); i < v.Uint(); i++ {
				x := New(t).Elem()
				x.SetUint(i)
				if !yield(x.notAddressable()) {
					return
				}
			}
		}
	case Pointer, Array, Slice, String:
		return func(yield func(Value) bool) {
			for i := range v.rangeIndexes() {
				if !yield(ValueOf(i)) {
					return
				}
			}
		}
	case Map:
		return func(yield func(Value) bool) {
			for it := v.MapRange(); it.Next(); {
				if !yield(it.Key()) {
					return
				}
			}
		}
	case Chan:
		return func(yield func(Value) bool) {
			for {
				x, ok := v.Recv()
				if !ok || !yield(x) {
					return
				}
			}
		}
	}
	return func(yield func(Value) bool) {
		fn := MakeFunc(t.In(0), func(in []Value) []Value { return []Value{ValueOf(yield(in[0]))} })
		v.Call([]Value{fn})
	}
}

// Seq2 returns an iter.Seq2[Value, Value] that ranges over v as
// `for k, x := range v` does.
func (v Value) Seq2() iter.Seq2[Value, Value] {
	t := v.typ
	if t == nil || !t.CanSeq2() {
		panic("reflect: " + v.Type().String() + " cannot produce iter.Seq2[Value, Value]")
	}
	switch v.Kind() {
	case Pointer, Array, Slice:
		return func(yield func(Value, Value) bool) {
			a := v
			if v.Kind() == Pointer {
				a = v.Elem()
			}
			for i := range v.rangeIndexes() {
				if !yield(ValueOf(i), a.Index(i)) {
					return
				}
			}
		}
	case String:
		return func(yield func(Value, Value) bool) {
			for i, r := range v.String() {
				if !yield(ValueOf(i), ValueOf(r)) {
					return
				}
			}
		}
	case Map:
		return func(yield func(Value, Value) bool) {
			for it := v.MapRange(); it.Next(); {
				if !yield(it.Key(), it.Value()) {
					return
				}
			}
		}
	}
	return func(yield func(Value, Value) bool) {
		fn := MakeFunc(t.In(0), func(in []Value) []Value { return []Value{ValueOf(yield(in[0], in[1]))} })
		v.Call([]Value{fn})
	}
}

// rangeIndexes yields the indexes a for-range statement visits over an array, a
// pointer to an array, a slice or a string (a string's: where each rune starts).
func (v Value) rangeIndexes() iter.Seq[int] {
	return func(yield func(int) bool) {
		if v.Kind() == String {
			for i := range v.String() {
				if !yield(i) {
					return
				}
			}
			return
		}
		n := 0
		if v.Kind() == Pointer {
			n = v.typ.elem.Len()
		} else {
			n = v.Len()
		}
		for i := 0; i < n; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

// notAddressable is v without the ability to be set or addressed.
func (v Value) notAddressable() Value {
	v.flag &^= flagAddr
	return v
}

// Fields iterates over the struct type t's fields.
func (t *rtype) Fields() iter.Seq[StructField] {
	if t.Kind() != Struct {
		panic("reflect: Fields of non-struct type " + t.String())
	}
	return func(yield func(StructField) bool) {
		for i := 0; i < t.nfields; i++ {
			if !yield(t.Field(i)) {
				return
			}
		}
	}
}

// Methods iterates over t's exported methods, in Method's order.
func (t *rtype) Methods() iter.Seq[Method] {
	return func(yield func(Method) bool) {
		for i := 0; i < t.NumMethod(); i++ {
			if !yield(t.Method(i)) {
				return
			}
		}
	}
}

// Ins iterates over the func type t's parameter types.
func (t *rtype) Ins() iter.Seq[Type] {
	if t.Kind() != Func {
		panic("reflect: Ins of non-func type " + t.String())
	}
	return func(yield func(Type) bool) {
		for i := 0; i < t.NumIn(); i++ {
			if !yield(t.In(i)) {
				return
			}
		}
	}
}

// Outs iterates over the func type t's result types.
func (t *rtype) Outs() iter.Seq[Type] {
	if t.Kind() != Func {
		panic("reflect: Outs of non-func type " + t.String())
	}
	return func(yield func(Type) bool) {
		for i := 0; i < t.NumOut(); i++ {
			if !yield(t.Out(i)) {
				return
			}
		}
	}
}

// Fields iterates over the struct v's fields, each with its StructField.
func (v Value) Fields() iter.Seq2[StructField, Value] {
	t := v.Type()
	if t.Kind() != Struct {
		panic("reflect: Fields of non-struct type " + t.String())
	}
	return func(yield func(StructField, Value) bool) {
		for i := 0; i < t.NumField(); i++ {
			if !yield(t.Field(i), v.Field(i)) {
				return
			}
		}
	}
}

// Methods iterates over v's exported methods, each bound to v.
func (v Value) Methods() iter.Seq2[Method, Value] {
	t := v.Type()
	return func(yield func(Method, Value) bool) {
		for i := 0; i < t.NumMethod(); i++ {
			if !yield(t.Method(i), v.Method(i)) {
				return
			}
		}
	}
}
