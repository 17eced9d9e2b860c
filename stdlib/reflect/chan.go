// Channels of run-time types: MakeChan, Send, Recv, TrySend, TryRecv and Close,
// through the runtime's own channel operations (reflect_natives.cc), so a value
// sent by reflection meets receivers blocked in compiled code and the reverse.
package reflect

import "unsafe"

// MakeChan creates a new channel of the bidirectional channel type typ with a
// buffer of the given size.
func MakeChan(typ Type, buffer int) Value {
	if typ.Kind() != Chan {
		panic("reflect.MakeChan of non-chan type")
	}
	if buffer < 0 {
		panic("reflect.MakeChan: negative buffer size")
	}
	if typ.ChanDir() != BothDir {
		panic("reflect.MakeChan: unidirectional channel type")
	}
	t := typ.common()
	return Value{t, makechan(t, buffer), 0}
}

// Send sends x on the channel v, blocking until it is delivered.
func (v Value) Send(x Value) { v.send(x, false, "reflect.Value.Send") }

// TrySend sends x on the channel v when that would not block, and reports
// whether it did.
func (v Value) TrySend(x Value) bool { return v.send(x, true, "reflect.Value.TrySend") }

func (v Value) send(x Value, nonblocking bool, method string) bool {
	v.mustBe(Chan, method)
	v.mustBeExported(method)
	if v.typ.ChanDir()&SendDir == 0 {
		panic("reflect: send on recv-only channel")
	}
	x.mustBeExported(method)
	return chansend(v.pointer(), assignTo(x, v.typ.elem, method), nonblocking)
}

// Recv receives a value from the channel v, blocking until one is there; ok is
// false when the value is the zero value of a closed channel.
func (v Value) Recv() (x Value, ok bool) {
	x, _, ok = v.recv(false, "reflect.Value.Recv")
	return x, ok
}

// TryRecv receives from the channel v when that would not block; with nothing
// ready, x is the zero Value.
func (v Value) TryRecv() (x Value, ok bool) {
	x, selected, ok := v.recv(true, "reflect.Value.TryRecv")
	if !selected {
		return Value{}, false
	}
	return x, ok
}

func (v Value) recv(nonblocking bool, method string) (x Value, selected, ok bool) {
	v.mustBe(Chan, method)
	v.mustBeExported(method)
	if v.typ.ChanDir()&RecvDir == 0 {
		panic("reflect: recv on send-only channel")
	}
	et := v.typ.elem
	p := unsafe_New(et)
	selected, ok = chanrecv(v.pointer(), nonblocking, p)
	if !selected {
		return Value{}, false, false
	}
	if ifaceIndir(et) {
		return Value{et, p, flagIndir}, true, ok
	}
	return Value{et, *(*unsafe.Pointer)(p), 0}, true, ok
}

// Close closes the channel v.
func (v Value) Close() {
	v.mustBe(Chan, "reflect.Value.Close")
	v.mustBeExported("reflect.Value.Close")
	if v.typ.ChanDir() == RecvDir {
		panic("reflect: close of receive-only channel")
	}
	chanclose(v.pointer())
}

// mustBeExported panics when v was reached through an unexported field.
func (v Value) mustBeExported(method string) {
	if v.typ == nil {
		panic(&ValueError{method, Invalid})
	}
	if v.flag&flagRO != 0 {
		panic("reflect: " + method + " using value obtained using unexported field")
	}
}

func makechan(t *rtype, size int) unsafe.Pointer
func chansend(ch, elem unsafe.Pointer, nonblocking bool) bool
func chanrecv(ch unsafe.Pointer, nonblocking bool, elem unsafe.Pointer) (selected, received bool)
func chanclose(ch unsafe.Pointer)
