package reflect

import "unsafe"

// Value is the reflection interface to a Go value, as in gc: a type, a pointer
// and flags. With flagIndir, ptr points to the value; without it, the value is
// pointer-shaped (an interface's data word itself: pointers, maps, channels,
// funcs, unsafe.Pointer and single-pointer structs and arrays) and ptr is it.
// flagAddr marks a value reached through a pointer (addressable, settable unless
// flagRO: it was reached through an unexported field).
type Value struct {
	typ  *rtype
	ptr  unsafe.Pointer
	flag flag
}

type flag uintptr

const (
	flagRO    flag = 1 << 0
	flagIndir flag = 1 << 1
	flagAddr  flag = 1 << 2
	// flagMethodFunc: a Method.Func of Type.Method (call.go), whose type was
	// made at run time; ptr points to a func([]Value) []Value that calls it.
	flagMethodFunc flag = 1 << 3
)

// A ValueError occurs when a Value method is invoked on a Value that does not
// support it.
type ValueError struct {
	Method string
	Kind   Kind
}

func (e *ValueError) Error() string {
	if e.Kind == 0 {
		return "reflect: call of " + e.Method + " on zero Value"
	}
	return "reflect: call of " + e.Method + " on " + e.Kind.String() + " Value"
}

func (v Value) mustBe(k Kind, method string) {
	if v.Kind() != k {
		panic(&ValueError{method, v.Kind()})
	}
}

func (v Value) mustBeAssignable(method string) {
	if v.typ == nil {
		panic(&ValueError{method, Invalid})
	}
	if v.flag&flagRO != 0 {
		panic("reflect: " + method + " using value obtained using unexported field")
	}
	if !v.CanAddr() {
		panic("reflect: " + method + " using unaddressable value")
	}
}

// ValueOf returns a new Value initialized to the concrete value stored in i
// (the zero Value for a nil interface).
func ValueOf(i any) Value {
	e := (*emptyInterface)(unsafe.Pointer(&i))
	return unpackEface(e.typ, e.word)
}

func unpackEface(t *rtype, word unsafe.Pointer) Value {
	if t == nil {
		return Value{}
	}
	if ifaceIndir(t) {
		return Value{t, word, flagIndir}
	}
	return Value{t, word, 0}
}

// indirect reports whether v.ptr points to the value (flagIndir) rather than
// being it.
func (v Value) indirect() bool { return v.flag&flagIndir != 0 }

// pointer is the value of a pointer-shaped Value.
func (v Value) pointer() unsafe.Pointer {
	if v.indirect() {
		return *(*unsafe.Pointer)(v.ptr)
	}
	return v.ptr
}

// IsValid reports whether v represents a value (it is not the zero Value).
func (v Value) IsValid() bool { return v.typ != nil }

// Kind returns v's Kind; Invalid for the zero Value.
func (v Value) Kind() Kind {
	if v.typ == nil {
		return Invalid
	}
	return v.typ.Kind()
}

// Type returns v's type.
func (v Value) Type() Type {
	if v.typ == nil {
		panic(&ValueError{"reflect.Value.Type", Invalid})
	}
	return v.typ
}

func (v Value) CanAddr() bool { return v.flag&flagAddr != 0 }

func (v Value) CanSet() bool { return v.flag&(flagAddr|flagRO) == flagAddr }

func (v Value) CanInterface() bool {
	if v.typ == nil {
		panic(&ValueError{"reflect.Value.CanInterface", Invalid})
	}
	return v.flag&flagRO == 0
}

func (v Value) Bool() bool {
	v.mustBe(Bool, "reflect.Value.Bool")
	return *(*bool)(v.ptr)
}

// Numbers are read and written at their size, whatever their kind: load
// widens the T at p to W, store narrows w to the T at p.
type number interface {
	~int8 | ~int16 | ~int32 | ~int64 | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~float32 | ~float64
}

func load[T, W number](p unsafe.Pointer) W { return W(*(*T)(p)) }

func store[T, W number](p unsafe.Pointer, w W) { *(*T)(p) = T(w) }

