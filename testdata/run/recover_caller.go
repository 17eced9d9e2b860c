// run

// recover stops a panic only when called directly by a deferred function that the
// panic ran: not from a function that deferred call calls, not from a deferred call
// of an earlier panic's frame; `defer recover()` counts as a call by the function
// that deferred it. A recovered nested panic lets the outer one go on.

package main

import "fmt"

func helper() interface{} { return recover() }

func direct() {
	defer func() {
		fmt.Println("direct:", recover())
	}()
	panic("one")
}

func viaHelper() (got interface{}) {
	defer func() {
		got = recover() // the helper below saw nothing; this call stops it
	}()
	defer func() {
		fmt.Println("via helper:", helper())
	}()
	panic("two")
}

func deferredRecover() {
	defer func() {
		defer recover() // runs as this function returns: stops "three"
	}()
	panic("three")
}

type T struct{ name string }

func (t *T) stop() {
	fmt.Println(t.name, "stops", recover())
}

func method() {
	t := &T{"method"}
	defer t.stop()
	panic("four")
}

func nested() {
	defer func() {
		fmt.Println("outer:", recover())
	}()
	defer func() {
		defer func() {
			fmt.Println("inner:", recover())
		}()
		panic("inner panic")
	}()
	panic("outer panic")
}

func main() {
	direct()
	fmt.Println("after via helper:", viaHelper())
	deferredRecover()
	fmt.Println("deferred recover returned")
	method()
	nested()
	fmt.Println("done")
}
