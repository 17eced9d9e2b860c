// Type constructors: SliceOf, MapOf, ArrayOf, ChanOf and FuncOf. Each returns the
// program's own compiled descriptor when the program has the type (found by its
// name through the JIT: lookupType), so that identity with compiled code holds
// and its method tables and call adapters are there; otherwise a descriptor made
// now, once per type, with what the runtime needs of it (size, alignment, the
// pointer mask, element and key types) and no methods, as every unnamed type of
// these kinds has none. StructOf is not here: a struct made at run time would
// need its promoted methods' adapters, which only the compiler makes.
package reflect

import (
	"strconv"
	"sync"
	"unsafe"
)

// madeKey identifies a constructed type by its parts, not its name: two
// function-local types may share a name.
type madeKey struct {
	kind      Kind
	n         int // array length, channel direction
	key, elem *rtype
}

var madeTypes struct {
	sync.Mutex
	m map[madeKey]*rtype
}

// constructed returns the type with these parts: made before, the program's
// own descriptor named name, or make().
func constructed(k madeKey, name string, make func() *rtype) *rtype {
	madeTypes.Lock()
	defer madeTypes.Unlock()
	if t := madeTypes.m[k]; t != nil {
		return t
	}
	if madeTypes.m == nil {
		madeTypes.m = map[madeKey]*rtype{}
	}
	t := lookupType(name)
	if t == nil || t.Kind() != k.kind || t.elem != k.elem || t.key != k.key {
		t = make()
		t.hash = fnv1a(name)
		t.name = name
	}
	madeTypes.m[k] = t
	return t
}

// fnv1a is the 32-bit FNV-1a hash of s, as descriptors' hashes are.
func fnv1a(s string) uint32 {
	hash := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		hash = (hash ^ uint32(s[i])) * 16777619
	}
	return hash
}

// SliceOf returns the slice type with element type t.
func SliceOf(t Type) Type {
	e := t.common()
	return constructed(madeKey{Slice, 0, nil, e}, "[]"+e.name, func() *rtype {
		var h sliceHeader
		return &rtype{
			size:    unsafe.Sizeof(h),
			ptrdata: unsafe.Sizeof(uintptr(0)),
			kind:    uint8(Slice),
			align:   uint8(unsafe.Alignof(uintptr(0))),
			elem:    e,
			gcdata:  &onePointerWord[0],
		}
	})
}

// MapOf returns the map type with the given key and element types; the key type
// must be comparable.
func MapOf(key, elem Type) Type {
	k, e := key.common(), elem.common()
	if !k.Comparable() {
		panic("reflect.MapOf: invalid key type " + k.String())
	}
	return constructed(madeKey{Map, 0, k, e}, "map["+k.name+"]"+e.name, func() *rtype {
		return &rtype{
			size:    unsafe.Sizeof(uintptr(0)),
			ptrdata: unsafe.Sizeof(uintptr(0)),
			kind:    uint8(Map),
			align:   uint8(unsafe.Alignof(uintptr(0))),
			tflag:   tflagDirectIface,
			key:     k,
			elem:    e,
			gcdata:  &onePointerWord[0],
		}
	})
}

// ArrayOf returns the array type with the given length and element type.
func ArrayOf(length int, elem Type) Type {
	e := elem.common()
	if length < 0 {
		panic("reflect: negative length passed to ArrayOf")
	}
	if e.size > 0 && uintptr(length) > ^uintptr(0)/e.size {
		panic("reflect.ArrayOf: array size would exceed virtual address space")
	}
	name := "[" + strconv.Itoa(length) + "]" + e.name
	return constructed(madeKey{Array, length, nil, e}, name, func() *rtype {
		t := &rtype{
			size:  uintptr(length) * e.size,
			kind:  uint8(Array),
			align: e.align,
			tflag: e.tflag & tflagComparable,
			len:   length,
			elem:  e,
		}
		if length > 0 && e.ptrdata > 0 {
			// No mask: the collector then treats every word up to ptrdata as a
			// possible pointer (runtime/type.h), which holds for any element.
			t.ptrdata = uintptr(length-1)*e.size + e.ptrdata
		}
		return t
	})
}

// ChanOf returns the channel type with the given direction and element type.
func ChanOf(dir ChanDir, t Type) Type {
	e := t.common()
	var name string
	n := 0 // the descriptor's encoding (type.go: ChanDir)
	switch dir {
	case SendDir:
		name, n = "chan<- "+e.name, 1
	case RecvDir:
		name, n = "<-chan "+e.name, 2
	case BothDir:
		name = "chan " + e.name
		if e.Kind() == Chan && e.ChanDir() == RecvDir {
			name = "chan (" + e.name + ")"
		}
	default:
		panic("reflect.ChanOf: invalid dir")
	}
	return constructed(madeKey{Chan, n, nil, e}, name, func() *rtype {
		return &rtype{
			size:    unsafe.Sizeof(uintptr(0)),
			ptrdata: unsafe.Sizeof(uintptr(0)),
			kind:    uint8(Chan),
			align:   uint8(unsafe.Alignof(uintptr(0))),
			tflag:   tflagDirectIface | tflagComparable,
			len:     n,
			elem:    e,
			gcdata:  &onePointerWord[0],
		}
	})
}

// FuncOf returns the function type with the given parameter and result types.
// A type the program does not compile itself can be described, but MakeFunc and
// Call need its adapters, which only the compiler makes.
func FuncOf(in, out []Type, variadic bool) Type {
	if variadic && (len(in) == 0 || in[len(in)-1].Kind() != Slice) {
		panic("reflect.FuncOf: last arg of variadic func must be slice")
	}
	ins := make([]*rtype, len(in))
	for i, t := range in {
		ins[i] = t.common()
	}
	outs := make([]*rtype, len(out))
	for i, t := range out {
		outs[i] = t.common()
	}
	return funcOf(ins, outs, variadic)
}