func (v Value) Int() int64 {
	if k := v.Kind(); k < Int || k > Int64 {
		panic(&ValueError{"reflect.Value.Int", k})
	}
	switch v.typ.size {
	case 1:
		return load[int8, int64](v.ptr)
	case 2:
		return load[int16, int64](v.ptr)
	case 4:
		return load[int32, int64](v.ptr)
	}
	return load[int64, int64](v.ptr)
}

func (v Value) Uint() uint64 {
	if k := v.Kind(); k < Uint || k > Uintptr {
		panic(&ValueError{"reflect.Value.Uint", k})
	}
	switch v.typ.size {
	case 1:
		return load[uint8, uint64](v.ptr)
	case 2:
		return load[uint16, uint64](v.ptr)
	case 4:
		return load[uint32, uint64](v.ptr)
	}
	return load[uint64, uint64](v.ptr)
}

func (v Value) Float() float64 {
	if k := v.Kind(); k != Float32 && k != Float64 {
		panic(&ValueError{"reflect.Value.Float", k})
	}
	if v.typ.size == 4 {
		return load[float32, float64](v.ptr)
	}
	return load[float64, float64](v.ptr)
}

func (v Value) Complex() complex128 {
	if k := v.Kind(); k != Complex64 && k != Complex128 {
		panic(&ValueError{"reflect.Value.Complex", k})
	}
	// A complex number is its real and imaginary parts, in that order.
	if v.typ.size == 8 {
		return complex(load[float32, float64](v.ptr), load[float32, float64](unsafe.Add(v.ptr, 4)))
	}
	return complex(load[float64, float64](v.ptr), load[float64, float64](unsafe.Add(v.ptr, 8)))
}

// String returns a string v's value; for other kinds "<T Value>", as gc.
func (v Value) String() string {
	if v.Kind() == String {
		return *(*string)(v.ptr)
	}
	if v.typ == nil {
		return "<invalid Value>"
	}
	return "<" + v.typ.String() + " Value>"
}

// SliceHeader is the runtime representation of a slice (gc's deprecated header:
// Data is not a pointer, so it does not keep the array alive).
type SliceHeader struct {
	Data uintptr
	Len  int
	Cap  int
}

// StringHeader is a string's two words (gc's deprecated header, as SliceHeader).
type StringHeader struct {
	Data uintptr
	Len  int
}

type sliceHeader struct {
	Data unsafe.Pointer
	Len  int
	Cap  int
}

type stringHeader struct {
	Data unsafe.Pointer
	Len  int
}

func (v Value) Len() int {
	switch v.Kind() {
	case Array:
		return v.typ.len
	case Slice:
		return (*sliceHeader)(v.ptr).Len
	case String:
		return (*stringHeader)(v.ptr).Len
	case Map:
		m := v.pointer()
		if m == nil {
			return 0
		}
		return *(*int)(m) // hmap.count is the map's first word
	case Chan:
		return chanlen(v.pointer())
	}
	panic(&ValueError{"reflect.Value.Len", v.Kind()})
}

func (v Value) Cap() int {
	switch v.Kind() {
	case Array:
		return v.typ.len
	case Slice:
		return (*sliceHeader)(v.ptr).Cap
	case Chan:
		return chancap(v.pointer())
	}
	panic(&ValueError{"reflect.Value.Cap", v.Kind()})
}

// IsNil reports whether v, a chan, func, interface, map, pointer, slice or
// unsafe.Pointer, is nil.
func (v Value) IsNil() bool {
	switch v.Kind() {
	case Chan, Func, Map, Pointer, UnsafePointer:
		return v.pointer() == nil
	case Interface, Slice:
		return *(*unsafe.Pointer)(v.ptr) == nil
	}
	panic(&ValueError{"reflect.Value.IsNil", v.Kind()})
}

