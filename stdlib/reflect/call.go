// Functions and methods: a func type's parameters and results, method sets,
// Value.Call, MakeFunc and method values.
//
// A func type's descriptor points (in its fields word) to a funcInfo that the
// compiler emits beside it (ir/reflect_call.cc): the parameter and result types,
// and two adapters. call, a Go function of type
//
//	func(code, ctx, args, results unsafe.Pointer)
//
// loads the type's parameters from the frame at args, calls code(ctx, params...)
// and stores the results into the frame at results; makefunc has the type's own
// shape and is the code word of the closures MakeFunc returns, {makefunc, impl}:
// it stores its parameters into a frame and calls impl(args, results). A frame is
// the values one after another, each at its type's alignment (frameLayout).
//
// A func value is a pointer to a closure object whose first word is its code,
// called with the closure object as ctx; a method is called through its method
// table entry (method.fn) with the receiver's interface data word as ctx. So
// Call is one path for both, and a method value (Value.Method) is a MakeFunc
// closure whose impl calls the method.
//
// Func types made at run time (FuncOf, and the receiver-first types of
// Type.Method) have a funcInfo without adapters: nothing compiled has their
// shape, so values of them cannot be called or made, only described.

package reflect

import (
	"sync"
	"unsafe"
)

// funcInfo mirrors rt::FuncTypeInfo; types (nin + nout descriptors) follows it.
type funcInfo struct {
	nin      int
	nout     int
	call     unsafe.Pointer
	makefunc unsafe.Pointer
}

func (t *rtype) funcInfo(method string) *funcInfo {
	if t.Kind() != Func {
		panic("reflect: " + method + " of non-func type " + t.String())
	}
	return (*funcInfo)(t.fields)
}

// funcType returns the i-th of f's parameter and result types (results follow
// the parameters).
func (f *funcInfo) funcType(i int) *rtype {
	p := unsafe.Add(unsafe.Pointer(f), unsafe.Sizeof(funcInfo{})+uintptr(i)*unsafe.Sizeof(uintptr(0)))
	return *(**rtype)(p)
}

func (t *rtype) NumIn() int  { return t.funcInfo("NumIn").nin }
func (t *rtype) NumOut() int { return t.funcInfo("NumOut").nout }

func (t *rtype) In(i int) Type {
	f := t.funcInfo("In")
	if i < 0 || i >= f.nin {
		panic("reflect: Function index out of bounds")
	}
	return toType(f.funcType(i))
}

func (t *rtype) Out(i int) Type {
	f := t.funcInfo("Out")
	if i < 0 || i >= f.nout {
		panic("reflect: Function index out of bounds")
	}
	return toType(f.funcType(f.nin + i))
}

// IsVariadic reports whether a func type's last parameter is ...T (its In is
// then []T). The descriptor's len counts a variadic type's parameters as -(n+1).
func (t *rtype) IsVariadic() bool {
	t.funcInfo("IsVariadic")
	return t.len < 0
}

// frameLayout returns the offset of each value of types in a frame, and the
// frame's size.
func frameLayout(types []*rtype) (offsets []uintptr, size uintptr) {
	offsets = make([]uintptr, len(types))
	for i, t := range types {
		a := uintptr(t.align)
		if a > 1 {
			size = (size + a - 1) &^ (a - 1)
		}
		offsets[i] = size
		size += t.size
	}
	return offsets, size
}

// newFrame returns zeroed memory for a frame of size bytes. Every word is a
// possible pointer to the collector, which checks each against the heap.
func newFrame(size uintptr) unsafe.Pointer {
	words := make([]unsafe.Pointer, (size+7)/8+1)
	return unsafe.Pointer(&words[0])
}

// A Method is one method of a type's method set.
type Method struct {
	Name    string
	PkgPath string // empty for exported methods
	Type    Type   // the method's type: with the receiver first, except for interface types
	Func    Value  // the method with the receiver as first argument (none for interface types)
	Index   int    // the index for Type.Method
}

// IsExported reports whether the method is exported.
func (m Method) IsExported() bool { return m.PkgPath == "" }

// exportedMethod returns the i-th exported method of t's method set (all
// methods count for an interface type), in name order.
func (t *rtype) exportedMethod(i int) *method {
	if t.Kind() == Interface {
		if i < 0 || i >= t.nmethods {
			panic("reflect: Method index out of range")
		}
		return t.method(i)
	}
	n := 0
	for j := 0; j < t.nmethods; j++ {
		m := t.method(j)
		if !isExportedName(m.name) {
			continue
		}
		if n == i {
			return m
		}
		n++
	}
	panic("reflect: Method index out of range")
}

