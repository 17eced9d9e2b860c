// errorcheck

// The variables of `a, b = f()` share one initialiser but are each a node of the
// initialisation order: a cycle through b alone (b -> f -> c -> b) is reported,
// though a, declared first, only leads into it.

package main

var (
	a, b = f() // ERROR "initialization cycle for b\n\t.*: b refers to f\n\t.*: f refers to c\n\t.*: c refers to b$"
	c    = b
)

func f() (int, int) {
	return c, c
}

func main() { println(a, b, c) }