// IsZero reports whether v == its type's zero value, element by element for
// arrays and structs: floating-point parts compare with == (-0.0 is zero, NaN
// is not), strings by length, and every other kind holds its zero value when
// all its bytes are zero.
func (v Value) IsZero() bool {
	switch k := v.Kind(); k {
	case Invalid:
		panic(&ValueError{"reflect.Value.IsZero", k})
	case String:
		return v.Len() == 0
	case Float32, Float64:
		return v.Float() == 0
	case Complex64, Complex128:
		return v.Complex() == 0
	case Array:
		for i, n := 0, v.typ.len; i < n; i++ {
			if !v.Index(i).IsZero() {
				return false
			}
		}
		return true
	case Struct:
		for i, n := 0, v.typ.nfields; i < n; i++ {
			if !v.Field(i).IsZero() {
				return false
			}
		}
		return true
	}
	if !v.indirect() {
		return v.ptr == nil // a pointer-shaped value is its own word
	}
	for i := uintptr(0); i < v.typ.size; i++ {
		if *(*byte)(unsafe.Add(v.ptr, i)) != 0 {
			return false
		}
	}
	return true
}

// Pointer returns v's value as a uintptr (pointer, chan, map, func, slice,
// unsafe.Pointer).
func (v Value) Pointer() uintptr {
	switch v.Kind() {
	case Chan, Map, Pointer, UnsafePointer, Func:
		return uintptr(v.pointer())
	case Slice:
		return uintptr((*sliceHeader)(v.ptr).Data)
	}
	panic(&ValueError{"reflect.Value.Pointer", v.Kind()})
}

// UnsafePointer returns v's value as an unsafe.Pointer (see Pointer).
func (v Value) UnsafePointer() unsafe.Pointer { return unsafe.Pointer(v.Pointer()) }

// UnsafeAddr returns a pointer to v's data; v must be addressable.
func (v Value) UnsafeAddr() uintptr {
	if v.typ == nil {
		panic(&ValueError{"reflect.Value.UnsafeAddr", Invalid})
	}
	if !v.CanAddr() {
		panic("reflect.Value.UnsafeAddr of unaddressable value")
	}
	return uintptr(v.ptr)
}

// Index returns v's i'th element (array, slice or string).
func (v Value) Index(i int) Value {
	switch v.Kind() {
	case Array:
		if uint(i) >= uint(v.typ.len) {
			panic("reflect: array index out of range")
		}
		et := v.typ.elem
		return Value{et, unsafe.Add(v.ptr, uintptr(i)*et.size), v.flag & (flagRO | flagIndir | flagAddr)}
	case Slice:
		s := (*sliceHeader)(v.ptr)
		if uint(i) >= uint(s.Len) {
			panic("reflect: slice index out of range")
		}
		et := v.typ.elem
		return Value{et, unsafe.Add(s.Data, uintptr(i)*et.size), flagAddr | flagIndir | v.flag&flagRO}
	case String:
		s := (*stringHeader)(v.ptr)
		if uint(i) >= uint(s.Len) {
			panic("reflect: string index out of range")
		}
		b := *(*byte)(unsafe.Add(s.Data, i))
		return ValueOf(b)
	}
	panic(&ValueError{"reflect.Value.Index", v.Kind()})
}

func (v Value) NumField() int {
	v.mustBe(Struct, "reflect.Value.NumField")
	return v.typ.nfields
}

// Field returns struct v's field number i (read-only if unexported).
func (v Value) Field(i int) Value {
	v.mustBe(Struct, "reflect.Value.Field")
	if uint(i) >= uint(v.typ.nfields) {
		panic("reflect: Field index out of range")
	}
	f := v.typ.field(i)
	fl := v.flag & (flagRO | flagIndir | flagAddr)
	if !isExportedName(f.name) {
		fl |= flagRO
	}
	return Value{f.typ, unsafe.Add(v.ptr, f.offset), fl}
}

// FieldByName returns the struct field with the given name, or the zero Value.
func (v Value) FieldByName(name string) Value {
	v.mustBe(Struct, "reflect.Value.FieldByName")
	if f, ok := v.typ.FieldByName(name); ok {
		return v.FieldByIndex(f.Index)
	}
	return Value{}
}