// Method returns the i-th method of t's method set, as Type.Method does in gc.
func (t *rtype) Method(i int) Method {
	m := t.exportedMethod(i)
	if t.Kind() == Interface {
		return Method{Name: m.name, PkgPath: methodPkgPath(t, m.name), Type: toType(m.mtyp), Index: i}
	}
	fi := m.mtyp.funcInfo("Method")
	in := []*rtype{t}
	for j := 0; j < fi.nin; j++ {
		in = append(in, fi.funcType(j))
	}
	var out []*rtype
	for j := 0; j < fi.nout; j++ {
		out = append(out, fi.funcType(fi.nin+j))
	}
	ft := funcOf(in, out, m.mtyp.len < 0)
	recv := t
	mtyp := m.mtyp
	name := m.name
	fn := func(args []Value) []Value {
		if args[0].typ != recv {
			panic("reflect: Call using " + args[0].typ.String() + " as type " + recv.String())
		}
		return args[0].methodByName(name, mtyp).Call(args[1:])
	}
	if (*funcInfo)(ft.fields).makefunc != nil {
		return Method{Name: m.name, Type: ft, Func: MakeFunc(ft, fn), Index: i}
	}
	return Method{Name: m.name, Type: ft, Func: Value{ft, unsafe.Pointer(&fn), flagMethodFunc | flagIndir},
		Index: i}
}

// methodPkgPath is an interface method's package path: empty when exported,
// else the interface's own package.
func methodPkgPath(t *rtype, name string) string {
	if isExportedName(name) {
		return ""
	}
	return t.PkgPath()
}

// MethodByName returns the method of t's method set with the given name.
func (t *rtype) MethodByName(name string) (Method, bool) {
	n := t.NumMethod()
	for i := 0; i < n; i++ {
		if t.exportedMethod(i).name == name {
			return t.Method(i), true
		}
	}
	return Method{}, false
}

// Implements reports whether t implements the interface type u.
func (t *rtype) Implements(u Type) bool {
	if u == nil {
		panic("reflect: nil type passed to Type.Implements")
	}
	if u.Kind() != Interface {
		panic("reflect: non-interface type passed to Type.Implements")
	}
	return implements(u.common(), t)
}

// implements reports whether a value of type v has every method of interface T.
func implements(T, v *rtype) bool {
	if T.nmethods == 0 {
		return true
	}
	if v.Kind() != Interface {
		return getitab(T, v) != nil
	}
	j := 0
	for i := 0; i < T.nmethods; i++ {
		tm := T.method(i)
		for j < v.nmethods && v.method(j).name < tm.name {
			j++
		}
		if j == v.nmethods || v.method(j).name != tm.name || v.method(j).mtyp != tm.mtyp {
			return false
		}
	}
	return true
}

// AssignableTo reports whether a value of type t can be assigned to a u.
func (t *rtype) AssignableTo(u Type) bool {
	if u == nil {
		panic("reflect: nil type passed to Type.AssignableTo")
	}
	uu := u.common()
	return directlyAssignable(uu, t) || uu.Kind() == Interface && implements(uu, t)
}

// directlyAssignable reports whether a V is assignable to a T without an
// interface conversion: identical types, or one of them unnamed with the same
// underlying type (a bidirectional channel to a directional one included).
func directlyAssignable(T, V *rtype) bool {
	if T == V {
		return true
	}
	if T.named() && V.named() || T.Kind() != V.Kind() {
		return false
	}
	if T.Kind() == Chan && V.len == 0 && T.elem == V.elem {
		return true // chan T to <-chan T or chan<- T (ast::ChanDir 0 is both)
	}
	return identicalUnderlying(T, V)
}

