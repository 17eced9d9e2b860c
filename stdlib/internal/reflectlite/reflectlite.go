// Package reflectlite is gojit's own internal/reflectlite: the little reflection
// that errors, sort and context use (TypeOf, ValueOf, Swapper, and a Type and a
// Value with the methods those packages call), over gojit's type descriptors.
//
// Why gojit replaces it: Go's internal/reflectlite reads internal/abi's type
// layout and links to the runtime's unsafe_New, typedmemmove and ifaceE2I; gojit's
// descriptors (runtime/type.h) are laid out differently, so this package reads them
// as they are, with natives (reflectlite_natives.cc) for what needs the runtime:
// interface method tables and the swap of slice elements.
//
// What it does not have: the rest of reflect (fields, methods, calls, maps);
// packages that want those import reflect.
package reflectlite

import "unsafe"

// A Kind is the kind of type a Type represents; the values are reflect's.
type Kind uint

const (
	Invalid Kind = iota
	Bool
	Int
	Int8
	Int16
	Int32
	Int64
	Uint
	Uint8
	Uint16
	Uint32
	Uint64
	Uintptr
	Float32
	Float64
	Complex64
	Complex128
	Array
	Chan
	Func
	Interface
	Map
	Pointer
	Slice
	String
	Struct
	UnsafePointer
)

// Ptr is the old name of the Pointer kind.
const Ptr = Pointer

// Type is the representation of a Go type.
type Type interface {
	// Name returns a defined type's name within its package, "" for others.
	Name() string
	// PkgPath returns a defined type's package path, "" for others.
	PkgPath() string
	// Size returns the number of bytes a value of the type takes.
	Size() uintptr
	// Kind returns the kind of the type.
	Kind() Kind
	// Implements reports whether the type implements the interface type u.
	Implements(u Type) bool
	// AssignableTo reports whether a value of the type is assignable to type u.
	AssignableTo(u Type) bool
	// Comparable reports whether values of the type are comparable.
	Comparable() bool
	// String returns the type as %T prints it.
	String() string
	// Elem returns the element type of a pointer, slice, array, chan or map type.
	Elem() Type
}

// rtype mirrors rt::TypeDescriptor (runtime/type.h); a *rtype is a descriptor,
// one per type, so Type values compare as types do.
type rtype struct {
	size      uintptr
	ptrdata   uintptr
	hash      uint32
	kind      uint8
	align     uint8
	tflag     uint8
	pad       uint8
	name      string
	elem      *rtype
	key       *rtype
	len       int
	fields    unsafe.Pointer
	nfields   int
	methods   unsafe.Pointer
	nmethods  int
	gcdata    *byte
	ptrToThis *rtype
}

// The descriptor flags (rt::kTypeFlag*).
const (
	tflagDirectIface = 1
	tflagNamed       = 2
	tflagComparable  = 4
)

// eface is the layout of an interface{} value.
type eface struct {
	typ  *rtype
	word unsafe.Pointer
}

func toType(t *rtype) Type {
	if t == nil {
		return nil
	}
	return t
}

// TypeOf returns the dynamic type of i, or nil when i is nil.
func TypeOf(i any) Type {
	return toType((*eface)(unsafe.Pointer(&i)).typ)
}

func (t *rtype) Kind() Kind        { return Kind(t.kind) }
func (t *rtype) Size() uintptr     { return t.size }
func (t *rtype) String() string    { return t.name }
func (t *rtype) Comparable() bool  { return t.tflag&tflagComparable != 0 }
func (t *rtype) named() bool       { return t.tflag&tflagNamed != 0 }
func (t *rtype) directIface() bool { return t.tflag&tflagDirectIface != 0 }

// nameSplit is the index of the dot between a defined type's package and name
// in its string ("main.T", "example.com/m/p.T[int]"), or -1.
func (t *rtype) nameSplit() int {
	s := t.name
	end := len(s)
	for i := 0; i < len(s); i++ {
		if s[i] == '[' {
			end = i
			break
		}
	}
	for i := end - 1; i >= 0; i-- {
		if s[i] == '.' {
			return i
		}
	}
	return -1
}

func (t *rtype) Name() string {
	if !t.named() {
		return ""
	}
	return t.name[t.nameSplit()+1:]
}

func (t *rtype) PkgPath() string {
	if !t.named() {
		return ""
	}
	if i := t.nameSplit(); i >= 0 {
		return t.name[:i]
	}
	return ""
}

func (t *rtype) Elem() Type {
	switch t.Kind() {
	case Array, Chan, Map, Pointer, Slice:
		return toType(t.elem)
	}
	panic("reflect: Elem of invalid type " + t.String())
}

func (t *rtype) Implements(u Type) bool {
	if u == nil {
		panic("reflect: nil type passed to Type.Implements")
	}
	if u.Kind() != Interface {
		panic("reflect: non-interface type passed to Type.Implements")
	}
	return implements(unsafe.Pointer(u.(*rtype)), unsafe.Pointer(t))
}

func (t *rtype) AssignableTo(u Type) bool {
	if u == nil {
		panic("reflect: nil type passed to Type.AssignableTo")
	}
	uu := u.(*rtype)
	return uu == t || (uu.Kind() == Interface && implements(unsafe.Pointer(uu), unsafe.Pointer(t)))
}