// Elem returns the value the interface v contains or the pointer v points to.
func (v Value) Elem() Value {
	switch v.Kind() {
	case Interface:
		var t *rtype
		var word unsafe.Pointer
		if v.typ.nmethods == 0 {
			e := (*emptyInterface)(v.ptr)
			t, word = e.typ, e.word
		} else {
			e := (*nonEmptyInterface)(v.ptr)
			if e.itab != nil {
				t = e.itab.typ
			}
			word = e.word
		}
		x := unpackEface(t, word)
		if x.typ != nil {
			x.flag |= v.flag & flagRO
		}
		return x
	case Pointer:
		p := v.pointer()
		if p == nil {
			return Value{}
		}
		return Value{v.typ.elem, p, flagIndir | flagAddr | v.flag&flagRO}
	}
	panic(&ValueError{"reflect.Value.Elem", v.Kind()})
}

// Indirect returns the value that v points to (v itself if not a pointer).
func Indirect(v Value) Value {
	if v.Kind() != Pointer {
		return v
	}
	return v.Elem()
}

// Interface boxes v's value in an interface (a copy, unless the value came
// from an interface and cannot change).
func (v Value) Interface() any {
	if v.typ == nil {
		panic(&ValueError{"reflect.Value.Interface", Invalid})
	}
	if v.flag&flagRO != 0 {
		panic("reflect.Value.Interface: cannot return value obtained from unexported field or method")
	}
	if v.flag&flagMethodFunc != 0 {
		panic("reflect.Value.Interface: a Method.Func, whose type gojit made at run time, has no compiled function to return")
	}
	if v.Kind() == Interface {
		// The value an interface holds, not the interface boxed in another: an
		// io.Reader field's Interface() is the reader, which asserts to io.Reader.
		if v.typ.nmethods == 0 {
			return *(*any)(v.ptr)
		}
		e := (*nonEmptyInterface)(v.ptr)
		if e.itab == nil {
			return nil
		}
		var i any
		*(*emptyInterface)(unsafe.Pointer(&i)) = emptyInterface{e.itab.typ, e.word}
		return i
	}
	return packEface(v)
}

func packEface(v Value) any {
	t := v.typ
	var i any
	e := (*emptyInterface)(unsafe.Pointer(&i))
	switch {
	case ifaceIndir(t):
		// The interface gets its own copy unless v's memory can never change
		// (it came out of an interface itself).
		ptr := v.ptr
		if v.CanAddr() {
			c := unsafe_New(t)
			typedmemmove(t, c, ptr)
			ptr = c
		}
		e.word = ptr
	case v.indirect():
		e.word = *(*unsafe.Pointer)(v.ptr)
	default:
		e.word = v.ptr
	}
	e.typ = t
	return i
}

// Set assigns x to v; v must be settable and x's type identical to v's.
func (v Value) Set(x Value) {
	v.mustBeAssignable("reflect.Set")
	if x.typ == nil {
		panic(&ValueError{"reflect.Set", Invalid})
	}
	if x.flag&flagRO != 0 {
		panic("reflect: reflect.Set using value obtained using unexported field")
	}
	if !x.typ.AssignableTo(v.typ) {
		panic("reflect.Set: value of type " + x.typ.String() + " is not assignable to type " + v.typ.String())
	}
	storeValue("reflect.Set", v.typ, v.ptr, x)
}

func (v Value) SetBool(x bool) {
	v.mustBeAssignable("reflect.Value.SetBool")
	v.mustBe(Bool, "reflect.Value.SetBool")
	*(*bool)(v.ptr) = x
}

func (v Value) SetInt(x int64) {
	v.mustBeAssignable("reflect.Value.SetInt")
	if k := v.Kind(); k < Int || k > Int64 {
		panic(&ValueError{"reflect.Value.SetInt", k})
	}
	switch v.typ.size {
	case 1:
		store[int8](v.ptr, x)
	case 2:
		store[int16](v.ptr, x)
	case 4:
		store[int32](v.ptr, x)
	default:
		store[int64](v.ptr, x)
	}
}