// identicalUnderlying reports whether T and V (of one kind) have identical
// underlying types, comparing their element types by identity.
func identicalUnderlying(T, V *rtype) bool {
	switch T.Kind() {
	case Array:
		return T.len == V.len && T.elem == V.elem
	case Chan:
		return T.len == V.len && T.elem == V.elem
	case Map:
		return T.key == V.key && T.elem == V.elem
	case Pointer, Slice:
		return T.elem == V.elem
	case Func:
		tf, vf := (*funcInfo)(T.fields), (*funcInfo)(V.fields)
		if T.len != V.len || tf.nin != vf.nin || tf.nout != vf.nout {
			return false
		}
		for i := 0; i < tf.nin+tf.nout; i++ {
			if tf.funcType(i) != vf.funcType(i) {
				return false
			}
		}
		return true
	case Interface:
		if T.nmethods != V.nmethods {
			return false
		}
		for i := 0; i < T.nmethods; i++ {
			if T.method(i).name != V.method(i).name || T.method(i).mtyp != V.method(i).mtyp {
				return false
			}
		}
		return true
	case Struct:
		if T.nfields != V.nfields {
			return false
		}
		for i := 0; i < T.nfields; i++ {
			a, b := T.field(i), V.field(i)
			if a.name != b.name || a.typ != b.typ || a.offset != b.offset || a.embedded != b.embedded {
				return false
			}
		}
		return true
	}
	return T.name == V.name // basic kinds: the same unnamed type
}

// storeValue writes x, converted to type t (identical, or boxed into the
// interface t), at dst; op names the caller in the panic for an x that is not
// assignable to t.
func storeValue(op string, t *rtype, dst unsafe.Pointer, x Value) {
	if x.typ == nil {
		panic("reflect: " + op + " using zero Value argument")
	}
	if x.flag&flagRO != 0 {
		panic("reflect: " + op + " using value obtained using unexported field")
	}
	if x.flag&flagMethodFunc != 0 {
		panic("reflect: " + op + " using a Method.Func value, which gojit cannot pass on")
	}
	if directlyAssignable(t, x.typ) {
		if x.indirect() {
			typedmemmove(t, dst, x.ptr)
		} else {
			*(*unsafe.Pointer)(dst) = x.ptr
		}
		return
	}
	if t.Kind() == Interface && implements(t, x.typ) {
		if x.Kind() == Interface {
			x = x.Elem()
			if !x.IsValid() {
				typedmemmove(t, dst, unsafe.Pointer(&[2]unsafe.Pointer{}))
				return
			}
		}
		e := packEface(x)
		word := (*emptyInterface)(unsafe.Pointer(&e)).word
		if t.nmethods == 0 {
			*(*any)(dst) = e
		} else {
			*(*[2]unsafe.Pointer)(dst) = [2]unsafe.Pointer{getitab(t, x.typ), word}
		}
		return
	}
	panic("reflect: " + op + " using " + x.typ.String() + " as type " + t.String())
}

// loadValue is a Value holding a copy of the t at src.
func loadValue(t *rtype, src unsafe.Pointer) Value {
	if ifaceIndir(t) {
		c := unsafe_New(t)
		typedmemmove(t, c, src)
		return Value{t, c, flagIndir}
	}
	return Value{t, *(*unsafe.Pointer)(src), 0}
}

// Call calls the function v with the arguments in, as gc's Value.Call: a
// variadic function's extra arguments are gathered into its last parameter's
// slice. It returns the results.
func (v Value) Call(in []Value) []Value {
	v.mustBe(Func, "reflect.Value.Call")
	return v.call("Call", in)
}

// CallSlice calls the variadic function v, passing in's last element as the
// variadic slice itself.
func (v Value) CallSlice(in []Value) []Value {
	v.mustBe(Func, "reflect.Value.CallSlice")
	return v.call("CallSlice", in)
}

func (v Value) call(op string, in []Value) []Value {
	if v.flag&flagRO != 0 {
		panic("reflect: reflect.Value." + op + " using value obtained using unexported field")
	}
	if v.flag&flagMethodFunc != 0 {
		return (*(*func([]Value) []Value)(v.ptr))(in)
	}
	fn := v.pointer()
	if fn == nil {
		panic("reflect: call of nil function")
	}
	return callCode(op, v.typ, *(*unsafe.Pointer)(fn), fn, in)
}

