// Iteration by reflection (Go 1.23+ and 1.26): Value.Seq and Seq2 range over a
// value as a for-range statement would, Type.CanSeq and CanSeq2 say which types
// can, and Type.Fields, Methods, Ins, Outs and Value.Fields, Methods iterate over
// a type's parts.
package reflect

import (
	"iter"
	"unicode/utf8"
)

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
	switch k := v.Kind(); {
	case k >= Int && k <= Int64:
		// Values of v's own type, which may be a defined one.
		return countSeq(int(v.Int()), func(i int) Value {
			x := New(t).Elem()
			x.SetInt(int64(i))
			return x.notAddressable()
		})
	case k >= Uint && k <= Uintptr:
		return countSeq(int(min(v.Uint(), uint64(^uint(0)>>1))), func(i int) Value {
			x := New(t).Elem()
			x.SetUint(uint64(i))
			return x.notAddressable()
		})
	case k == Pointer || k == Array || k == Slice || k == String:
		indexes := v.rangeIndexes()
		return countSeq(len(indexes), func(i int) Value { return ValueOf(indexes[i]) })
	case k == Map:
		return func(yield func(Value) bool) {
			it := v.MapRange()
			for it.Next() && yield(it.Key()) {
			}
		}
	case k == Chan:
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
		elems := v
		if v.Kind() == Pointer {
			elems = v.Elem()
		}
		indexes := v.rangeIndexes()
		return countSeq2(len(indexes), func(i int) (Value, Value) { return ValueOf(i), elems.Index(i) })
	case String:
		s := v.String()
		indexes := v.rangeIndexes()
		return countSeq2(len(indexes), func(i int) (Value, Value) {
			at := indexes[i]
			r, _ := utf8.DecodeRuneInString(s[at:])
			return ValueOf(at), ValueOf(r)
		})
	case Map:
		return func(yield func(Value, Value) bool) {
			it := v.MapRange()
			for it.Next() && yield(it.Key(), it.Value()) {
			}
		}
	}
	return func(yield func(Value, Value) bool) {
		fn := MakeFunc(t.In(0), func(in []Value) []Value { return []Value{ValueOf(yield(in[0], in[1]))} })
		v.Call([]Value{fn})
	}
}

// rangeIndexes lists the indexes a for-range statement visits over an array, a
// pointer to an array, a slice or a string (a string's: where each rune starts).
func (v Value) rangeIndexes() []int {
	var indexes []int
	switch v.Kind() {
	case String:
		for at := range v.String() {
			indexes = append(indexes, at)
		}
	case Pointer:
		indexes = make([]int, v.typ.elem.Len())
	default:
		indexes = make([]int, v.Len())
	}
	if v.Kind() != String {
		for i := range indexes {
			indexes[i] = i
		}
	}
	return indexes
}

// countSeq yields at(0), at(1), ... at(n-1), until the consumer stops.
func countSeq[T any](n int, at func(int) T) iter.Seq[T] {
	return func(yield func(T) bool) {
		for i := 0; i < n && yield(at(i)); i++ {
		}
	}
}

// countSeq2 is countSeq for pairs.
func countSeq2[K, V any](n int, at func(int) (K, V)) iter.Seq2[K, V] {
	return func(yield func(K, V) bool) {
		for i := 0; i < n; i++ {
			if k, x := at(i); !yield(k, x) {
				break
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
	return countSeq(t.nfields, t.Field)
}

// Methods iterates over t's exported methods, in Method's order.
func (t *rtype) Methods() iter.Seq[Method] { return countSeq(t.NumMethod(), t.Method) }

// Ins iterates over the func type t's parameter types.
func (t *rtype) Ins() iter.Seq[Type] {
	if t.Kind() != Func {
		panic("reflect: Ins of non-func type " + t.String())
	}
	return countSeq(t.NumIn(), t.In)
}

// Outs iterates over the func type t's result types.
func (t *rtype) Outs() iter.Seq[Type] {
	if t.Kind() != Func {
		panic("reflect: Outs of non-func type " + t.String())
	}
	return countSeq(t.NumOut(), t.Out)
}

// Fields iterates over the struct v's fields, each with its StructField.
func (v Value) Fields() iter.Seq2[StructField, Value] {
	t := v.Type()
	if t.Kind() != Struct {
		panic("reflect: Fields of non-struct type " + t.String())
	}
	return countSeq2(t.NumField(), func(i int) (StructField, Value) { return t.Field(i), v.Field(i) })
}

// Methods iterates over v's exported methods, each bound to v.
func (v Value) Methods() iter.Seq2[Method, Value] {
	t := v.Type()
	return countSeq2(t.NumMethod(), func(i int) (Method, Value) { return t.Method(i), v.Method(i) })
}