func (v Value) SetUint(x uint64) {
	v.mustBeAssignable("reflect.Value.SetUint")
	if k := v.Kind(); k < Uint || k > Uintptr {
		panic(&ValueError{"reflect.Value.SetUint", k})
	}
	switch v.typ.size {
	case 1:
		store[uint8](v.ptr, x)
	case 2:
		store[uint16](v.ptr, x)
	case 4:
		store[uint32](v.ptr, x)
	default:
		store[uint64](v.ptr, x)
	}
}

func (v Value) SetFloat(x float64) {
	v.mustBeAssignable("reflect.Value.SetFloat")
	if k := v.Kind(); k != Float32 && k != Float64 {
		panic(&ValueError{"reflect.Value.SetFloat", k})
	}
	if v.typ.size == 4 {
		store[float32](v.ptr, x)
	} else {
		store[float64](v.ptr, x)
	}
}

func (v Value) SetComplex(x complex128) {
	v.mustBeAssignable("reflect.Value.SetComplex")
	if k := v.Kind(); k != Complex64 && k != Complex128 {
		panic(&ValueError{"reflect.Value.SetComplex", k})
	}
	if v.typ.size == 8 {
		store[float32](v.ptr, real(x))
		store[float32](unsafe.Add(v.ptr, 4), imag(x))
	} else {
		store[float64](v.ptr, real(x))
		store[float64](unsafe.Add(v.ptr, 8), imag(x))
	}
}

func (v Value) SetString(x string) {
	v.mustBeAssignable("reflect.Value.SetString")
	v.mustBe(String, "reflect.Value.SetString")
	*(*string)(v.ptr) = x
}

// NumMethod returns the number of exported methods in v's method set.
func (v Value) NumMethod() int {
	if v.typ == nil {
		panic(&ValueError{"reflect.Value.NumMethod", Invalid})
	}
	return v.typ.NumMethod()
}

// hiter is the runtime's map iterator (rt::MapIter, 12 words); key is first,
// elem second, and key is nil once the iteration is over.
type hiter [12]unsafe.Pointer

// MapIndex returns the value associated with key in the map v, or the zero
// Value if key is not in the map.
func (v Value) MapIndex(key Value) Value {
	v.mustBe(Map, "reflect.Value.MapIndex")
	k := assignTo(key, v.typ.key, "reflect.Value.MapIndex")
	e := mapaccess(v.typ, v.pointer(), k)
	if e == nil {
		return Value{}
	}
	return copyVal(v.typ.elem, v.flag&flagRO, e)
}

// assignTo returns a pointer to x's value as a value of type t, for the runtime's
// map calls: x itself when its type is t, else x boxed in the interface type t.
func assignTo(x Value, t *rtype, method string) unsafe.Pointer {
	if x.typ != t {
		if t.Kind() != Interface || t.nmethods != 0 {
			panic(method + ": value of type " + x.typ.String() + " is not assignable to type " + t.String())
		}
		p := unsafe_New(t)
		*(*any)(p) = packEface(x)
		return p
	}
	if x.flag&flagIndir == 0 {
		return unsafe.Pointer(&x.ptr)
	}
	return x.ptr
}

// copyVal is a Value of a copy of *ptr (ptr points into a map).
func copyVal(t *rtype, fl flag, ptr unsafe.Pointer) Value {
	if ifaceIndir(t) {
		c := unsafe_New(t)
		typedmemmove(t, c, ptr)
		return Value{t, c, fl | flagIndir}
	}
	return Value{t, *(*unsafe.Pointer)(ptr), fl}
}

// MapKeys returns the keys of the map v, in unspecified order.
func (v Value) MapKeys() []Value {
	v.mustBe(Map, "reflect.Value.MapKeys")
	m := v.pointer()
	n := v.Len()
	keys := make([]Value, 0, n)
	if m == nil {
		return keys
	}
	it := new(hiter)
	for mapiterinit(v.typ, m, it); it[0] != nil; mapiternext(it) {
		keys = append(keys, copyVal(v.typ.key, v.flag&flagRO, it[0]))
	}
	return keys
}

// A MapIter is an iterator for ranging over a map (see Value.MapRange).
type MapIter struct {
	m       Value
	it      *hiter
	started bool
}