// callCode calls code(ctx, in...) through the call adapter of func type ft.
func callCode(op string, ft *rtype, code, ctx unsafe.Pointer, in []Value) []Value {
	fi := ft.funcInfo(op)
	if fi.call == nil {
		panic("reflect: " + op + " of a function of type " + ft.String() + ", made at run time, which gojit cannot call")
	}
	n := fi.nin
	variadic := ft.len < 0
	if op == "CallSlice" {
		if !variadic {
			panic("reflect: CallSlice of non-variadic function")
		}
		if len(in) < n {
			panic("reflect: CallSlice with too few input arguments")
		}
		if len(in) > n {
			panic("reflect: CallSlice with too many input arguments")
		}
	} else {
		if variadic {
			n--
		}
		if len(in) < n {
			panic("reflect: Call with too few input arguments")
		}
		if !variadic && len(in) > n {
			panic("reflect: Call with too many input arguments")
		}
	}
	for _, x := range in {
		if x.Kind() == Invalid {
			panic("reflect: " + op + " using zero Value argument")
		}
	}
	if variadic && op == "Call" {
		// Gather the extra arguments into a slice of the last parameter's type.
		st := fi.funcType(fi.nin - 1)
		extra := in[n:]
		s := MakeSlice(st, len(extra), len(extra))
		for i, x := range extra {
			storeValue(op, st.elem, unsafe.Add((*sliceHeader)(s.ptr).Data, uintptr(i)*st.elem.size), x)
		}
		in = append(in[:n:n], s)
	}
	types := make([]*rtype, fi.nin+fi.nout)
	for i := range types {
		types[i] = fi.funcType(i)
	}
	argOffsets, argSize := frameLayout(types[:fi.nin])
	resultOffsets, resultSize := frameLayout(types[fi.nin:])
	args, results := newFrame(argSize), newFrame(resultSize)
	for i, x := range in {
		storeValue(op, types[i], unsafe.Add(args, argOffsets[i]), x)
	}
	adapter := &struct{ code unsafe.Pointer }{fi.call}
	call := *(*func(code, ctx, args, results unsafe.Pointer))(unsafe.Pointer(&adapter))
	call(code, ctx, args, results)
	out := make([]Value, fi.nout)
	for i := range out {
		out[i] = loadValue(types[fi.nin+i], unsafe.Add(results, resultOffsets[i]))
	}
	return out
}

// MakeFunc returns a function of type typ that calls fn with its arguments and
// returns what fn returns (which must be of typ's result types).
func MakeFunc(typ Type, fn func(args []Value) (results []Value)) Value {
	t := typ.common()
	if t.Kind() != Func {
		panic("reflect: call of MakeFunc with non-Func type")
	}
	fi := t.funcInfo("MakeFunc")
	if fi.makefunc == nil {
		panic("reflect: MakeFunc of type " + t.String() + ", made at run time, which gojit cannot make")
	}
	types := make([]*rtype, fi.nin+fi.nout)
	for i := range types {
		types[i] = fi.funcType(i)
	}
	argOffsets, _ := frameLayout(types[:fi.nin])
	resultOffsets, _ := frameLayout(types[fi.nin:])
	impl := func(args, results unsafe.Pointer) {
		in := make([]Value, fi.nin)
		for i := range in {
			in[i] = loadValue(types[i], unsafe.Add(args, argOffsets[i]))
		}
		out := fn(in)
		if len(out) != fi.nout {
			panic("reflect: wrong return count from function created by MakeFunc")
		}
		for i, x := range out {
			rt := types[fi.nin+i]
			if x.typ == nil {
				panic("reflect: function created by MakeFunc using closure returned zero Value")
			}
			if !x.typ.AssignableTo(rt) {
				panic("reflect: function created by MakeFunc using closure returned wrong type: have " +
					x.typ.String() + " for " + rt.String())
			}
			storeValue("MakeFunc", rt, unsafe.Add(results, resultOffsets[i]), x)
		}
	}
	closure := &[2]unsafe.Pointer{fi.makefunc, *(*unsafe.Pointer)(unsafe.Pointer(&impl))}
	return Value{t, unsafe.Pointer(closure), 0}
}

// Method returns v's i-th method (Type.Method's order) bound to v, as a func
// value of the method's type.
func (v Value) Method(i int) Value {
	if v.typ == nil {
		panic(&ValueError{"reflect.Value.Method", Invalid})
	}
	if v.Kind() == Interface && v.IsNil() {
		panic("reflect: Method on nil interface value")
	}
	m := v.typ.exportedMethod(i)
	return v.methodByName(m.name, m.mtyp)
}

