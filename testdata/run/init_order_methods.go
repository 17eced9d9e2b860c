// run

// Package variables initialise after the variables their initialisers reach through
// methods as well as functions (Go spec, "Package initialization"): method calls,
// method values, method expressions, promoted methods and pointer receivers count;
// a call through an interface does not name a method, so it adds no dependency.
// A local `var x = expr` in a function counts for that function.

package main

import "fmt"

type T struct{ n int }

func (t T) get() int      { return t.n + a }
func (t *T) ptr() int     { return t.n + b }
func (t T) viaValue() int { return c }
func (T) viaExpr() int    { return d }
func (t T) viaLocal() int {
	var x = e * 2
	return x
}

type Outer struct{ T }

type getter interface{ get() int }

var order []string

func note(s string, v int) int {
	order = append(order, fmt.Sprint(s, "=", v))
	return v
}

var (
	p         = note("p", T{1}.get())        // method call: after a
	q         = note("q", (&T{2}).ptr())     // pointer method: after b
	mv        = T{}.viaValue                 // method value: after c
	r         = note("r", mv())              //   (r after mv)
	s         = note("s", T.viaExpr(T{}))    // method expression: after d
	u         = note("u", Outer{T{3}}.get()) // promoted method: after a
	w         = note("w", T{}.viaLocal())    // local var in a method: after e
	g  getter = T{}
	i         = note("i", f()) // through an interface: no dependency on a
	a         = note("a", 10)
	b         = note("b", 20)
	c         = note("c", 30)
	d         = note("d", 40)
	e         = note("e", 50)
)

func f() int {
	if g == nil {
		return -1
	}
	return g.get()
}

func main() {
	for _, o := range order {
		fmt.Println(o)
	}
	fmt.Println(p, q, r, s, u, w, i)
}