// MapRange returns a range iterator for the map v.
func (v Value) MapRange() *MapIter {
	v.mustBe(Map, "reflect.Value.MapRange")
	return &MapIter{m: v}
}

// Next advances the iterator and reports whether there is another entry.
func (it *MapIter) Next() bool {
	if it.m.pointer() == nil {
		return false
	}
	if !it.started {
		it.started = true
		it.it = new(hiter)
		mapiterinit(it.m.typ, it.m.pointer(), it.it)
	} else {
		if it.it[0] == nil {
			panic("MapIter.Next called on exhausted iterator")
		}
		mapiternext(it.it)
	}
	return it.it[0] != nil
}

// Key returns the key of the iterator's current entry.
func (it *MapIter) Key() Value {
	if it.it == nil || it.it[0] == nil {
		panic("MapIter.Key called before Next")
	}
	return copyVal(it.m.typ.key, it.m.flag&flagRO, it.it[0])
}

// Value returns the value of the iterator's current entry.
func (it *MapIter) Value() Value {
	if it.it == nil || it.it[0] == nil {
		panic("MapIter.Value called before Next")
	}
	return copyVal(it.m.typ.elem, it.m.flag&flagRO, it.it[1])
}

// SetMapIndex sets the element associated with key in the map v to elem; the
// zero Value as elem deletes the key.
func (v Value) SetMapIndex(key, elem Value) {
	v.mustBe(Map, "reflect.Value.SetMapIndex")
	if v.flag&flagRO != 0 || key.flag&flagRO != 0 {
		panic("reflect: reflect.Value.SetMapIndex using value obtained using unexported field")
	}
	k := assignTo(key, v.typ.key, "reflect.Value.SetMapIndex")
	if elem.typ == nil {
		mapdelete(v.typ, v.pointer(), k)
		return
	}
	mapassign(v.typ, v.pointer(), k, assignTo(elem, v.typ.elem, "reflect.Value.SetMapIndex"))
}

// Zero returns a Value holding typ's zero value (not addressable).
func Zero(typ Type) Value {
	if typ == nil {
		panic("reflect: Zero(nil)")
	}
	t := typ.common()
	if ifaceIndir(t) {
		return Value{t, unsafe_New(t), flagIndir}
	}
	return Value{t, nil, 0}
}

// New returns a Value of type *typ pointing to a new zero value of typ.
func New(typ Type) Value {
	if typ == nil {
		panic("reflect: New(nil)")
	}
	t := typ.common()
	return Value{ptrTo(t), unsafe_New(t), 0}
}

// MakeSlice creates a new zero-initialized slice value for the specified slice
// type, length, and capacity.
func MakeSlice(typ Type, len, cap int) Value {
	if typ.Kind() != Slice {
		panic("reflect.MakeSlice of non-slice type")
	}
	if len < 0 {
		panic("reflect.MakeSlice: negative len")
	}
	if cap < 0 {
		panic("reflect.MakeSlice: negative cap")
	}
	if len > cap {
		panic("reflect.MakeSlice: len > cap")
	}
	t := typ.common()
	s := &sliceHeader{Data: unsafe_NewArray(t.elem, cap), Len: len, Cap: cap}
	return Value{t, unsafe.Pointer(s), flagIndir}
}

// Copy copies the contents of src into dst until either dst has been filled or
// src has been exhausted; both must be slices or arrays of the same element type
// (dst an addressable array).
func Copy(dst, src Value) int {
	dk, sk := dst.Kind(), src.Kind()
	if dk != Array && dk != Slice {
		panic(&ValueError{"reflect.Copy", dk})
	}
	if dk == Array && dst.flag&flagAddr == 0 {
		panic("reflect.Copy: unaddressable array value")
	}
	if sk != Array && sk != Slice && !(sk == String && dst.typ.elem.Kind() == Uint8) {
		panic(&ValueError{"reflect.Copy", sk})
	}
	n := dst.Len()
	if m := src.Len(); m < n {
		n = m
	}
	et := dst.typ.elem
	base := func(v Value) unsafe.Pointer {
		switch v.Kind() {
		case Slice:
			return (*sliceHeader)(v.ptr).Data
		case String:
			return (*stringHeader)(v.ptr).Data
		}
		return v.ptr
	}
	d, s := base(dst), base(src)
	if n > 0 && d != s {
		// Overlap-safe, element by element in the right direction.
		if uintptr(d) < uintptr(s) {
			for i := 0; i < n; i++ {
				typedmemmove(et, unsafe.Add(d, uintptr(i)*et.size), unsafe.Add(s, uintptr(i)*et.size))
			}
		} else {
			for i := n - 1; i >= 0; i-- {
				typedmemmove(et, unsafe.Add(d, uintptr(i)*et.size), unsafe.Add(s, uintptr(i)*et.size))
			}
		}
	}
	return n
}

