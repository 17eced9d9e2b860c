// Package reflect: run-time reflection over gojit's type descriptors, with gc's
// API and messages for what it covers.
//
// A Type is a *rtype, gojit's type descriptor (runtime/type.h: TypeDescriptor),
// read in place: the struct below mirrors its layout word for word, and the
// runtime's Kind numbering is reflect's. What the descriptors hold is what this
// package can say: kind, size, alignment, the %T name, element, key and length,
// struct fields (names, types, offsets, embedding), method names and signatures,
// and a func type's parameters and results with the adapters that call and make
// functions of it (call.go), and each struct field's tag and, when unexported,
// package path. The only descriptors made at run time are pointer types (New,
// PointerTo; see ptrTo) and the receiver-first func types of Type.Method
// (funcOf): so there is no SliceOf, MapOf, FuncOf, StructOf or Convert. Programs using
// them fail to compile with gc's "undefined" error rather than run wrongly.
package reflect

import (
	"iter"
	"strconv"
	"sync"
	"unsafe"
)

// Kind classifies types, in the runtime's numbering (runtime/type.h).
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

// Ptr is the old name for the Pointer kind.
const Ptr = Pointer

// kindNames holds each Kind's name, in Kind order (Pointer's is "ptr").
var kindNames = [...]string{
	"invalid", "bool", "int", "int8", "int16", "int32", "int64",
	"uint", "uint8", "uint16", "uint32", "uint64", "uintptr",
	"float32", "float64", "complex64", "complex128",
	"array", "chan", "func", "interface", "map", "ptr", "slice", "string", "struct",
	"unsafe.Pointer",
}

// String names k as gc does; a Kind out of range is "kind" and its number.
func (k Kind) String() string {
	if uint(k) < uint(len(kindNames)) {
		return kindNames[k]
	}
	return "kind" + strconv.Itoa(int(k))
}

// ChanDir is the direction of a channel type: receive, send or both.
type ChanDir int

const (
	RecvDir ChanDir = 1 << iota
	SendDir
	BothDir = RecvDir | SendDir
)

func (d ChanDir) String() string {
	switch d {
	case SendDir:
		return "chan<-"
	case RecvDir:
		return "<-chan"
	case BothDir:
		return "chan"
	}
	return "ChanDir" + strconv.Itoa(int(d))
}

// Type describes a Go type; its dynamic value is always a *rtype.
type Type interface {
	Align() int
	FieldAlign() int
	Name() string
	PkgPath() string
	Size() uintptr
	String() string
	Kind() Kind
	Comparable() bool
	Bits() int
	NumMethod() int
	Elem() Type
	Key() Type
	Len() int
	ChanDir() ChanDir
	NumField() int
	Field(i int) StructField
	FieldByName(name string) (StructField, bool)
	FieldByIndex(index []int) StructField
	FieldByNameFunc(match func(string) bool) (StructField, bool)
	NumIn() int
	In(i int) Type
	NumOut() int
	Out(i int) Type
	IsVariadic() bool
	Method(int) Method
	MethodByName(string) (Method, bool)
	Implements(u Type) bool
	AssignableTo(u Type) bool
	OverflowInt(x int64) bool
	OverflowUint(x uint64) bool
	OverflowFloat(x float64) bool
	OverflowComplex(x complex128) bool
	ConvertibleTo(u Type) bool
	CanSeq() bool
	CanSeq2() bool
	Fields() iter.Seq[StructField]
	Methods() iter.Seq[Method]
	Ins() iter.Seq[Type]
	Outs() iter.Seq[Type]
	common() *rtype
}

// The descriptor flags (runtime/type.h).
const (
	tflagDirectIface = 1 // the value itself is an interface's data word
	tflagNamed       = 2
	tflagComparable  = 4
)

// rtype mirrors rt::TypeDescriptor.
type rtype struct {
	size     uintptr
	ptrdata  uintptr
	hash     uint32
	kind     uint8
	align    uint8
	tflag    uint8
	pad      uint8
	name     string
	elem     *rtype
	key      *rtype
	len      int
	fields   unsafe.Pointer // *[nfields]structField
	nfields  int
	methods  unsafe.Pointer // *[nmethods]method
	nmethods int
	gcdata   *byte
	// ptrToThis is the program's *T descriptor, when it has one (gc's PtrToThis).
	ptrToThis *rtype
}