// MethodByName returns v's method of the given name bound to v, or the zero
// Value when there is none.
func (v Value) MethodByName(name string) Value {
	if v.typ == nil {
		panic(&ValueError{"reflect.Value.MethodByName", Invalid})
	}
	if v.Kind() == Interface && v.IsNil() {
		panic("reflect: MethodByName on nil interface value")
	}
	m, ok := v.typ.MethodByName(name)
	if !ok {
		return Value{}
	}
	return v.Method(m.Index)
}

// methodByName binds the method name (of type mtyp) to v's value: a MakeFunc
// closure that calls the method's table entry with the receiver's data word.
func (v Value) methodByName(name string, mtyp *rtype) Value {
	var code, ctx unsafe.Pointer
	if v.Kind() == Interface {
		// The dynamic value's method: an interface's methods are its itab's.
		x := v.Elem()
		e := packEface(x)
		ctx = (*emptyInterface)(unsafe.Pointer(&e)).word
		code = x.typ.methodFn(name)
	} else {
		code = v.typ.methodFn(name)
		e := packEface(v)
		ctx = (*emptyInterface)(unsafe.Pointer(&e)).word
	}
	fl := v.flag & flagRO
	// The bound function's own arguments arrive with a variadic slice made.
	op := "Call"
	if mtyp.len < 0 {
		op = "CallSlice"
	}
	bound := MakeFunc(mtyp, func(in []Value) []Value { return callCode(op, mtyp, code, ctx, in) })
	bound.flag |= fl
	return bound
}

// methodFn is the method table entry (the adapter taking the receiver's data
// word) of t's method name.
func (t *rtype) methodFn(name string) unsafe.Pointer {
	for i := 0; i < t.nmethods; i++ {
		if m := t.method(i); m.name == name {
			return m.fn
		}
	}
	panic("reflect: no method " + name + " on " + t.String())
}

// lookupType returns the program's compiled descriptor of the type whose
// string is name, or nil.
func lookupType(name string) *rtype

// getitab returns the itab of concrete type typ for interface inter, or nil
// when typ does not implement it (the runtime's getitab, which may build one).
func getitab(inter, typ *rtype) unsafe.Pointer

// funcTypes holds the func types made at run time, by their string, so that one
// signature has one descriptor among them.
var funcTypes struct {
	sync.Mutex
	made map[string]*rtype
}

// funcOf returns a descriptor, made at run time, of the func type with these
// parameter and result types (Type.Method's receiver-first types). Its funcInfo
// has no adapters (see the top of this file).
func funcOf(in, out []*rtype, variadic bool) *rtype {
	name := "func("
	for i, t := range in {
		if i > 0 {
			name += ", "
		}
		if variadic && i == len(in)-1 {
			name += "..." + t.elem.name
		} else {
			name += t.name
		}
	}
	name += ")"
	switch len(out) {
	case 0:
	case 1:
		name += " " + out[0].name
	default:
		name += " ("
		for i, t := range out {
			if i > 0 {
				name += ", "
			}
			name += t.name
		}
		name += ")"
	}
	funcTypes.Lock()
	defer funcTypes.Unlock()
	if t := funcTypes.made[name]; t != nil {
		return t
	}
	if funcTypes.made == nil {
		funcTypes.made = make(map[string]*rtype)
	}
	// The program's own descriptor when it has the type: it can be called and
	// converted to an interface, and identity holds. (Its key is name unless a
	// component is a function-local type, whose key has a suffix.)
	if t := lookupType(name); t != nil {
		funcTypes.made[name] = t
		return t
	}
	words := make([]unsafe.Pointer, 4+len(in)+len(out))
	info := (*funcInfo)(unsafe.Pointer(&words[0]))
	info.nin, info.nout = len(in), len(out)
	for i, t := range append(append([]*rtype(nil), in...), out...) {
		words[4+i] = unsafe.Pointer(t)
	}
	n := len(in)
	if variadic {
		n = -(n + 1)
	}
	t := &rtype{
		size:    unsafe.Sizeof(uintptr(0)),
		ptrdata: unsafe.Sizeof(uintptr(0)),
		hash:    fnv1a(name),
		kind:    uint8(Func),
		align:   uint8(unsafe.Alignof(uintptr(0))),
		tflag:   tflagDirectIface,
		name:    name,
		len:     n,
		fields:  unsafe.Pointer(info),
		gcdata:  &onePointerWord[0],
	}
	if len(in) > 0 {
		t.elem = in[0]
	}
	funcTypes.made[name] = t
	return t
}