// Natives (stdlib/reflect_natives.cc).
func unsafe_New(t *rtype) unsafe.Pointer
func unsafe_NewArray(elem *rtype, n int) unsafe.Pointer
func typedmemmove(t *rtype, dst, src unsafe.Pointer)
func mapaccess(t *rtype, m, key unsafe.Pointer) unsafe.Pointer
func mapassign(t *rtype, m, key, elem unsafe.Pointer)
func mapdelete(t *rtype, m, key unsafe.Pointer)
func mapiterinit(t *rtype, m unsafe.Pointer, it *hiter)
func mapiternext(it *hiter)
func chanlen(c unsafe.Pointer) int
func chancap(c unsafe.Pointer) int

// TypeFor returns the Type of T itself: for an interface type, the interface, not
// a dynamic type.
func TypeFor[T any]() Type {
	var zero T
	if t := TypeOf(zero); t != nil {
		return t
	}
	return TypeOf((*T)(nil)).Elem()
}

// TypeAssert is v.Interface().(T), with Interface's panics.
func TypeAssert[T any](v Value) (T, bool) {
	if v.typ == nil {
		panic(&ValueError{"reflect.TypeAssert", Invalid})
	}
	if v.flag&flagRO != 0 {
		panic("reflect.TypeAssert: cannot return value obtained from unexported field or method")
	}
	x, ok := packEface(v).(T)
	return x, ok
}

// Addr returns a pointer to v, which must be addressable.
func (v Value) Addr() Value {
	if !v.CanAddr() {
		panic("reflect.Value.Addr of unaddressable value")
	}
	return Value{ptrTo(v.typ), v.ptr, v.flag & flagRO}
}

// Bytes returns v's bytes: a []byte, or an addressable byte array (sharing its
// memory).
func (v Value) Bytes() []byte {
	switch v.Kind() {
	case Slice:
		if v.typ.elem.Kind() != Uint8 {
			panic("reflect.Value.Bytes of non-byte slice")
		}
		return *(*[]byte)(v.ptr)
	case Array:
		if v.typ.elem.Kind() != Uint8 {
			panic("reflect.Value.Bytes of non-byte array")
		}
		if !v.CanAddr() {
			panic("reflect.Value.Bytes of unaddressable byte array")
		}
		return unsafe.Slice((*byte)(v.ptr), v.typ.len)
	}
	panic(&ValueError{"reflect.Value.Bytes", v.Kind()})
}

// SetBytes sets v, a settable []byte, to x.
func (v Value) SetBytes(x []byte) {
	v.mustBeAssignable("reflect.Value.SetBytes")
	v.mustBe(Slice, "reflect.Value.SetBytes")
	if v.typ.elem.Kind() != Uint8 {
		panic("reflect.Value.SetBytes of non-byte slice")
	}
	*(*[]byte)(v.ptr) = x
}

func (v Value) CanInt() bool     { k := v.Kind(); return k >= Int && k <= Int64 }
func (v Value) CanUint() bool    { k := v.Kind(); return k >= Uint && k <= Uintptr }
func (v Value) CanFloat() bool   { k := v.Kind(); return k == Float32 || k == Float64 }
func (v Value) CanComplex() bool { k := v.Kind(); return k == Complex64 || k == Complex128 }

