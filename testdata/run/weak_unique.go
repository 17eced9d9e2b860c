// run

// weak.Pointer and unique.Handle: weak pointers read nil once their objects are
// collected (before a finalizer resurrects one), compare as their pointers, and
// unique's canonical copies are collected once no Handle refers to them.
package main

import (
	"fmt"
	"runtime"
	"strings"
	"unique"
	"unsafe"
	"weak"
)

type T struct {
	a, b int
}

var global T

// Objects meant to die are made on goroutines that exit at once (inGoroutine):
// gojit scans stacks conservatively, and a stale copy of a pointer left in one of
// main's frames would keep its object alive.

func inGoroutine[R any](f func() R) R {
	ch := make(chan R)
	go func() { ch <- f() }()
	return <-ch
}

//go:noinline
func transient() weak.Pointer[T] {
	return weak.Make(&T{a: 7})
}

//go:noinline
func alive[P any](w weak.Pointer[P]) bool { return w.Value() != nil }

var resurrected = make(chan *T, 1)

//go:noinline
func withFinalizer() weak.Pointer[T] {
	p := &T{a: 1}
	runtime.SetFinalizer(p, func(p *T) { resurrected <- p })
	return weak.Make(p)
}

//go:noinline
func canonicalCopy(s string) weak.Pointer[string] {
	h := unique.Make(s)
	// A Handle's one field points to the canonical copy.
	return weak.Make(*(**string)(unsafe.Pointer(&h)))
}

func collect[P any](w weak.Pointer[P]) bool {
	for i := 0; i < 5 && alive(w); i++ {
		runtime.GC()
	}
	return !alive(w)
}

func main() {
	w := inGoroutine(transient)
	fmt.Println("collected:", collect(w))

	p := &T{a: 1, b: 2}
	wp := weak.Make(p)
	fmt.Println("value:", wp.Value() == p, wp.Value().b)
	fmt.Println("same pointer, equal:", wp == weak.Make(p))
	fmt.Println("another field, unequal:", weak.Make(&p.a) == weak.Make(&p.b), weak.Make(&p.b) == weak.Make(&p.b))
	runtime.GC()
	fmt.Println("kept while reachable:", wp.Value() == p)
	runtime.KeepAlive(p)

	wg := weak.Make(&global)
	runtime.GC()
	fmt.Println("package variable:", wg.Value() == &global)

	var zero weak.Pointer[T]
	fmt.Println("nil:", zero.Value() == nil, zero == weak.Make[T](nil))

	wf := inGoroutine(withFinalizer)
	runtime.GC()
	r := <-resurrected
	fmt.Println("cleared before the finalizer:", wf.Value() == nil, r.a)
	fmt.Println("resurrected object, new weak pointer:", weak.Make(r) != wf, weak.Make(r).Value() == r)

	a := unique.Make(strings.Repeat("ab", 3))
	b := unique.Make("ababab")
	fmt.Println("unique:", a == b, a.Value(), unique.Make("abab") == a)
	type point struct{ x, y int }
	fmt.Println("unique struct:", unique.Make(point{1, 2}) == unique.Make(point{1, 2}),
		unique.Make(point{1, 2}) == unique.Make(point{2, 1}))

	c := inGoroutine(func() weak.Pointer[string] { return canonicalCopy("transient value") })
	fmt.Println("canonical copy collected:", collect(c))
	fmt.Println("made again:", unique.Make("transient value").Value())
	runtime.KeepAlive(a)
}