// structField mirrors rt::StructFieldDesc.
type structField struct {
	name     string
	typ      *rtype
	offset   uintptr
	embedded int
	tag      string
	pkgPath  string
}

// method mirrors rt::MethodDesc.
type method struct {
	name string
	fn   unsafe.Pointer
	mtyp *rtype
}

func (t *rtype) common() *rtype { return t }

func (t *rtype) Kind() Kind { return Kind(t.kind) }

func (t *rtype) Size() uintptr { return t.size }

func (t *rtype) Align() int { return int(t.align) }

func (t *rtype) FieldAlign() int { return int(t.align) }

func (t *rtype) String() string { return t.name }

func (t *rtype) Comparable() bool { return t.tflag&tflagComparable != 0 }

// Bits returns the size of the type in bits; it panics for non-arithmetic types.
func (t *rtype) Bits() int {
	k := t.Kind()
	if k < Int || k > Complex128 {
		panic("reflect: Bits of non-arithmetic Type " + t.String())
	}
	return int(t.size) * 8
}

// named reports whether t is a defined type: declared (the descriptor's flag)
// or predeclared (every boolean, numeric and string type not declared in a
// package, error, and unsafe.Pointer).
func (t *rtype) named() bool {
	if t.tflag&tflagNamed != 0 {
		return true
	}
	k := t.Kind()
	return k >= Bool && k <= Complex128 || k == String || k == UnsafePointer ||
		k == Interface && t.name == "error"
}

// nameSplit is the index of the '.' between package and name in a named type's
// descriptor name ("main.T", "main.List[main.T]", "unsafe.Pointer"), or -1.
func (t *rtype) nameSplit() int {
	if !t.named() {
		return -1
	}
	end := len(t.name)
	for i := 0; i < len(t.name); i++ {
		if t.name[i] == '[' {
			end = i
			break
		}
	}
	for i := end - 1; i >= 0; i-- {
		if t.name[i] == '.' {
			return i
		}
	}
	return -1
}

// Name returns a defined type's name within its package ("" for other types).
func (t *rtype) Name() string {
	if !t.named() {
		return ""
	}
	return t.name[t.nameSplit()+1:]
}

// PkgPath returns a defined type's package path ("" for predeclared and
// unnamed types).
func (t *rtype) PkgPath() string {
	i := t.nameSplit()
	if i < 0 {
		return ""
	}
	return t.name[:i]
}

func (t *rtype) field(i int) *structField {
	return (*structField)(unsafe.Add(t.fields, uintptr(i)*unsafe.Sizeof(structField{})))
}

func (t *rtype) method(i int) *method {
	return (*method)(unsafe.Add(t.methods, uintptr(i)*unsafe.Sizeof(method{})))
}

func isExportedName(s string) bool {
	return len(s) > 0 && s[0] >= 'A' && s[0] <= 'Z'
}

// NumMethod returns the number of exported methods in the type's method set
// (all methods, for an interface type).
func (t *rtype) NumMethod() int {
	if t.Kind() == Interface {
		return t.nmethods
	}
	n := 0
	for i := 0; i < t.nmethods; i++ {
		if isExportedName(t.method(i).name) {
			n++
		}
	}
	return n
}

func (t *rtype) Elem() Type {
	switch t.Kind() {
	case Array, Chan, Map, Pointer, Slice:
		return toType(t.elem)
	}
	panic("reflect: Elem of invalid type " + t.String())
}

func (t *rtype) Key() Type {
	if t.Kind() != Map {
		panic("reflect: Key of non-map type " + t.String())
	}
	return toType(t.key)
}

func (t *rtype) Len() int {
	if t.Kind() != Array {
		panic("reflect: Len of non-array type " + t.String())
	}
	return t.len
}

func (t *rtype) ChanDir() ChanDir {
	if t.Kind() != Chan {
		panic("reflect: ChanDir of non-chan type " + t.String())
	}
	switch t.len { // the descriptor holds the compiler's ast::ChanDir
	case 1:
		return SendDir
	case 2:
		return RecvDir
	}
	return BothDir
}

func (t *rtype) NumField() int {
	if t.Kind() != Struct {
		panic("reflect: NumField of non-struct type " + t.String())
	}
	return t.nfields
}