// OverflowInt reports whether x cannot be represented in v's type (a signed
// integer kind).
func (v Value) OverflowInt(x int64) bool {
	if !v.CanInt() {
		panic(&ValueError{"reflect.Value.OverflowInt", v.Kind()})
	}
	shift := 64 - v.typ.size*8
	return x<<shift>>shift != x
}

// OverflowUint reports whether x cannot be represented in v's type (an unsigned
// integer kind).
func (v Value) OverflowUint(x uint64) bool {
	if !v.CanUint() {
		panic(&ValueError{"reflect.Value.OverflowUint", v.Kind()})
	}
	shift := 64 - v.typ.size*8
	return x<<shift>>shift != x
}

// OverflowFloat reports whether x is finite but beyond v's float type's range.
func (v Value) OverflowFloat(x float64) bool {
	if !v.CanFloat() {
		panic(&ValueError{"reflect.Value.OverflowFloat", v.Kind()})
	}
	return v.typ.size == 4 && overflowFloat32(x)
}

// Append appends the values x to the slice s and returns the result, as the
// append builtin does.
func Append(s Value, x ...Value) Value {
	s.mustBe(Slice, "reflect.Append")
	n := s.Len()
	s = s.withLen(n + len(x))
	for i, e := range x {
		s.Index(n + i).Set(e)
	}
	return s
}

// AppendSlice appends the elements of the slice t to the slice s.
func AppendSlice(s, t Value) Value {
	s.mustBe(Slice, "reflect.AppendSlice")
	t.mustBe(Slice, "reflect.AppendSlice")
	if s.typ.elem != t.typ.elem {
		panic("reflect.AppendSlice: " + s.typ.elem.String() + " != " + t.typ.elem.String())
	}
	n, m := s.Len(), t.Len()
	s = s.withLen(n + m)
	for i := 0; i < m; i++ {
		s.Index(n + i).Set(t.Index(i))
	}
	return s
}

// withLen returns slice v with length n, in a new array (twice as large, or n)
// when v's capacity is short; the new elements are zero.
func (v Value) withLen(n int) Value {
	h := *(*sliceHeader)(v.ptr)
	if n <= h.Cap {
		h.Len = n
		return Value{v.typ, unsafe.Pointer(&h), flagIndir | v.flag&flagRO}
	}
	newCap := 2 * h.Cap
	if newCap < n {
		newCap = n
	}
	grown := MakeSlice(v.typ, n, newCap)
	Copy(grown, v)
	return grown
}

// Clear deletes every entry of the map v, or zeroes every element of the slice v.
func (v Value) Clear() {
	switch v.Kind() {
	case Map:
		if m := v.pointer(); m != nil {
			mapclear(v.typ, m)
		}
	case Slice:
		h := (*sliceHeader)(v.ptr)
		if h.Len > 0 {
			clear(unsafe.Slice((*byte)(h.Data), uintptr(h.Len)*v.typ.elem.size))
		}
	default:
		panic(&ValueError{"reflect.Value.Clear", v.Kind()})
	}
}

// SetZero sets the settable v to its type's zero value.
func (v Value) SetZero() {
	v.mustBeAssignable("reflect.Value.SetZero")
	if v.typ.size > 0 {
		clear(unsafe.Slice((*byte)(v.ptr), v.typ.size))
	}
}

// SetLen sets the length of the settable slice v to n (at most its capacity).
func (v Value) SetLen(n int) {
	v.mustBeAssignable("reflect.Value.SetLen")
	v.mustBe(Slice, "reflect.Value.SetLen")
	h := (*sliceHeader)(v.ptr)
	if n < 0 || n > h.Cap {
		panic("reflect: slice length out of range in SetLen")
	}
	h.Len = n
}

// SetCap sets the capacity of the settable slice v to n (from its length up to
// its current capacity).
func (v Value) SetCap(n int) {
	v.mustBeAssignable("reflect.Value.SetCap")
	v.mustBe(Slice, "reflect.Value.SetCap")
	h := (*sliceHeader)(v.ptr)
	if n < h.Len || n > h.Cap {
		panic("reflect: slice capacity out of range in SetCap")
	}
	h.Cap = n
}

func mapclear(t *rtype, m unsafe.Pointer)
