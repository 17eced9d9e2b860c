// errorcheck

// Untyped constant arguments for one type parameter must agree in kind: numbers
// take the largest default type among them, a number and a string fit none.

package main

func G[T any](x, y T) T { return x }

func main() {
	_ = G(1, 2.5)
	_ = G('a', 1)
	_ = G(1, "x")     // ERROR "in call to G, mismatched types untyped int and untyped string \(cannot infer T\)"
	_ = G("a", true)  // ERROR "in call to G, mismatched types untyped string and untyped bool \(cannot infer T\)"
}