// StructField is what Type.Field says about one field of a struct type.
type StructField struct {
	Name string
	// PkgPath is the package path that qualifies an unexported field's name;
	// empty for exported fields.
	PkgPath   string
	Type      Type
	Tag       StructTag
	Offset    uintptr
	Index     []int
	Anonymous bool
}

// IsExported reports whether the field is exported.
func (f StructField) IsExported() bool { return f.PkgPath == "" }

// structFieldOf builds the StructField of descriptor field f at index path index.
func structFieldOf(f *structField, index []int) StructField {
	return StructField{Name: f.name, PkgPath: f.pkgPath, Type: toType(f.typ),
		Tag: StructTag(f.tag), Offset: f.offset, Index: index, Anonymous: f.embedded != 0}
}

func (t *rtype) Field(i int) StructField {
	if t.Kind() != Struct {
		panic("reflect: Field of non-struct type " + t.String())
	}
	if i < 0 || i >= t.nfields {
		panic("reflect: Field index out of bounds")
	}
	p := t.field(i)
	return structFieldOf(p, []int{i})
}

// FieldByName returns the struct field with the given name, looking through
// embedded structs breadth first as gc does (an ambiguous name is not found).
func (t *rtype) FieldByName(name string) (StructField, bool) {
	if t.Kind() != Struct {
		panic("reflect: FieldByName of non-struct type " + t.String())
	}
	return t.fieldByNameFunc(func(s string) bool { return s == name })
}

// toType converts a descriptor to a Type, nil staying a nil interface.
func toType(t *rtype) Type {
	if t == nil {
		return nil
	}
	return t
}

// emptyInterface is the header of an interface{} value.
type emptyInterface struct {
	typ  *rtype
	word unsafe.Pointer
}

// nonEmptyInterface is the header of an interface value with methods; the itab
// (rt::Itab) starts with the interface's descriptor, then the concrete type's.
type nonEmptyInterface struct {
	itab *struct {
		ityp *rtype
		typ  *rtype
	}
	word unsafe.Pointer
}

// TypeOf returns the dynamic type of i, or nil when i is a nil interface.
func TypeOf(i any) Type {
	e := (*emptyInterface)(unsafe.Pointer(&i))
	return toType(e.typ)
}

// ifaceIndir reports whether an interface holding a t keeps a pointer to the
// value (rather than the value itself) in its data word.
func ifaceIndir(t *rtype) bool { return t.tflag&tflagDirectIface == 0 }

// PointerTo returns the pointer type with element t: PointerTo(TypeOf(x)) is the
// type of &x.
func PointerTo(t Type) Type { return toType(ptrTo(t.common())) }

// PtrTo is PointerTo's former name.
func PtrTo(t Type) Type { return PointerTo(t) }

// pointerTypes holds the *T descriptors made at run time, one per T, for the
// types whose *T the compiled program has none of (their ptrToThis is nil).
// Nothing compiled can refer to such a *T, so the one made here is the only one
// and type identity by address holds.
var pointerTypes struct {
	sync.Mutex
	made map[*rtype]*rtype
}

// onePointerWord is the pointer mask of a pointer: its single word.
var onePointerWord = [1]byte{1}

// ptrTo returns the descriptor of *t.
func ptrTo(t *rtype) *rtype {
	if t.ptrToThis != nil {
		return t.ptrToThis
	}
	pointerTypes.Lock()
	defer pointerTypes.Unlock()
	if p := pointerTypes.made[t]; p != nil {
		return p
	}
	if pointerTypes.made == nil {
		pointerTypes.made = make(map[*rtype]*rtype)
	}
	p := &rtype{
		size:    unsafe.Sizeof(uintptr(0)),
		ptrdata: unsafe.Sizeof(uintptr(0)),
		hash:    (t.hash ^ '*') * 16777619,
		kind:    uint8(Pointer),
		align:   uint8(unsafe.Alignof(uintptr(0))),
		tflag:   tflagDirectIface | tflagComparable,
		name:    "*" + t.name,
		elem:    t,
		gcdata:  &onePointerWord[0],
	}
	if ifaceIndir(t) {
		// T's method table entries take a pointer to a T as their data word, which
		// is what a *T is: they serve *T as they are.
		p.methods, p.nmethods = t.methods, t.nmethods
	}
	pointerTypes.made[t] = p
	return p
}