// implements reports whether type t has every method of interface type iface.
func implements(iface, t unsafe.Pointer) bool

// A Value holds a value of some type: ptr points to it. The zero Value is not
// valid. A Value reached through a pointer (Elem) is addressable, so it can be Set.
type Value struct {
	typ  *rtype
	ptr  unsafe.Pointer
	addr bool
}

// ValueOf returns a Value holding i's dynamic value; the zero Value for nil.
func ValueOf(i any) Value {
	e := (*eface)(unsafe.Pointer(&i))
	if e.typ == nil {
		return Value{}
	}
	if e.typ.directIface() {
		w := new(unsafe.Pointer)
		*w = e.word
		return Value{e.typ, unsafe.Pointer(w), false}
	}
	return Value{e.typ, e.word, false}
}

// A ValueError is the panic of a Value method called on the wrong kind of value.
type ValueError struct {
	Method string
	Kind   Kind
}

func (e *ValueError) Error() string {
	if e.Kind == Invalid {
		return "reflect: call of " + e.Method + " on zero Value"
	}
	return "reflect: call of " + e.Method + " on " + kindNames[e.Kind] + " Value"
}

var kindNames = []string{
	Invalid: "invalid", Bool: "bool", Int: "int", Int8: "int8", Int16: "int16", Int32: "int32",
	Int64: "int64", Uint: "uint", Uint8: "uint8", Uint16: "uint16", Uint32: "uint32",
	Uint64: "uint64", Uintptr: "uintptr", Float32: "float32", Float64: "float64",
	Complex64: "complex64", Complex128: "complex128", Array: "array", Chan: "chan",
	Func: "func", Interface: "interface", Map: "map", Pointer: "ptr", Slice: "slice",
	String: "string", Struct: "struct", UnsafePointer: "unsafe.Pointer",
}

func (v Value) Kind() Kind {
	if v.typ == nil {
		return Invalid
	}
	return v.typ.Kind()
}

// Type returns v's type; it panics on the zero Value.
func (v Value) Type() Type {
	if v.typ == nil {
		panic(&ValueError{"reflectlite.Value.Type", Invalid})
	}
	return v.typ
}

// IsNil reports whether v, a chan, func, interface, map, pointer or slice, is nil.
func (v Value) IsNil() bool {
	switch v.Kind() {
	case Chan, Func, Map, Pointer, UnsafePointer, Slice:
		return *(*unsafe.Pointer)(v.ptr) == nil
	case Interface:
		return *(*unsafe.Pointer)(v.ptr) == nil
	}
	panic(&ValueError{"reflectlite.Value.IsNil", v.Kind()})
}

// Len returns the length of v, an array, chan, map, slice or string.
func (v Value) Len() int {
	switch v.Kind() {
	case Slice, String:
		return *(*int)(unsafe.Add(v.ptr, unsafe.Sizeof(uintptr(0))))
	case Array:
		return v.typ.len
	case Map:
		m := *(*unsafe.Pointer)(v.ptr)
		if m == nil {
			return 0
		}
		return *(*int)(m) // the count is a map header's first word
	case Chan:
		return chanlen(*(*unsafe.Pointer)(v.ptr))
	}
	panic(&ValueError{"reflect.Value.Len", v.Kind()})
}

func chanlen(c unsafe.Pointer) int

// Elem returns the value v, a pointer, points to (addressable), or the value v,
// an interface, holds; the zero Value for a nil pointer or interface.
func (v Value) Elem() Value {
	switch v.Kind() {
	case Pointer:
		p := *(*unsafe.Pointer)(v.ptr)
		if p == nil {
			return Value{}
		}
		return Value{v.typ.elem, p, true}
	case Interface:
		var i any
		ifaceToEface(unsafe.Pointer(v.typ), v.ptr, unsafe.Pointer(&i))
		return ValueOf(i)
	}
	panic(&ValueError{"reflectlite.Value.Elem", v.Kind()})
}

// ifaceToEface stores in *dst the interface{} form of the interface value of
// type t at p.
func ifaceToEface(t, p, dst unsafe.Pointer)

// Set assigns x to v, which must be addressable; x's type must be assignable to v's.
func (v Value) Set(x Value) {
	if v.typ == nil || x.typ == nil {
		panic(&ValueError{"reflectlite.Value.Set", Invalid})
	}
	if !v.addr {
		panic("reflect: reflectlite.Value.Set using unaddressable value")
	}
	if !x.typ.AssignableTo(v.typ) {
		panic("reflect: reflectlite.Value.Set: value of type " + x.typ.String() +
			" is not assignable to type " + v.typ.String())
	}
	assign(unsafe.Pointer(v.typ), v.ptr, unsafe.Pointer(x.typ), x.ptr)
}

// assign stores the value of type srcType at src into the variable of type
// dstType at dst, converting it to an interface when dstType is one.
func assign(dstType, dst, srcType, src unsafe.Pointer)

// Swapper returns a function that swaps the elements i and j of the slice s.
func Swapper(s any) func(i, j int) {
	v := ValueOf(s)
	if v.Kind() != Slice {
		panic(&ValueError{Method: "Swapper", Kind: v.Kind()})
	}
	return func(i, j int) { swapElems(s, i, j) }
}

// swapElems swaps elements i and j of the slice x (panicking as an index
// expression does when one is out of range).
func swapElems(x any, i, j int)
